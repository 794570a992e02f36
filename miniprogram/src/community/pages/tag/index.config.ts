export default definePageConfig({ enablePullDownRefresh: true, navigationBarTitleText: '相关问题' });
