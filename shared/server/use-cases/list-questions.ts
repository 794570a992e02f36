import { DUE_SOON_HOURS } from '../../contracts/inbox.contract';
import { HOUR_MS } from '../../domain/answer-deadline';
import { DomainError } from '../../domain/errors';
import { canSeeEscalations, canUseWorkbench } from '../../domain/permissions';
import type { QuestionRecord } from '../ports/records';
import type { ActionDefinition } from './action';
import { loadCatalog } from './catalog-lookup';
import { pageOf, pageRequest } from './paging';
import { presentSummary } from './present-question';

const newest = (q: QuestionRecord) => [q.createdAt];
/** The order of 待回复 and 超时督办 (the cursor carries both values). */
const urgentThenDeadline = (q: QuestionRecord) => [q.urgent ? 1 : 0, q.deadlineAt];

/** The cursor of a counter order: a question without the counter yet travels as -1 (below every number). */
const counter = (field: 'metooCount' | 'likeCount') => (q: QuestionRecord) => [q[field] ?? -1];
const PUBLIC_SORT_VALUES = { newest, metoo: counter('metooCount'), likes: counter('likeCount') } as const;

/** 首页 · 同声同心: public answered questions, filtered, newest / most 同问 / most liked first. */
export const listPublicQuestions: ActionDefinition<'question.listPublic'> = {
  viewer: 'optional',
  async run({ pageSize, cursor, categoryId, collegeId, status, sort }, { repos, viewer }) {
    const [rows, catalog] = await Promise.all([
      repos.questions.listPublic({ categoryId, collegeId, status, sort }, pageRequest(pageSize, cursor)),
      loadCatalog(repos),
    ]);
    const page = pageOf(rows, pageSize, PUBLIC_SORT_VALUES[sort]);
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
    const page = pageOf(rows, pageSize, newest);
    return { items: page.items.map((q) => presentSummary(q, catalog, viewer)), nextCursor: page.nextCursor };
  },
};

/**
 * 答复工作台: questions owned by the caller's units, by box. 待回复 holds every
 * question still owed a reply, urgent first, then soonest deadline (overdue ones
 * lead); 即将超时 (last 4 hours) and 已超时 are slices of it; then 办理中 and 已回复.
 */
export const listInbox: ActionDefinition<'inbox.list'> = {
  viewer: 'required',
  async run({ pageSize, cursor, box }, { repos, viewer, now }) {
    if (!canUseWorkbench(viewer)) throw new DomainError('AUTH.FORBIDDEN', '只有答复人员可以查看工作台');
    const units = [...viewer.unitIds];
    const page = pageRequest(pageSize, cursor);
    const soon = now + DUE_SOON_HOURS * HOUR_MS;
    const query = {
      pending: () => repos.questions.listWaitingForUnits(units, {}, page),
      dueSoon: () => repos.questions.listWaitingForUnits(units, { from: now, to: soon }, page),
      overdue: () => repos.questions.listWaitingForUnits(units, { to: now }, page),
      handling: () => repos.questions.listHandlingForUnits(units, page),
      answered: () => repos.questions.listAnsweredForUnits(units, page),
    }[box];
    const [rows, catalog] = await Promise.all([query(), loadCatalog(repos)]);
    const sortValues = box === 'answered' ? (q: QuestionRecord) => [q.answeredAt ?? 0] : box === 'handling' ? (q: QuestionRecord) => [q.deadlineAt] : urgentThenDeadline;
    const result = pageOf(rows, pageSize, sortValues);
    return { items: result.items.map((q) => presentSummary(q, catalog, viewer)), nextCursor: result.nextCursor };
  },
};

/** The numbers on the workbench tabs. */
export const countInbox: ActionDefinition<'inbox.counts'> = {
  viewer: 'required',
  async run(_input, { repos, viewer, now }) {
    if (!canUseWorkbench(viewer)) throw new DomainError('AUTH.FORBIDDEN', '只有答复人员可以查看工作台');
    return repos.questions.countInbox([...viewer.unitIds], now, now + DUE_SOON_HOURS * HOUR_MS);
  },
};

/** 超时督办: missed deadlines across all units, urgent first, then longest overdue (by the deadline, not by when the scheduler noticed). */
export const listEscalations: ActionDefinition<'escalation.list'> = {
  viewer: 'required',
  async run({ pageSize, cursor }, { repos, viewer }) {
    if (!canSeeEscalations(viewer)) throw new DomainError('AUTH.FORBIDDEN', '只有协管、主管老师和工作小组组长可以查看超时队列');
    const [rows, catalog] = await Promise.all([repos.questions.listEscalated(pageRequest(pageSize, cursor)), loadCatalog(repos)]);
    const result = pageOf(rows, pageSize, urgentThenDeadline);
    return { items: result.items.map((q) => presentSummary(q, catalog, viewer)), nextCursor: result.nextCursor };
  },
};
