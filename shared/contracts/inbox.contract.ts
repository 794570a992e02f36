import { z } from 'zod';
import { PageInput } from './common.contract';
import { QuestionPage } from './question.contract';

export const InboxListInput = PageInput.extend({
  /** 待回复 (waiting for an official answer) or 已回复. */
  box: z.enum(['pending', 'answered']).default('pending'),
});
export const InboxListOutput = QuestionPage;
