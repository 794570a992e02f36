import type { CaseState, Rating } from '../../domain/case-lifecycle';
import type { DeliveryProblem, NotificationKind } from '../../domain/notification-plan';
import type { Role, Team, UnitKind } from '../../domain/organisation';
import type { RouteReason } from '../../domain/route-question';
import type { TimelineEventType } from '../../contracts/question.contract';

/** Documents as stored. Instants are epoch ms (UTC). */
export interface UnitRecord {
  _id: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  order: number;
}

export interface CategoryRecord {
  _id: string;
  name: string;
  description: string;
  ownerUnitId: string | null;
  answerHours: number | null;
  order: number;
}

export interface MembershipRecord {
  unitId: string;
  team: Team | null;
  categoryIds: string[];
}

export interface UserRecord {
  _id: string;
  openid: string;
  name: string;
  collegeId: string | null;
  roles: Role[];
  memberships: MembershipRecord[];
}

export type QuestionStatusValue = CaseState;

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
  /** Bumped by every state change; writes are conditional on the version read. */
  version: number;
}

export interface AnswerRecord {
  _id: string;
  questionId: string;
  responderOpenid: string;
  responderName: string;
  unitId: string;
  team: Team | null;
  content: string;
  createdAt: number;
}

export type EventType = TimelineEventType;

export interface EventRecord {
  _id: string;
  questionId: string;
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
}

export type TimerKind = 'remind' | 'escalate' | 'autoClose' | 'noticeReminder';

/**
 * Something the scheduler must do at a time. The id is (question, kind, due
 * time), so scheduling twice is harmless. `dueAt` moves to the lease expiry while
 * a tick works on it, so a crashed tick's work is picked up again.
 */
export interface TimerRecord {
  _id: string;
  questionId: string;
  kind: TimerKind;
  scheduledFor: number;
  dueAt: number;
  state: 'pending' | 'running' | 'done' | 'skipped';
  attempts: number;
  /** For noticeReminder: which reminder in the series this is (1, 2, …). */
  round: number;
  finishedAt: number | null;
  outcome: string | null;
}

export type DeliveryChannel = 'subscribe' | 'wecom';

/**
 * One message to one person, written before it is sent (the outbox pattern). The
 * id is (question, kind, due time, recipient): two ticks cannot both create it.
 * Every notification ends as sent, fallen back to the unit's WeCom group, or
 * undeliverable with the reason.
 */
export interface NotificationRecord {
  _id: string;
  questionId: string;
  kind: NotificationKind;
  recipientOpenid: string;
  recipientName: string;
  /** The unit the recipient answers for (for reminders: the owning unit). */
  unitId: string | null;
  templateKey: string;
  data: Record<string, string>;
  page: string;
  text: string;
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
}

/** One-time subscription credits: one accepted template = one message. */
export interface SubscriptionRecord {
  _id: string;
  openid: string;
  templateId: string;
  credits: number;
  updatedAt: number;
}
