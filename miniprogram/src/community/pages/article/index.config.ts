export default definePageConfig({ navigationBarTitleText: '青年视角' });
