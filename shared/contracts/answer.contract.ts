import { z } from 'zod';
import { Id, Instant } from './common.contract';
import { ANSWER_MAX } from './question.contract';
import { userText } from './text.contract';

export const AnswerPostInput = z.strictObject({
  questionId: Id,
  content: userText(2, ANSWER_MAX),
});
export const AnswerPostOutput = z.strictObject({
  answerId: Id,
  official: z.boolean(),
  answeredAt: Instant.nullable(),
});
export type AnswerPostOutput = z.infer<typeof AnswerPostOutput>;
