import { z } from 'zod';
import { Id, Instant } from './common.contract';
import { ANSWER_MAX, ModerationState, PictureFileIds } from './question.contract';
import { userText } from './text.contract';

export const AnswerPostInput = z.strictObject({
  questionId: Id,
  content: userText(2, ANSWER_MAX),
  pictures: PictureFileIds,
});
export const AnswerPostOutput = z.strictObject({
  answerId: Id,
  official: z.boolean(),
  answeredAt: Instant.nullable(),
  /** `review`: the asker has it; the public sees it once a moderator has looked. */
  moderation: ModerationState,
});
export type AnswerPostOutput = z.infer<typeof AnswerPostOutput>;
