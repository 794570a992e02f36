export default definePageConfig({ navigationBarTitleText: '常见问题整理', enablePullDownRefresh: true });
