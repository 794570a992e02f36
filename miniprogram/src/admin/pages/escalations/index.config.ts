export default definePageConfig({ enablePullDownRefresh: true, navigationBarTitleText: '超时督办' });
