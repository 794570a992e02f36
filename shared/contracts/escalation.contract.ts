import { z } from 'zod';
import { PageInput } from './common.contract';
import { QuestionPage } from './question.contract';

/** 超时督办: questions that missed their deadline unanswered, across all units: urgent first, then longest overdue. */
export const EscalationListInput = PageInput;
export const EscalationListOutput = QuestionPage;

export const UnreachablePerson = z.strictObject({
  /** Stable and opaque (never the openid). */
  key: z.string(),
  name: z.string(),
  unitName: z.string(),
  /** Reminders that reached nobody. */
  missed: z.number().int().nonnegative(),
  /** Reminders that went to the unit's WeCom group instead. */
  viaGroup: z.number().int().nonnegative(),
  /** The latest problem, in Chinese. */
  lastReason: z.string(),
  lastAt: z.number().int(),
  /** The number they bound (staff, with consent), for an admin to call; null if none. */
  phone: z.string().nullable(),
});
export type UnreachablePerson = z.infer<typeof UnreachablePerson>;
export const UnitUnreachableInput = z.strictObject({});
export const UnitUnreachableOutput = z.strictObject({ people: z.array(UnreachablePerson) });

/** How each unit keeps the 24-hour promise over a period (督办 for the supervisor and the school admin). */
export const PERFORMANCE_PERIODS = [7, 30, 90] as const;
export const UnitPerformanceInput = z.strictObject({
  days: z.union([z.literal(7), z.literal(30), z.literal(90)]).default(30),
});
export const UnitPerformance = z.strictObject({
  unitId: z.string(),
  unitName: z.string(),
  /** Questions it owns that were asked in the period. */
  received: z.number().int().nonnegative(),
  answeredOnTime: z.number().int().nonnegative(),
  answeredLate: z.number().int().nonnegative(),
  /** Still waiting for an answer, within the deadline. */
  waiting: z.number().int().nonnegative(),
  /** Still waiting, past the deadline. */
  overdueNow: z.number().int().nonnegative(),
  /** Deadlines this unit missed in the period (escalations on its watch, transferred or not). */
  missed: z.number().int().nonnegative(),
});
export type UnitPerformance = z.infer<typeof UnitPerformance>;
export const UnitPerformanceOutput = z.strictObject({ from: z.number().int(), to: z.number().int(), units: z.array(UnitPerformance) });
