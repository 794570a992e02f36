export default definePageConfig({
  navigationBarTitleText: '青年之声',
  enablePullDownRefresh: true,
});
