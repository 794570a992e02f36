export default definePageConfig({ navigationBarTitleText: 'case-mark' });
