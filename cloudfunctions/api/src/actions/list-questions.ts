import { DomainError } from '@shared/domain/errors';
import type { ActionDefinition } from '@shared/server/api-handler';
import { loadCatalog } from './catalog-lookup';
import { pageOf, pageRequest } from './paging';
import { presentSummary } from './present-question';

/** 首页: public answered questions, newest first. */
export const listPublicQuestions: ActionDefinition<'question.listPublic'> = {
  viewer: 'optional',
  async run({ pageSize, cursor, categoryId }, { repos, viewer }) {
    const [rows, catalog] = await Promise.all([
      repos.questions.listPublic({ categoryId }, pageRequest(pageSize, cursor)),
      loadCatalog(repos),
    ]);
    const page = pageOf(rows, pageSize, (q) => q.createdAt);
    return { items: page.items.map((q) => presentSummary(q, catalog, viewer)), nextCursor: page.nextCursor };
  },
};

/** 我的提问: everything the caller asked, public or private, newest first. */
export const listMyQuestions: ActionDefinition<'question.listMine'> = {
  viewer: 'required',
  async run({ pageSize, cursor }, { repos, viewer }) {
    const [rows, catalog] = await Promise.all([
      repos.questions.listByAsker(viewer.openid, pageRequest(pageSize, cursor)),
      loadCatalog(repos),
    ]);
    const page = pageOf(rows, pageSize, (q) => q.createdAt);
    return { items: page.items.map((q) => presentSummary(q, catalog, viewer)), nextCursor: page.nextCursor };
  },
};

/** 答复工作台: questions owned by the caller's units; waiting ones soonest deadline first. */
export const listInbox: ActionDefinition<'inbox.list'> = {
  viewer: 'required',
  async run({ pageSize, cursor, box }, { repos, viewer }) {
    const handles = viewer.roles.includes('responder') || viewer.roles.includes('coordinator');
    if (!handles) throw new DomainError('AUTH.FORBIDDEN', '只有答复人员可以查看工作台');
    const page = pageRequest(pageSize, cursor);
    const [rows, catalog] = await Promise.all([
      box === 'pending'
        ? repos.questions.listPendingForUnits([...viewer.unitIds], page)
        : repos.questions.listAnsweredForUnits([...viewer.unitIds], page),
      loadCatalog(repos),
    ]);
    const result = pageOf(rows, pageSize, (q) => (box === 'pending' ? q.deadlineAt : q.answeredAt ?? 0));
    return { items: result.items.map((q) => presentSummary(q, catalog, viewer)), nextCursor: result.nextCursor };
  },
};
