import type { ActionTable } from '@shared/server/api-handler';
import { askQuestion } from './ask-question';
import { getCatalog } from './get-catalog';
import { getMe } from './get-me';
import { getQuestion } from './get-question';
import {
  addProgress,
  claimQuestion,
  publishNotice,
  rateQuestion,
  reopenQuestion,
  resolveQuestion,
  startHandling,
  transferQuestion,
} from './case-actions';
import { countInbox, listEscalations, listInbox, listMyQuestions, listPublicQuestions } from './list-questions';
import { listUnreachable, recordSubscription } from './notification-actions';
import { postAnswer } from './post-answer';

/** Every action the contract declares, and the use case that serves it. */
export const apiActions: ActionTable = {
  'catalog.get': getCatalog,
  'me.get': getMe,
  'question.ask': askQuestion,
  'question.get': getQuestion,
  'question.listPublic': listPublicQuestions,
  'question.listMine': listMyQuestions,
  'inbox.list': listInbox,
  'inbox.counts': countInbox,
  'answer.post': postAnswer,
  'question.claim': claimQuestion,
  'question.transfer': transferQuestion,
  'question.startHandling': startHandling,
  'question.addProgress': addProgress,
  'question.resolve': resolveQuestion,
  'question.publishNotice': publishNotice,
  'question.rate': rateQuestion,
  'question.reopen': reopenQuestion,
  'escalation.list': listEscalations,
  'unit.unreachable': listUnreachable,
  'subscription.record': recordSubscription,
};
