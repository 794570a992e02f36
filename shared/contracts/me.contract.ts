import { z } from 'zod';
import { ROLES, TEAMS } from '../domain/organisation';
import { Id, Instant } from './common.contract';
import { QuestionDetail } from './question.contract';

export const Membership = z.strictObject({
  unitId: Id,
  unitName: z.string(),
  team: z.enum(TEAMS).nullable(),
  categoryIds: z.array(Id),
});

export const MeGetInput = z.strictObject({});
export const MeGetOutput = z.strictObject({
  /** False for a WeChat user the roster does not know yet: they act as a student. */
  registered: z.boolean(),
  name: z.string().nullable(),
  collegeId: Id.nullable(),
  roles: z.array(z.enum(ROLES)),
  memberships: z.array(Membership),
  /** Subscription templates to request at natural taps (≤ 3 per request). */
  subscribeTemplates: z.strictObject({
    /** When a student submits a question: answered / handling progress. */
    asker: z.array(z.string()).max(3),
    /** When a responder opens the workbench or replies: reminders and escalations. */
    responder: z.array(z.string()).max(3),
  }),
  /** How many messages each subscribed template can still deliver to this person (one-time subscriptions). */
  credits: z.array(z.strictObject({ templateId: z.string(), credits: z.number().int().nonnegative() })),
  /** Staff: the phone number they bound (masked, 138****0000), or null. */
  phone: z.string().nullable(),
});
export type Me = z.infer<typeof MeGetOutput>;

/**
 * 我的数据: everything the platform holds about the caller, as they may read
 * it (their questions as their asker sees them, never the handlers' notes).
 */
export const MeExportInput = z.strictObject({});
export const MeExportOutput = z.strictObject({
  exportedAt: Instant,
  identity: z.strictObject({
    /** The WeChat identity of this mini-program (openid): the login. */
    openid: z.string(),
    registered: z.boolean(),
    name: z.string().nullable(),
    collegeId: Id.nullable(),
    roles: z.array(z.enum(ROLES)),
    memberships: z.array(Membership),
  }),
  questionsAsked: z.array(QuestionDetail),
  answersGiven: z.array(
    z.strictObject({ questionId: Id, questionTitle: z.string(), answerId: Id, content: z.string(), createdAt: Instant, official: z.boolean() }),
  ),
  /** Handling steps they took (claims, transfers, progress notes…) on questions they did not ask. */
  stepsTaken: z.array(z.strictObject({ questionId: Id, questionTitle: z.string(), type: z.string(), at: Instant, note: z.string().nullable() })),
  messages: z.array(z.strictObject({ kind: z.string(), text: z.string(), state: z.string(), createdAt: Instant })),
  subscriptions: z.array(z.strictObject({ templateId: z.string(), credits: z.number().int().nonnegative() })),
  reports: z.array(z.strictObject({ questionId: Id, target: z.string(), reason: z.string(), at: Instant })),
  /** When they asked recently (what the asking limits count). */
  recentAsks: z.array(Instant),
  /** Their 同问, follows and likes. */
  reactions: z.array(z.strictObject({ kind: z.string(), targetType: z.string(), targetId: z.string(), questionId: z.string().nullable(), at: Instant })),
  /** Their takes on the 话题墙 (held and hidden ones too). */
  topicPosts: z.array(
    z.strictObject({ id: z.string(), topicId: z.string(), content: z.string(), anonymous: z.boolean(), createdAt: Instant, moderation: z.enum(['published', 'review', 'hidden']), likeCount: z.number().int() }),
  ),
  /** Their comments on takes on the 话题墙. */
  topicComments: z.array(
    z.strictObject({ id: z.string(), postId: z.string(), topicId: z.string(), content: z.string(), anonymous: z.boolean(), createdAt: Instant, moderation: z.enum(['published', 'review', 'hidden']) }),
  ),
  /** Their sign-ups for activities (活动公告): signed up, waiting, or checked in. */
  activitySignUps: z.array(
    z.strictObject({ activityId: z.string(), title: z.string(), startAt: Instant, endAt: Instant, place: z.string(), signedUpAt: Instant, state: z.enum(['signedUp', 'waiting', 'checkedIn']), checkedInAt: Instant.nullable() }),
  ),
});
export type MyData = z.infer<typeof MeExportOutput>;

/** 注销账号: typed confirmation, so no stray tap deletes an account. */
export const ACCOUNT_DELETE_CONFIRMATION = '注销账号';
export const MeDeleteInput = z.strictObject({ confirm: z.literal(ACCOUNT_DELETE_CONFIRMATION) });
export const MeDeleteOutput = z.strictObject({ deleted: z.literal(true) });

/** 绑定手机号 (staff who answer officially): the code from WeChat's phone-number button. */
export const MeBindPhoneInput = z.strictObject({ code: z.string().trim().min(1).max(128) });
export const MeBindPhoneOutput = z.strictObject({ phone: z.string() });

/** 138****0000: what the person themself is shown of their number. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}
