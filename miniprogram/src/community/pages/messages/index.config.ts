export default definePageConfig({ enablePullDownRefresh: true, navigationBarTitleText: '消息中心' });
