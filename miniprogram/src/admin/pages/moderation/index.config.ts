export default definePageConfig({ enablePullDownRefresh: true, navigationBarTitleText: '内容审核' });
