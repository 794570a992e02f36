export default definePageConfig({ enablePullDownRefresh: true, navigationBarTitleText: '数据统计' });
