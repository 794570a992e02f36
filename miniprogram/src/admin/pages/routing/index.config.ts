export default definePageConfig({ enablePullDownRefresh: true, navigationBarTitleText: '单位与分类' });
