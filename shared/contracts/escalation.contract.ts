import { z } from 'zod';
import { PageInput } from './common.contract';
import { QuestionPage } from './question.contract';

/** 协管's queue: questions that missed their deadline unanswered, across all units, oldest first. */
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
});
export type UnreachablePerson = z.infer<typeof UnreachablePerson>;
export const UnitUnreachableInput = z.strictObject({});
export const UnitUnreachableOutput = z.strictObject({ people: z.array(UnreachablePerson) });
