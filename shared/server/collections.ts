/**
 * Every collection the platform uses and the indexes its queries need, declared in
 * one place. `scripts/provision.ts` creates them (locally and in CloudBase), and
 * the local cloud checks that queries are covered by one of these indexes.
 */
export interface IndexSpec {
  name: string;
  /** Field → 1 (ascending) or -1 (descending), in key order. */
  keys: Record<string, 1 | -1>;
  unique?: boolean;
}

export interface CollectionSpec {
  name: string;
  purpose: string;
  indexes: IndexSpec[];
  /** Small reference data read whole (tens of rows); every other query must use an index. */
  readWhole?: boolean;
}

export const COLLECTIONS = {
  units: {
    name: 'units',
    purpose: 'the organisation tree: school committee, colleges, branches, functional departments',
    indexes: [],
    readWhole: true,
  },
  categories: {
    name: 'categories',
    purpose: 'question categories with their owning unit and answer window',
    indexes: [],
    readWhole: true,
  },
  users: {
    name: 'users',
    purpose: 'the roster: people bound to a WeChat openid with roles and unit memberships',
    indexes: [
      { name: 'openid_unique', keys: { openid: 1 }, unique: true },
      { name: 'by_unit', keys: { 'memberships.unitId': 1 } },
      { name: 'by_role', keys: { roles: 1 } },
      { name: 'by_team', keys: { 'memberships.team': 1 } },
    ],
  },
  invitations: {
    name: 'invitations',
    purpose: 'invitations (邀请码) to a team of a unit: who may join, until when, how often, and who did',
    indexes: [
      { name: 'code_unique', keys: { code: 1 }, unique: true },
      { name: 'open_by_unit', keys: { unitId: 1, state: 1, createdAt: -1 } },
      { name: 'open_by_time', keys: { state: 1, createdAt: -1 } },
    ],
  },
  entryCodes: {
    name: 'entryCodes',
    purpose: 'mini-program code images already made and kept in cloud storage (entry points), by scene, page and version',
    indexes: [],
  },
  questions: {
    name: 'questions',
    purpose: 'questions, each whole: state, routing, deadline, timeline, answers, what the scheduler owes it, the messages its changes owe',
    indexes: [
      { name: 'published_feed', keys: { visibility: 1, 'moderation.state': 1, status: 1, createdAt: -1 } },
      { name: 'published_by_category', keys: { visibility: 1, 'moderation.state': 1, status: 1, categoryId: 1, createdAt: -1 } },
      { name: 'by_asker', keys: { askerOpenid: 1, createdAt: -1 } },
      { name: 'inbox_pending', keys: { ownerUnitId: 1, status: 1, deadlineAt: 1 } },
      { name: 'inbox_answered', keys: { ownerUnitId: 1, status: 1, answeredAt: -1 } },
      { name: 'escalation_queue', keys: { status: 1, escalatedAt: 1 } },
      { name: 'due_work', keys: { nextWorkAt: 1 } },
      { name: 'outbox_due', keys: { outboxDueAt: 1 } },
      { name: 'by_answer_id', keys: { 'answers.id': 1 } },
      { name: 'by_time', keys: { createdAt: -1 } },
      { name: 'by_event', keys: { 'timeline.type': 1, 'timeline.at': -1 } },
      { name: 'escalations_by_urgency', keys: { status: 1, urgent: -1, deadlineAt: 1 } },
      { name: 'inbox_by_urgency', keys: { ownerUnitId: 1, status: 1, urgent: -1, deadlineAt: 1 } },
      { name: 'moderation_queue', keys: { moderationPendingAt: 1 } },
      { name: 'by_actor', keys: { 'timeline.actorOpenid': 1, createdAt: -1 } },
      { name: 'search_terms', keys: { 'search.terms': 1 } },
      { name: 'by_answer_time', keys: { 'answers.createdAt': -1 } },
      { name: 'typical_cases', keys: { 'typicalCase.markedAt': -1 } },
      { name: 'feed_by_update', keys: { visibility: 1, updatedAt: 1 } },
      { name: 'published_by_metoo', keys: { visibility: 1, 'moderation.state': 1, status: 1, metooCount: -1 } },
      { name: 'published_by_college', keys: { visibility: 1, 'moderation.state': 1, status: 1, collegeId: 1, anonymous: 1, createdAt: -1 } },
      { name: 'published_by_likes', keys: { visibility: 1, 'moderation.state': 1, status: 1, likeCount: -1 } },
      { name: 'by_answered_at', keys: { answeredAt: -1 } },
    ],
  },
  askQuotas: {
    name: 'askQuotas',
    purpose: "each asker's recent asks, so the asking limits hold under concurrency",
    indexes: [],
  },
  notifications: {
    name: 'notifications',
    purpose: 'every intended message (outbox pattern): sent, fallen back, or undeliverable with the reason',
    indexes: [
      { name: 'due', keys: { state: 1, dueAt: 1 } },
      { name: 'by_unit_state', keys: { unitId: 1, state: 1, createdAt: -1 } },
      { name: 'problems_by_time', keys: { state: 1, createdAt: -1 } },
      { name: 'by_recipient', keys: { recipientOpenid: 1, createdAt: -1 } },
      { name: 'unread_by_recipient', keys: { recipientOpenid: 1, readAt: 1 } },
    ],
  },
  outbox: {
    name: 'outbox',
    purpose: 'local cloud only: the messages that would have gone to WeChat or a WeCom group',
    indexes: [],
    readWhole: true,
  },
  reports: {
    name: 'reports',
    purpose: "people's reports of published content (举报), one per person per thing",
    indexes: [{ name: 'by_reporter', keys: { reporterOpenid: 1 } }],
  },
  audit: {
    name: 'audit',
    purpose: "admin actions (moderation, roster, routing, roles) for the school admin's audit log",
    indexes: [{ name: 'by_time', keys: { at: -1 } }],
  },
  searchStats: {
    name: 'searchStats',
    purpose: "the public questions' search statistics (documents, lengths, each term's document frequency), one document kept with _.inc",
    indexes: [],
    readWhole: true,
  },
  searchMeta: {
    name: 'searchMeta',
    purpose: 'small counters for search: the FAQ version caches check, how far the half-monthly grouping has run',
    indexes: [],
    readWhole: true,
  },
  faqs: {
    name: 'faqs',
    purpose: '常见问题 entries (置顶公告): canonical answers gathering repeated questions; a few hundred, read whole and cached',
    indexes: [],
    readWhole: true,
  },
  faqCandidates: {
    name: 'faqCandidates',
    purpose: "groups of repeated questions the scheduler found in each half month, for the coordinator",
    indexes: [
      { name: 'open_by_period', keys: { state: 1, periodFrom: -1 } },
      { name: 'by_created', keys: { createdAt: -1 } },
    ],
  },
  deflections: {
    name: 'deflections',
    purpose: 'students who found their answer among the suggestions and did not ask (one per person, answer and day)',
    indexes: [{ name: 'by_time', keys: { at: -1 } }],
  },
  settings: {
    name: 'settings',
    purpose: "the school's configuration kept in the database (the content check's word list)",
    indexes: [],
    readWhole: true,
  },
  biweeklyReports: {
    name: 'biweeklyReports',
    purpose: '双周报: one per answering unit and one for the school per period, their problems section, submission, reminders and files',
    indexes: [
      { name: 'by_period', keys: { periodKey: -1, unitId: 1 } },
      { name: 'files_due', keys: { filesDueAt: 1 } },
    ],
  },
  reportCalendar: {
    name: 'reportCalendar',
    purpose: 'the biweekly calendar: the next generation instant the scheduler owes (one document)',
    indexes: [],
    readWhole: true,
  },
  subscriptions: {
    name: 'subscriptions',
    purpose: 'WeChat one-time subscription credits per person per template',
    indexes: [{ name: 'by_openid', keys: { openid: 1 } }],
  },
  // ── issue 11 community (同问, 关注, 点赞; boards computed by the scheduler) ──
  reactions: {
    name: 'reactions',
    purpose: "one record per person per 同问, follow or like (id: kind, target, person), so each is counted once (decision 19)",
    indexes: [
      { name: 'by_target', keys: { targetId: 1, kind: 1, at: 1 } },
      { name: 'by_person', keys: { openid: 1, at: -1 } },
      { name: 'likes_by_credited', keys: { creditedTo: 1, at: -1 } },
    ],
  },
  counters: {
    name: 'counters',
    purpose: "counted figures moved only by _.inc, read by id: an answer's likes, the likes a responder received (decision 19)",
    indexes: [],
  },
  boards: {
    name: 'boards',
    purpose: "the boards' small documents the scheduler computes: hot tags, expert figures (decision 19)",
    indexes: [],
    readWhole: true,
  },
  // ── issue 11 boards (活动公告, 青年视角, 话题墙) ──
  activities: {
    name: 'activities',
    purpose: '活动公告: each activity whole, with its seats, waiting list and check-ins (one document: sign-up is one conditional update)',
    indexes: [
      { name: 'by_end', keys: { state: 1, endAt: 1 } },
      { name: 'by_question', keys: { questionIds: 1 } },
      // 我的数据 and account deletion: the activities a person signed up or waits for.
      { name: 'by_person', keys: { people: 1 } },
    ],
  },
  articles: {
    name: 'articles',
    purpose: '青年视角: original articles published by units',
    indexes: [
      { name: 'published_feed', keys: { hidden: 1, publishedAt: -1 } },
      { name: 'by_unit', keys: { hidden: 1, unitId: 1, publishedAt: -1 } },
    ],
  },
  unitPublishing: {
    name: 'unitPublishing',
    purpose: "each unit's last article date and the 14-day reminder it got (one per unit, tens of rows)",
    indexes: [],
    readWhole: true,
  },
  topics: {
    name: 'topics',
    purpose: '话题墙: topics a league committee opened (pinned first, newest first)',
    indexes: [{ name: 'wall', keys: { hidden: 1, pinned: -1, createdAt: -1 } }],
  },
  topicPosts: {
    name: 'topicPosts',
    purpose: "话题墙: students' short takes on a topic, each with its comments",
    indexes: [
      { name: 'by_topic', keys: { topicId: 1, 'moderation.state': 1, createdAt: -1 } },
      // 我的数据 and account deletion: a person's takes, and the takes holding their comments.
      { name: 'by_author', keys: { authorOpenid: 1, createdAt: -1 } },
      { name: 'by_commenter', keys: { 'comments.authorOpenid': 1 } },
    ],
  },
  // ── end issue 11 boards ──
} as const satisfies Record<string, CollectionSpec>;

export type CollectionName = keyof typeof COLLECTIONS;
export const ALL_COLLECTIONS: CollectionSpec[] = Object.values(COLLECTIONS);
