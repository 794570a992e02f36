export default definePageConfig({ enablePullDownRefresh: true, navigationBarTitleText: '提醒送达情况' });
