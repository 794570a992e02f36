export default definePageConfig({ enablePullDownRefresh: true, navigationBarTitleText: '答复工作台' });
