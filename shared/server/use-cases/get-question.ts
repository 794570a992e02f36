import type { QuestionRecord } from '../ports/records';
import type { ActionDefinition } from './action';
import { checkVisible } from './apply-case-action';
import { loadCatalog } from './catalog-lookup';
import { presentDetail } from './present-question';

/** 问题详情: the question with its answers and timeline, one read beside the viewer's. */
export const getQuestion: ActionDefinition<'question.get', QuestionRecord | null> = {
  viewer: 'required',
  prepare: ({ id }, { repos }) => repos.questions.findById(id),
  async run(_input, ctx, question) {
    const q = checkVisible(ctx, question);
    return presentDetail(q, await loadCatalog(ctx.repos), ctx.viewer, ctx.now);
  },
};
