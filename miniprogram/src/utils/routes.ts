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
  faqCuration: '/admin/pages/faq/index',
  privacy: '/pages/privacy/index',
  account: '/account/pages/my-data/index',
} as const;
