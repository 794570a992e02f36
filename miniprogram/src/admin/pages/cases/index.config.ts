export default definePageConfig({ enablePullDownRefresh: true, navigationBarTitleText: '典型案例' });
