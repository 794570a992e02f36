export default definePageConfig({ enablePullDownRefresh: true, navigationBarTitleText: '活动公告' });
