// Responders answer here; the coordinator, supervisors and the school admin also 催办 from here.
export default definePageConfig({ navigationBarTitleText: '问题办理' });
