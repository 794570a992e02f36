/** Page URLs in one place, so entry links and navigation agree. */
export const routes = {
  home: '/pages/index/index',
  mine: '/pages/mine/index',
  ask: (collegeId?: string) => (collegeId ? `/pages/ask/index?college=${encodeURIComponent(collegeId)}` : '/pages/ask/index'),
  /** 我要提问 from a search that found nothing: what was searched becomes the title. */
  askWithTitle: (title: string) => `/pages/ask/index?title=${encodeURIComponent(title)}`,
  search: (query?: string) => (query ? `/pages/search/index?q=${encodeURIComponent(query)}` : '/pages/search/index'),
  faqs: '/knowledge/pages/faq/index',
  faq: (id: string) => `/knowledge/pages/faq-detail/index?id=${encodeURIComponent(id)}`,
  question: (id: string) => `/pages/question/index?id=${encodeURIComponent(id)}`,
  inbox: '/expert/pages/inbox/index',
  reply: (id: string) => `/expert/pages/reply/index?id=${encodeURIComponent(id)}`,
  escalations: '/admin/pages/escalations/index',
  unreachable: '/admin/pages/unreachable/index',
  performance: '/admin/pages/performance/index',
  moderation: '/admin/pages/moderation/index',
  audit: '/admin/pages/audit/index',
  people: '/admin/pages/people/index',
  routing: '/admin/pages/routing/index',
  entry: '/admin/pages/entry/index',
  stats: '/admin/pages/stats/index',
  reports: (period?: string) => (period ? `/admin/pages/reports/index?period=${encodeURIComponent(period)}` : '/admin/pages/reports/index'),
  /** One 双周报; a 催交 message opens it (shared/server/use-cases/biweekly-reports.ts). */
  report: (id: string) => `/admin/pages/report/index?id=${encodeURIComponent(id)}`,
  cases: '/admin/pages/cases/index',
  caseMark: (questionId: string) => `/admin/pages/case-mark/index?id=${encodeURIComponent(questionId)}`,
  /** 加入: the page an invitation's mini-program code opens (shared/domain/entry-scene.ts JOIN_PAGE). */
  join: (code?: string) => (code ? `/pages/join/index?code=${encodeURIComponent(code)}` : '/pages/join/index'),
  faqCuration: '/admin/pages/faq/index',
  privacy: '/pages/privacy/index',
  account: '/account/pages/my-data/index',
  // The boards (活动公告, 青年视角, 话题墙): the community subpackage.
  activities: '/community/pages/activities/index',
  activity: (id: string) => `/community/pages/activity/index?id=${encodeURIComponent(id)}`,
  /** 发起线下活动, optionally from students' questions (线上诉求延伸到线下). */
  newActivity: (questionIds: readonly string[] = []) =>
    questionIds.length > 0 ? `/community/pages/activity-new/index?questions=${encodeURIComponent(questionIds.join(','))}` : '/community/pages/activity-new/index',
  articles: '/community/pages/articles/index',
  article: (id: string) => `/community/pages/article/index?id=${encodeURIComponent(id)}`,
  newArticle: '/community/pages/article-new/index',
  topics: '/community/pages/topics/index',
  topic: (id: string) => `/community/pages/topic/index?id=${encodeURIComponent(id)}`,
  newTopic: '/community/pages/topic-new/index',
  // 热点标签, 专家推荐 and the message centre (issue 11): the community subpackage too.
  hotTags: '/community/pages/tags/index',
  /** A hot tag's questions: by its word (search) or by its category (the public feed). */
  tagQuestions: (open: { query: string | null; categoryId: string | null }, label: string) => {
    const params = [`label=${encodeURIComponent(label)}`];
    if (open.query) params.push(`q=${encodeURIComponent(open.query)}`);
    if (open.categoryId) params.push(`category=${encodeURIComponent(open.categoryId)}`);
    return `/community/pages/tag/index?${params.join('&')}`;
  },
  experts: '/community/pages/experts/index',
  expert: (id: string) => `/community/pages/expert/index?id=${encodeURIComponent(id)}`,
  messages: '/community/pages/messages/index',
} as const;
