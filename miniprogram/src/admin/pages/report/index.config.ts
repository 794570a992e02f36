export default definePageConfig({ navigationBarTitleText: 'report' });
