export default definePageConfig({ enablePullDownRefresh: true, navigationBarTitleText: '热点标签' });
