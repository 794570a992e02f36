export default definePageConfig({ navigationBarTitleText: 'cases' });
