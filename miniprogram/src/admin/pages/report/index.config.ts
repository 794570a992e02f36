export default definePageConfig({ navigationBarTitleText: '双周报' });
