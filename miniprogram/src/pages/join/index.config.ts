export default definePageConfig({ navigationBarTitleText: '加入答复团队' });
