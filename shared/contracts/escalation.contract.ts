import { z } from 'zod';
import { PageInput } from './common.contract';
import { QuestionPage } from './question.contract';

/** 协管's queue: questions that missed their deadline unanswered, across all units, oldest first. */
export const EscalationListInput = PageInput;
export const EscalationListOutput = QuestionPage;

export const UnreachablePerson = z.strictObject({
  name: z.string(),
  unitName: z.string(),
  undelivered: z.number().int().nonnegative(),
  lastReason: z.string(),
  lastAt: z.number().int(),
});
export const UnitUnreachableInput = z.strictObject({});
export const UnitUnreachableOutput = z.strictObject({ people: z.array(UnreachablePerson) });
