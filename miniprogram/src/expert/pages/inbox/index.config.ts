export default definePageConfig({ navigationBarTitleText: '答复工作台' });
