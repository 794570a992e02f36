import type { QuestionRecord } from '../ports/records';
import type { ActionDefinition } from './action';
import { checkVisible } from './apply-case-action';
import { loadCatalog } from './catalog-lookup';
import { pictureLinks } from './pictures';
import { presentDetail, visiblePictureIds } from './present-question';

/** 问题详情: the question with its answers and timeline, one read beside the viewer's (and one storage request when it has pictures). */
export const getQuestion: ActionDefinition<'question.get', QuestionRecord | null> = {
  viewer: 'required',
  prepare: ({ id }, { repos }) => repos.questions.findById(id),
  async run(_input, ctx, question) {
    const q = checkVisible(ctx, question);
    // Picture links are issued per request, only for the pictures this viewer may see.
    const [catalog, links] = await Promise.all([loadCatalog(ctx.repos), pictureLinks(ctx.files, visiblePictureIds(q, ctx.viewer), ctx.log)]);
    return presentDetail(q, catalog, ctx.viewer, ctx.now, links);
  },
};
