export default definePageConfig({ enablePullDownRefresh: true, navigationBarTitleText: '青年视角' });
