import type { CaseState, Rating } from '../../domain/case-lifecycle';
import type { ExpertFigures, HotTag, ReactionKind, ReactionTargetType } from '../../domain/community';
import type { Moderation, ModerationTarget } from '../../domain/moderation';
import type { Audience, DeliveryProblem, NotificationKind } from '../../domain/notification-plan';
import type { Role, Team, UnitKind } from '../../domain/organisation';
import type { RouteReason } from '../../domain/route-question';
import type { TimelineEventType } from '../../contracts/question.contract';
import type { ReportContent } from '../../contracts/report.contract';
import type { CaseKind } from '../../domain/typical-case';

/** Documents as stored. Instants are epoch ms (UTC). */
export interface UnitRecord {
  _id: string;
  /** The unit as a body ("计算机科学与技术学院团委"). */
  name: string;
  /** What people pick and read: the college itself for a college committee, else the name. */
  shortName: string;
  kind: UnitKind;
  parentId: string | null;
  order: number;
  /** Emergency numbers this unit publishes (紧急通道); the school's apply to every question. */
  emergencyContacts: { label: string; phone: string }[];
  /**
   * The unit's WeCom group robot (reminders nobody can receive by subscription
   * go there). Overrides the unit's entry in QNZS_FALLBACK_WEBHOOKS; missing or
   * null: that entry, if any, applies.
   */
  fallbackWebhook?: string | null;
  /** Bumped by every save (unit.save is conditional on it); missing on seeded records (= 0). */
  version?: number;
  updatedAt?: number;
}

export interface CategoryRecord {
  _id: string;
  name: string;
  description: string;
  ownerUnitId: string | null;
  answerHours: number | null;
  order: number;
  /** The crisis lane goes to this category's owning unit (the counselling centre); at most one category has it. */
  crisisLane?: boolean;
  /** Bumped by every save (category.save is conditional on it); missing on seeded records (= 0). */
  version?: number;
  updatedAt?: number;
}

export interface MembershipRecord {
  unitId: string;
  team: Team | null;
  categoryIds: string[];
  /** False once an admin deactivated it: the person no longer answers for the unit or hears about its questions. Missing = active. */
  active?: boolean;
  /** Whether the person administers this unit; missing on older records, where the `unitAdmin` role decides. */
  admin?: boolean;
  /** When the person joined this unit (by invitation), if they did. */
  since?: number;
  /** The invitation they joined with. */
  invitationId?: string | null;
}

export interface UserRecord {
  _id: string;
  openid: string;
  name: string;
  collegeId: string | null;
  roles: Role[];
  memberships: MembershipRecord[];
  /** Staff who answer officially bind a phone number through WeChat's button, with consent; shown to admins only. */
  phone?: { number: string; boundAt: number } | null;
  /** When the person first joined the roster by invitation (null/missing: added by the school). */
  joinedAt?: number | null;
}

/**
 * An invitation to a team of a unit (邀请码). Joining records the person in
 * `joins` and counts a use with one conditional update, so of two people
 * joining with a single-use code at once exactly one gets in.
 */
export interface InvitationRecord {
  _id: string;
  /** What the person types or scans (`i=<code>`); unique. */
  code: string;
  unitId: string;
  team: Team;
  categoryIds: string[];
  role: 'responder' | 'unitAdmin';
  /** Whom the admin meant it for, if they said (the name a new person is entered under unless they give theirs). */
  name: string | null;
  note: string | null;
  createdAt: number;
  createdByOpenid: string;
  createdByName: string;
  expiresAt: number;
  maxUses: number;
  uses: number;
  /** Who joined and when; `key` is derived from the person's openid (not the openid: that stays in the roster entry). */
  joins: { key: string; at: number }[];
  /** `open` until revoked or used up (expiry is by time); listing open invitations filters on it. */
  state: 'open' | 'usedUp' | 'revoked';
  revokedAt: number | null;
  revokedByName: string | null;
  /** Fingerprint of the request that created it (the same request id with another invitation is refused). */
  requestHash: string | null;
}

/** A mini-program code image made once and kept in cloud storage (entry points). */
export interface EntryCodeRecord {
  _id: string;
  scene: string;
  page: string;
  envVersion: string;
  fileId: string;
  contentType: string;
  createdAt: number;
}

export type QuestionStatusValue = CaseState;

/**
 * A question is the unit of atomicity: its state, its timeline, its answers,
 * what the scheduler owes it and the messages a change must send are one
 * document, so every change is written whole by one conditional update (see
 * docs/decisions/0010-the-question-document-is-written-whole.md).
 */
export interface QuestionRecord {
  _id: string;
  askerOpenid: string;
  askerName: string;
  collegeId: string;
  categoryId: string;
  title: string;
  content: string;
  anonymous: boolean;
  urgent: boolean;
  visibility: 'public' | 'private';
  status: QuestionStatusValue;
  ownerUnitId: string;
  routeReason: RouteReason;
  createdAt: number;
  deadlineAt: number;
  answeredAt: number | null;
  officialAnswerId: string | null;
  answerCount: number;
  assigneeOpenid: string | null;
  escalatedAt: number | null;
  rating: Rating | null;
  reopenCount: number;
  noticeRequired: boolean;
  noticePublishedAt: number | null;
  notice: string | null;
  autoCloseAt: number | null;
  /** When the asker last reopened it (重新办理). */
  reopenedAt: number | null;
  /** When it was closed (for the retention of personal data); null while open. */
  closedAt: number | null;
  /** Whether the public sees the question (content check, reports, moderators). */
  moderation: Moderation;
  /** The public notice's moderation, once there is one. */
  noticeModeration: Moderation | null;
  /** Reports counted in its moderation (ids of (reporter, target)), so a retried report is counted once. */
  reportIds: string[];
  /** Since when something in it waits for a moderator (indexed: the review queue); null when nothing does. */
  moderationPendingAt: number | null;
  /** The crisis lane: kept private and sent urgently to the counselling unit. */
  crisis: boolean;
  /** When the asker's identity was removed (account deleted, or the retention period ran out). */
  anonymisedAt: number | null;
  /** Search terms (public questions only; null for private ones): title and details, and the official answer once there is one. */
  search: SearchFields | null;
  /** The published FAQ entry (常见问题) that gathers it, if one does. */
  faqId: string | null;
  /** 案例报送: marked as a typical online or offline case, or null. */
  typicalCase: TypicalCaseRecord | null;
  /** Bumped by every change; writes are conditional on the version read. */
  version: number;
  /** When it last changed (every change sets it: composeChange); the export feed's order (indexed). */
  updatedAt: number;
  /** Issue 11: activities made from this question (线上诉求延伸到线下); missing on older records. */
  activityIds?: string[];
  /**
   * Community counters, kept with `_.inc` beside the version (never bumping it,
   * never written by a change): 同问 and likes of its answers. Missing on
   * questions stored before they existed (= 0). See decision 19.
   */
  metooCount?: number;
  likeCount?: number;
  /** When its unit was told that many people 同问 (once); missing/null until then. */
  metooFlaggedAt?: number | null;
  /** The recommended expert the asker addressed it to (told first); missing/null when none. */
  addressedExpertOpenid?: string | null;
  /** Cloud storage file ids of its pictures (checked at ask); missing on questions without any. */
  pictures?: string[];
  /** Fingerprint of the ask request when it carried a request id (idempotency key reuse is refused). */
  askRequestHash: string | null;
  /** The append-only timeline (who, when, what, why). */
  timeline: TimelineRecord[];
  /** Every reply; the official one is named by officialAnswerId. */
  answers: AnswerRecord[];
  /** Scheduler progress: the due time of the last reminder dealt with. */
  remindedUpTo: number | null;
  /** Emergencies: when the next "publish the notice" reminder is due, and which one it is. */
  noticeReminderAt: number | null;
  noticeReminderRound: number;
  /** The earliest instant the scheduler has work here (indexed); null when nothing is owed. */
  nextWorkAt: number | null;
  /** Messages this question's changes must send, until the sweep has seen them delivered or queued. */
  outbox: OutboxIntent[];
  /** When the sweep should check the outbox (indexed); null when it is empty. */
  outboxDueAt: number | null;
}

/** A question marked as a typical case, with the handler's write-up. */
export interface TypicalCaseRecord {
  kind: CaseKind;
  writeUp: string;
  markedAt: number;
  markedByOpenid: string;
  markedByName: string;
  /** The unit credited with it (the owning unit when it was marked). */
  unitId: string;
}

export interface AnswerRecord {
  id: string;
  responderOpenid: string;
  responderName: string;
  unitId: string;
  team: Team | null;
  content: string;
  createdAt: number;
  /** Fingerprint of the request that posted it (same key + other content is refused). */
  requestHash: string | null;
  /** Whether the public sees it (the asker and handlers always do). */
  moderation: Moderation;
  /** Cloud storage file ids of its pictures (checked when posted); missing when none. */
  pictures?: string[];
}

export type EventType = TimelineEventType;

export interface TimelineRecord {
  id: string;
  type: EventType;
  /** Empty for the system (scheduler). */
  actorOpenid: string;
  actorName: string;
  actorRole: Role | 'system';
  at: number;
  fromStatus: QuestionStatusValue | null;
  toStatus: QuestionStatusValue | null;
  unitId: string | null;
  reason: string | null;
  /** The version of the question this event produced. */
  version: number;
  /** The reply an answer/reply event records. */
  answerId: string | null;
  /** A person's request that caused it: the key (person + request id) and the request's fingerprint. */
  request: { key: string; hash: string } | null;
}

/**
 * A message a change owes, stored in the question by the same write as the
 * change. The api (or the scheduler) delivers it at once; the sweep makes sure
 * it was, after `outboxDueAt`.
 */
export interface OutboxIntent {
  kind: NotificationKind;
  /** The event id or the scheduled time it is about: with the kind and recipient, the message's identity. */
  occasion: string;
  audience: Audience;
  unitName: string;
  note: string;
  at: number;
  /** Sent by subscription and also posted to the unit's WeCom group (emergencies), not one or the other. */
  alsoGroup: boolean;
}

/** By subscription message, to the unit's WeCom group, or (emergencies) both. */
export type DeliveryChannel = 'subscribe' | 'wecom' | 'both';

/**
 * One message to one person, written before it is sent (the outbox pattern). The
 * id is (question, kind, due time, recipient): two ticks cannot both create it.
 * Every notification ends as sent, fallen back to the unit's WeCom group, or
 * undeliverable with the reason.
 */
export interface NotificationRecord {
  _id: string;
  /** The question it is about; '' for a message about something else (then `subject` says what). */
  questionId: string;
  /**
   * A message about something other than a question: a biweekly report (催交),
   * an activity or a unit. Absent for question messages; a retry re-checks
   * only what its subject says.
   */
  subject?: { type: 'report' | 'activity' | 'unit'; id: string } | null;
  kind: NotificationKind;
  recipientOpenid: string;
  recipientName: string;
  /** The unit the recipient answers for (for reminders: the owning unit). */
  unitId: string | null;
  templateKey: string;
  data: Record<string, string>;
  page: string;
  text: string;
  /** Emergencies go to the unit's WeCom group as well as by subscription. */
  alsoGroup: boolean;
  /** `withdrawn`: a retry found the message no longer true (the question was answered meanwhile). */
  state: 'pending' | 'sending' | 'sent' | 'fallback' | 'undeliverable' | 'withdrawn';
  dueAt: number;
  attempts: number;
  channel: DeliveryChannel | null;
  /** Detail for the log (WeChat's errcode and message). */
  reason: string | null;
  /** Why it did not go by subscription, when it did not. */
  problem: DeliveryProblem | null;
  createdAt: number;
  finishedAt: number | null;
  /** When the recipient read it in the message centre; missing or null: unread. */
  readAt?: number | null;
}

/**
 * Asking limits, kept per person so they hold under concurrency: the ask that
 * would exceed a limit fails the conditional update that records it. Entries
 * are the question ids and times of the person's recent asks, newest last.
 */
export interface AskQuotaRecord {
  _id: string;
  recent: { id: string; at: number }[];
  urgent: { id: string; at: number }[];
}

/** One person's report of one thing (举报): the id is (reporter, target), so a person reports a thing once. */
export interface ReportRecord {
  _id: string;
  questionId: string;
  target: ModerationTarget;
  answerId: string | null;
  reporterOpenid: string;
  reason: string;
  at: number;
}

/** An admin action (moderation, and later roster, routing and roles), for the school admin's audit log. */
export interface AuditRecord {
  _id: string;
  at: number;
  actorOpenid: string;
  actorName: string;
  /** e.g. moderation.hide, moderation.publish */
  action: string;
  /** What it was done to, in words. */
  target: string;
  questionId: string | null;
  reason: string | null;
  /** The unit the change concerns (roster and routing changes). */
  unitId?: string | null;
  /** Fingerprint of the request when its id names the line (a retry finds it; the same id with another change is refused). */
  requestHash?: string | null;
}

/** The school's own word list for the content check, kept as configuration in the database. */
export interface ModerationWordsRecord {
  _id: 'moderation-words';
  /** Refused outright. */
  block: string[];
  /** Published only after a moderator looks. */
  review: string[];
  updatedAt: number;
}

/** One-time subscription credits: one accepted template = one message. */
export interface SubscriptionRecord {
  _id: string;
  openid: string;
  templateId: string;
  credits: number;
  updatedAt: number;
}

/** What a document stores to be found (shared/domain/search): distinct terms (an indexed array), their counts, its length. */
export interface SearchFields {
  terms: string[];
  counts: number[];
  length: number;
}

/** Corpus statistics of the public questions, one document, kept with `_.inc` as questions are indexed. */
export interface SearchStatsRecord {
  _id: 'questions';
  documents: number;
  totalLength: number;
  documentFrequency: Record<string, number>;
}

/** 常见问题 (置顶公告): one canonical answer gathering repeated questions. */
export interface FaqRecord {
  _id: string;
  title: string;
  answer: string;
  categoryId: string | null;
  questionIds: string[];
  /** Its own text and the titles of the questions it gathers: what it is found by (the coordinator's merge teaches search). */
  search: SearchFields;
  state: 'published' | 'retired';
  publishedAt: number;
  updatedAt: number;
  updatedByOpenid: string;
  updatedByName: string;
  retiredReason: string | null;
  version: number;
}

/** A group of repeated questions found in a half month, for the coordinator. */
export interface FaqCandidateRecord {
  _id: string;
  periodFrom: number;
  periodTo: number;
  questionIds: string[];
  faqId: string | null;
  state: 'open' | 'published' | 'dismissed';
  createdAt: number;
}

/** A student who found their answer among the suggestions and did not ask (id: person, target, day). */
export interface DeflectionRecord {
  _id: string;
  at: number;
  kind: 'question' | 'faq';
  targetId: string;
}

/**
 * 双周报: one per answering unit (and one for the school) per period; the id
 * is (period, unit), so a rerun of the generation cannot make a second one.
 * Its content is fixed when generated (the period is over); the unit edits
 * only its problems and suggestions, then submits.
 */
export interface BiweeklyReportRecord {
  _id: string;
  /** The campus date the period ends on: "2026-03-12". */
  periodKey: string;
  periodFrom: number;
  periodTo: number;
  dueAt: number;
  scope: 'unit' | 'school';
  /** Null for the school's report. */
  unitId: string | null;
  unitName: string;
  state: 'draft' | 'submitted';
  content: ReportContent;
  /** 存在问题与工作建议. */
  problems: string;
  generatedAt: number;
  updatedAt: number;
  updatedByName: string | null;
  submittedAt: number | null;
  submittedByOpenid: string | null;
  submittedByName: string | null;
  /** 催交: the last reminder, the campus day it was sent on (one a day), and how many days it was sent. */
  lastUrgedAt: number | null;
  lastUrgedDay: string | null;
  urgeCount: number;
  /** Bumped by every edit; writes are conditional on it. */
  version: number;
  /** The Excel and Word files (storage file ids) and the version they were made from. */
  files: { version: number; xlsx: string; docx: string; renderedAt: number } | null;
  /** When the scheduler should (re)make the files (indexed); null when they are current. */
  filesDueAt: number | null;
}

/** The biweekly calendar: the next generation instant the scheduler owes (a 12th or 26th, 00:00 Asia/Shanghai). */
export interface ReportCalendarRecord {
  _id: 'biweekly';
  next: number;
}
// ── issue 11 community (同问, 关注, 点赞, boards): docs/decisions/0019-community-counters-and-messages.md ──

/**
 * One person's 同问, follow or like of one thing: the id is (kind, target,
 * person), so a person does it once; the counter moves only when this record
 * is created or removed (decision 19).
 */
export interface ReactionRecord {
  _id: string;
  kind: ReactionKind;
  targetType: ReactionTargetType;
  targetId: string;
  /** The question it belongs to (the question itself, or the question holding the answer). */
  questionId: string | null;
  openid: string;
  /** Whom a like is credited to (the responder of the answer); null otherwise. */
  creditedTo: string | null;
  creditedUnitId: string | null;
  at: number;
}

/** A counted figure (likes of an answer, likes a responder received), moved only by `_.inc`. */
export interface CounterRecord {
  _id: string;
  count: number;
  updatedAt: number;
}

/** What the scheduler computes for the boards, one small document each, read in one request. */
export interface HotTagsBoardRecord {
  _id: 'hotTags';
  computedAt: number;
  /** The questions considered were asked in [from, computedAt). */
  from: number;
  tags: (HotTag & { samples: { id: string; title: string }[] })[];
}

export interface ExpertFiguresBoardRecord {
  _id: 'expertFigures';
  computedAt: number;
  from: number;
  figures: ({ openid: string } & ExpertFigures)[];
}

export type BoardRecord = HotTagsBoardRecord | ExpertFiguresBoardRecord;

// ── issue 11 boards (活动公告, 青年视角, 话题墙): docs/decisions/0020-boards-activities-articles-topics.md ──

/** A person holding a place at an activity (a seat or a place on the waiting list). */
export interface AttendeeRecord {
  openid: string;
  name: string;
  /** When they signed up. */
  at: number;
  /** Moved from the waiting list to a seat: when, and by whose cancellation (its key), so a retried cancel tells them once. */
  promotedAt?: number | null;
  promotedBy?: string | null;
}

/**
 * An activity, whole: seats, waiting list and check-ins in the one document,
 * so a sign-up is one conditional update (`seatCount < capacity`, the person
 * not in `people`) that MongoDB applies atomically: N seats are never
 * exceeded however many sign up at once.
 */
export interface ActivityRecord {
  _id: string;
  unitId: string;
  title: string;
  body: string;
  place: string;
  startAt: number;
  endAt: number;
  signUpDeadline: number;
  capacity: number;
  state: 'published' | 'cancelled';
  /** Every question it grew from (private ones too: never shown publicly). Indexed. */
  questionIds: string[];
  createdAt: number;
  createdByOpenid: string;
  createdByName: string;
  /** Six digits the organiser shows at the venue. */
  checkInCode: string;
  seats: AttendeeRecord[];
  waiting: AttendeeRecord[];
  /** Openids of everyone in `seats` or `waiting` (what the conditional updates test). */
  people: string[];
  seatCount: number;
  checkedIn: { openid: string; at: number }[];
  version: number;
  requestHash: string | null;
}

export interface ArticleRecord {
  _id: string;
  unitId: string;
  title: string;
  coverFileId: string;
  body: string;
  authorOpenid: string;
  authorName: string;
  publishedAt: number;
  /** Taken down by a moderator (indexed: the feed lists what is not hidden). */
  hidden: boolean;
  hiddenReason: string | null;
  /** Likes come with the likes design (issue 11, slice 1). */
  likeCount: number;
  requestHash: string | null;
}

/** Each unit's publishing clock (青年视角 every two weeks): the last article, and the lapse it was last reminded of. */
export interface UnitPublishingRecord {
  _id: string;
  /** When the unit last published; null: never (then `since` starts the clock). */
  lastArticleAt: number | null;
  /** When tracking started for this unit. */
  since: number;
  /** The start of the lapse (lastArticleAt ?? since) it was last reminded of; null: never reminded. */
  remindedFor: number | null;
}

export interface TopicRecord {
  _id: string;
  unitId: string;
  title: string;
  description: string;
  state: 'open' | 'closed';
  pinned: boolean;
  hidden: boolean;
  hiddenReason: string | null;
  postCount: number;
  createdAt: number;
  createdByOpenid: string;
  createdByName: string;
  requestHash: string | null;
}

export interface TopicCommentRecord {
  id: string;
  authorOpenid: string;
  authorName: string;
  anonymous: boolean;
  content: string;
  createdAt: number;
  moderation: Moderation;
}

export interface TopicPostRecord {
  _id: string;
  topicId: string;
  authorOpenid: string;
  authorName: string;
  anonymous: boolean;
  content: string;
  createdAt: number;
  moderation: Moderation;
  /** Likes come with the likes design (issue 11, slice 1). */
  likeCount: number;
  commentCount: number;
  comments: TopicCommentRecord[];
  requestHash: string | null;
}
// ── end issue 11 boards ──
