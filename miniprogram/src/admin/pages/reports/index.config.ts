export default definePageConfig({ enablePullDownRefresh: true, navigationBarTitleText: '双周报' });
