export default definePageConfig({ enablePullDownRefresh: true, navigationBarTitleText: '人员与分工' });
