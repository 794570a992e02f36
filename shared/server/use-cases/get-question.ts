import { DomainError } from '../../domain/errors';
import { canViewQuestion } from '../../domain/permissions';
import type { ActionDefinition } from './action';
import { loadCatalog } from './catalog-lookup';
import { presentDetail } from './present-question';

export const getQuestion: ActionDefinition<'question.get'> = {
  viewer: 'required',
  async run({ id }, { viewer, repos, now }) {
    const question = await repos.questions.findById(id);
    if (!question) throw new DomainError('QUESTION.NOT_FOUND');
    if (!canViewQuestion(viewer, question)) throw new DomainError('AUTH.FORBIDDEN', '这是一个仅提问人和处理老师可见的问题');
    const [answers, events, catalog] = await Promise.all([repos.answers.listByQuestion(id), repos.events.listByQuestion(id), loadCatalog(repos)]);
    return presentDetail(question, answers, events, catalog, viewer, now);
  },
};
