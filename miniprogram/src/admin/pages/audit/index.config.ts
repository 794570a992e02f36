export default definePageConfig({ enablePullDownRefresh: true, navigationBarTitleText: '操作日志' });
