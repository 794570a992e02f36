/** Page URLs in one place, so entry links and navigation agree. */
export const routes = {
  home: '/pages/index/index',
  mine: '/pages/mine/index',
  ask: (collegeId?: string) => (collegeId ? `/pages/ask/index?college=${encodeURIComponent(collegeId)}` : '/pages/ask/index'),
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
  privacy: '/pages/privacy/index',
  account: '/account/pages/my-data/index',
} as const;
