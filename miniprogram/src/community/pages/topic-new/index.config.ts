export default definePageConfig({ navigationBarTitleText: '开设话题' });
