export default definePageConfig({ enablePullDownRefresh: true, navigationBarTitleText: '专家推荐' });
