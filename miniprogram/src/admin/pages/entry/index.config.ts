export default definePageConfig({ navigationBarTitleText: '入口与二维码' });
