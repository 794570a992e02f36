export default definePageConfig({ enablePullDownRefresh: true, navigationBarTitleText: '话题' });
