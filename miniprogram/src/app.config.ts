export default defineAppConfig({
  pages: ['pages/index/index'],
  window: { navigationBarTitleText: '青年之声' },
});
