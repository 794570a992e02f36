export default definePageConfig({ navigationBarTitleText: '标记典型案例' });
