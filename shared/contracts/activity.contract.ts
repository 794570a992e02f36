import { z } from 'zod';
import { Id, Instant, PageInput } from './common.contract';
import { userText } from './text.contract';

/**
 * 活动公告 (BUCM §一, §六.3, §六.5; ZJU §三.2 线上线下联动): announcements and
 * activities with time, place, capacity, sign-up with a waiting list, and
 * check-in by a code the organiser shows. docs/decisions/0020-….
 */
export const ACTIVITY_TITLE_MAX = 40;
export const ACTIVITY_BODY_MAX = 3000;
export const ACTIVITY_CAPACITY_MAX = 2000;

export const ActivitySignUpState = z.enum(['none', 'signedUp', 'waiting']);
export type ActivitySignUpState = z.infer<typeof ActivitySignUpState>;

export const ActivitySummary = z.strictObject({
  id: Id,
  title: z.string(),
  unitId: Id,
  unitName: z.string(),
  place: z.string(),
  startAt: Instant,
  endAt: Instant,
  signUpDeadline: Instant,
  capacity: z.number().int().positive(),
  signedUp: z.number().int().nonnegative(),
  waiting: z.number().int().nonnegative(),
  /** Made from students' questions (线上诉求延伸到线下). */
  fromQuestions: z.boolean(),
});
export type ActivitySummary = z.infer<typeof ActivitySummary>;

export const ActivityListInput = PageInput.extend({ when: z.enum(['upcoming', 'past']).default('upcoming') });
export const ActivityListOutput = z.strictObject({ items: z.array(ActivitySummary), nextCursor: z.string().nullable() });

export const ActivityGetInput = z.strictObject({ id: Id });
export const ActivityGetOutput = z.strictObject({
  activity: ActivitySummary.extend({
    body: z.string(),
    createdAt: Instant,
    createdByName: z.string(),
    /** The public, published questions it grew from (private ones are never shown, nor counted). */
    questions: z.array(z.strictObject({ id: Id, title: z.string() })),
  }),
  /** The caller's own place. */
  mine: z.strictObject({ state: ActivitySignUpState, position: z.number().int().positive().nullable(), checkedInAt: Instant.nullable() }),
  /** Whether the caller organises it (may read the attendees and the check-in code). */
  canManage: z.boolean(),
});

const futureCheck = (a: { startAt: number; endAt: number; signUpDeadline: number }) => a.startAt < a.endAt && a.signUpDeadline <= a.endAt;

export const ActivityCreateInput = z
  .strictObject({
    unitId: Id,
    title: userText(4, ACTIVITY_TITLE_MAX, { singleLine: true }),
    body: userText(10, ACTIVITY_BODY_MAX),
    place: userText(2, 60, { singleLine: true }),
    startAt: Instant,
    endAt: Instant,
    capacity: z.number().int().min(1).max(ACTIVITY_CAPACITY_MAX),
    signUpDeadline: Instant,
    /** The students' questions it answers offline: linked, and their askers told. */
    questionIds: z.array(Id).max(20).default([]),
  })
  .refine(futureCheck, { message: '结束时间须晚于开始时间，报名截止不能晚于结束时间', path: ['endAt'] });
export const ActivityCreateOutput = z.strictObject({ id: Id, linked: z.number().int().nonnegative(), notified: z.number().int().nonnegative() });

export const ActivitySignUpInput = z.strictObject({ activityId: Id });
export const ActivitySignUpOutput = z.strictObject({ state: ActivitySignUpState, position: z.number().int().positive().nullable() });
export const ActivityCancelInput = ActivitySignUpInput;
export const ActivityCancelOutput = z.strictObject({ state: z.literal('none'), promoted: z.boolean() });

export const ActivityCheckInInput = z.strictObject({ activityId: Id, code: z.string().trim().regex(/^\d{6}$/, '签到码为 6 位数字') });
export const ActivityCheckInOutput = z.strictObject({ checkedInAt: Instant });

export const ActivityAttendee = z.strictObject({ name: z.string(), at: Instant, checkedInAt: Instant.nullable() });
export const ActivityAttendeesInput = z.strictObject({ activityId: Id });
export const ActivityAttendeesOutput = z.strictObject({
  checkInCode: z.string(),
  /** When the code is accepted. */
  checkInFrom: Instant,
  checkInUntil: Instant,
  signedUp: z.array(ActivityAttendee),
  waiting: z.array(ActivityAttendee),
  checkedIn: z.number().int().nonnegative(),
});
