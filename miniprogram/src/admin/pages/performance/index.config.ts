export default definePageConfig({ enablePullDownRefresh: true, navigationBarTitleText: '各单位答复情况' });
