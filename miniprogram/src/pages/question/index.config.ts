// A public question can be shared (its card never names the asker); private ones hide the menu at runtime.
export default definePageConfig({ navigationBarTitleText: '问题详情', enableShareAppMessage: true });
