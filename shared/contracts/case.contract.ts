import { z } from 'zod';
import { Id } from './common.contract';
import { QuestionStatus } from './question.contract';
import { optionalText, userText } from './text.contract';

/**
 * The 听—答—办 transitions a person can ask for. Each answers with the new
 * status, or QUESTION.STATE_CONFLICT when the question changed underneath.
 */
const onQuestion = { questionId: Id };
export const NOTE_MAX = 500;

export const CaseActionOutput = z.strictObject({ status: QuestionStatus, version: z.number().int().nonnegative() });
export type CaseActionOutput = z.infer<typeof CaseActionOutput>;

export const QuestionClaimInput = z.strictObject({ ...onQuestion });
export const QuestionTransferInput = z.strictObject({ ...onQuestion, toUnitId: Id, reason: userText(2, 200, { singleLine: true }) });
export const QuestionStartHandlingInput = z.strictObject({ ...onQuestion, note: optionalText(NOTE_MAX) });
export const QuestionAddProgressInput = z.strictObject({ ...onQuestion, note: userText(2, NOTE_MAX) });
export const QuestionResolveInput = z.strictObject({ ...onQuestion, note: userText(2, NOTE_MAX) });
export const QuestionPublishNoticeInput = z.strictObject({ ...onQuestion, notice: userText(10, 2000) });
export const QuestionRateInput = z.strictObject({ ...onQuestion, satisfied: z.boolean(), comment: optionalText(200) });
export const QuestionReopenInput = z.strictObject({ ...onQuestion, reason: userText(2, 200, { singleLine: true }) });
/** 催办: the coordinator, a supervisor or the school admin urges the unit that missed the deadline. */
export const QuestionUrgeInput = z.strictObject({ ...onQuestion, note: optionalText(200, { singleLine: true }) });
