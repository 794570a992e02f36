import type { FaqCandidate, FaqEntry } from '../../contracts/faq.contract';
import { DomainError } from '../../domain/errors';
import { groupRepeatedQuestions } from '../../domain/search/faq-grouping';
import { halfMonthStart, nextHalfMonth } from '../../domain/half-month';
import { canCurateFaq } from '../../domain/permissions';
import { indexFields, type TermBag } from '../../domain/search/search-index';
import type { Repositories } from '../ports/repositories';
import type { IdGenerator } from '../ports/ids';
import type { FaqRecord, QuestionRecord } from '../ports/records';
import type { ActionContext, ActionDefinition } from './action';
import { commitChange } from './apply-case-action';
import { loadCatalog, type CatalogLookup } from './catalog-lookup';
import { pageOf, pageRequest } from './paging';
import { presentSummary } from './present-question';
import { composeChange } from './question-changes';

/**
 * 常见问题 (BUCM §八.三.3: 对重复率高的问题进行汇总、总结，在网站内发布置顶公告).
 * Every half month the scheduler groups the period's repeated questions and
 * the coordinator's queue shows the groups; the coordinator (or the school
 * admin) writes one canonical answer and publishes it as a pinned entry that
 * gathers the questions. The askers of newly gathered questions are told
 * (one change per question, so the message is as durable as any other).
 * An entry is found by its own words and by the titles of every question it
 * gathers: phrasings the coordinator put together count as the same need.
 */
const ANSWERED = new Set(['answered', 'handling', 'resolved', 'closed']);
const MAX_ATTEMPTS = 3;
const DAY_MS = 24 * 60 * 60 * 1000;
/** A half month's questions grouped at once; more than this many answered public questions in two weeks is not a campus we know. */
const GROUPING_LIMIT = 1000;

function requireCurator(ctx: ActionContext) {
  if (!canCurateFaq(ctx.viewer)) throw new DomainError('AUTH.FORBIDDEN', '只有协管员和学校管理员可以整理常见问题');
}

function faqBag(title: string, answer: string, questionTitles: readonly string[]): TermBag {
  return indexFields([{ text: title, weight: 2 }, { text: answer, weight: 1 }, ...questionTitles.map((t) => ({ text: t, weight: 1 }))]);
}

function presentFaq(f: FaqRecord, catalog: CatalogLookup): FaqEntry {
  return {
    id: f._id,
    title: f.title,
    answer: f.answer,
    categoryId: f.categoryId,
    categoryName: f.categoryId ? catalog.categoryName(f.categoryId) : null,
    questionCount: f.questionIds.length,
    state: f.state,
    publishedAt: f.publishedAt,
    updatedAt: f.updatedAt,
    updatedByName: f.updatedByName,
  };
}

const gatherable = (q: QuestionRecord) => q.visibility === 'public' && q.moderation.state === 'published' && ANSWERED.has(q.status);

/** Links one question to the entry and tells its asker, by a change conditional on its version. */
async function link(ctx: ActionContext, question: QuestionRecord, faq: FaqRecord, catalog: CatalogLookup): Promise<{ linked: boolean; notified: boolean }> {
  let q: QuestionRecord | null = question;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS && q; attempt++) {
    if (q.faqId === faq._id) return { linked: false, notified: false };
    const tell = q.anonymisedAt === null;
    const planned = composeChange(
      q,
      { set: { faqId: faq._id }, messages: tell ? [{ kind: 'faqLinked', audience: { type: 'asker' }, note: faq.title, occasion: `faq-${faq._id}` }] : [], unitName: catalog.unitName },
      ctx.now,
      ctx.settings,
    );
    if (await commitChange(ctx, q, planned)) return { linked: true, notified: tell };
    q = await ctx.repos.questions.findById(q._id);
  }
  throw new DomainError('QUESTION.STATE_CONFLICT', '有问题正在被处理，请稍后再发布一次（已发布的部分不会重复）');
}

/** 发布常见问题: new or updated entry, gathering these questions; idempotent on the request id. */
export const publishFaq: ActionDefinition<'faq.publish'> = {
  viewer: 'required',
  async run(input, ctx) {
    requireCurator(ctx);
    const { repos, viewer, now, ids } = ctx;
    const [questions, catalog, candidate, existing] = await Promise.all([
      repos.questions.findManyByIds(input.questionIds),
      loadCatalog(repos),
      input.candidateId ? repos.search.findCandidate(input.candidateId) : Promise.resolve(null),
      input.faqId ? repos.search.findFaq(input.faqId) : Promise.resolve(null),
    ]);
    if (input.candidateId && !candidate) throw new DomainError('INPUT.INVALID', '这组重复问题不存在');
    if (input.faqId && !existing) throw new DomainError('INPUT.INVALID', '要更新的常见问题不存在');
    if (input.categoryId && !catalog.category(input.categoryId)) throw new DomainError('CATALOG.UNKNOWN_CATEGORY');
    const missing = input.questionIds.filter((id) => !questions.some((q) => q._id === id && gatherable(q)));
    if (missing.length > 0) throw new DomainError('INPUT.INVALID', `只能收录已答复的公开问题（${missing.length} 个不符合）`);

    const questionIds = [...new Set([...(existing?.questionIds ?? []), ...input.questionIds])];
    const titles = [...questions.map((q) => q.title)];
    const categoryId = input.categoryId ?? existing?.categoryId ?? mostCommon(questions.map((q) => q.categoryId));
    const search = faqBag(input.title, input.answer, titles);
    let faq: FaqRecord;
    if (existing) {
      faq = { ...existing, title: input.title, answer: input.answer, categoryId, questionIds, search, state: 'published', updatedAt: now, updatedByOpenid: viewer.openid, updatedByName: viewer.displayName ?? '协管', retiredReason: null, version: existing.version + 1 };
      const { _id, version, ...set } = faq;
      if (!(await repos.search.updateFaq(existing._id, existing.version, set))) throw new DomainError('QUESTION.STATE_CONFLICT', '这条常见问题刚被其他人修改过，请刷新后再试');
    } else {
      const id = ctx.requestId ? ids.derived('faq', viewer.openid, ctx.requestId) : input.candidateId ? ids.derived('faq', input.candidateId) : ids.next('faq');
      faq = { _id: id, title: input.title, answer: input.answer, categoryId, questionIds, search, state: 'published', publishedAt: now, updatedAt: now, updatedByOpenid: viewer.openid, updatedByName: viewer.displayName ?? '协管', retiredReason: null, version: 0 };
      // A retry finds the entry its first attempt made: finish the links, change nothing else.
      if (!(await repos.search.insertFaq(faq))) faq = (await repos.search.findFaq(id)) ?? faq;
    }
    await Promise.all([repos.search.bumpFaqVersion(), input.candidateId ? repos.search.closeCandidate(input.candidateId, 'published') : Promise.resolve(false)]);

    let linked = 0;
    let notified = 0;
    for (const q of questions) {
      const r = await link(ctx, q, faq, catalog);
      if (r.linked) linked += 1;
      if (r.notified) notified += 1;
    }
    return { faqId: faq._id, linked, notified };
  },
};

function mostCommon(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** 撤下: an entry no longer true (a rule changed); its questions are suggested on their own again. */
export const retireFaq: ActionDefinition<'faq.retire'> = {
  viewer: 'required',
  async run({ faqId, reason }, ctx) {
    requireCurator(ctx);
    const faq = await ctx.repos.search.findFaq(faqId);
    if (!faq) throw new DomainError('INPUT.INVALID', '这条常见问题不存在');
    if (faq.state === 'retired') return { state: 'retired' as const };
    const set = { state: 'retired' as const, retiredReason: reason, updatedAt: ctx.now, updatedByOpenid: ctx.viewer.openid, updatedByName: ctx.viewer.displayName ?? '协管' };
    if (!(await ctx.repos.search.updateFaq(faqId, faq.version, set))) throw new DomainError('QUESTION.STATE_CONFLICT', '这条常见问题刚被其他人修改过，请刷新后再试');
    await ctx.repos.search.bumpFaqVersion();
    return { state: 'retired' as const };
  },
};

/** 不是重复问题: the coordinator dismisses a group. */
export const dismissFaqCandidate: ActionDefinition<'faq.dismiss'> = {
  viewer: 'required',
  async run({ candidateId }, ctx) {
    requireCurator(ctx);
    const candidate = await ctx.repos.search.findCandidate(candidateId);
    if (!candidate) throw new DomainError('INPUT.INVALID', '这组重复问题不存在');
    return { dismissed: await ctx.repos.search.closeCandidate(candidateId, 'dismissed') };
  },
};

/** 常见问题: the published entries, newest first (curators may ask for retired ones too). */
export const listFaqs: ActionDefinition<'faq.list'> = {
  viewer: 'required',
  async run({ includeRetired }, ctx) {
    if (includeRetired && !canCurateFaq(ctx.viewer)) throw new DomainError('AUTH.FORBIDDEN', '只有协管员和学校管理员可以查看已撤下的常见问题');
    const [faqs, catalog] = await Promise.all([ctx.repos.search.listFaqs(), loadCatalog(ctx.repos)]);
    const items = faqs.filter((f) => includeRetired || f.state === 'published').sort((a, b) => b.updatedAt - a.updatedAt);
    return { items: items.map((f) => presentFaq(f, catalog)) };
  },
};

export const getFaq: ActionDefinition<'faq.get'> = {
  viewer: 'required',
  async run({ id }, ctx) {
    const faq = await ctx.repos.search.findFaq(id);
    const curator = canCurateFaq(ctx.viewer);
    if (!faq || (faq.state === 'retired' && !curator)) throw new DomainError('INPUT.INVALID', '这条常见问题不存在或已撤下');
    const [questions, catalog] = await Promise.all([ctx.repos.questions.findManyByIds(faq.questionIds.slice(-50)), loadCatalog(ctx.repos)]);
    return {
      entry: presentFaq(faq, catalog),
      questions: questions
        .filter(gatherable)
        .sort((a, b) => b.createdAt - a.createdAt)
        .map((q) => presentSummary(q, catalog, ctx.viewer)),
    };
  },
};

/** 待汇总的重复问题: open groups, newest half month first, with the deflections of the last two weeks. */
export const listFaqCandidates: ActionDefinition<'faq.candidates'> = {
  viewer: 'required',
  async run({ pageSize, cursor }, ctx) {
    requireCurator(ctx);
    const { repos, now } = ctx;
    const [rows, deflected, faqs, catalog] = await Promise.all([
      repos.search.listOpenCandidates(pageRequest(pageSize, cursor)),
      repos.search.countDeflections(now - 14 * DAY_MS),
      repos.search.listFaqs(),
      loadCatalog(repos),
    ]);
    const page = pageOf(rows, pageSize, (c) => [c.periodFrom]);
    const questions = await repos.questions.findManyByIds([...new Set(page.items.flatMap((c) => c.questionIds))]);
    const items: FaqCandidate[] = page.items.map((c) => {
      const faq = c.faqId ? faqs.find((f) => f._id === c.faqId && f.state === 'published') : undefined;
      return {
        id: c._id,
        periodFrom: c.periodFrom,
        periodTo: c.periodTo,
        questions: c.questionIds
          .map((id) => questions.find((q) => q._id === id))
          .filter((q): q is QuestionRecord => q !== undefined && gatherable(q) && q.faqId === null)
          .map((q) => {
            const answer = q.answers.find((a) => a.id === q.officialAnswerId);
            return { id: q._id, title: q.title, askedAt: q.createdAt, unitName: catalog.unitName(q.ownerUnitId), answerExcerpt: answer ? answer.content.slice(0, 80) : null };
          }),
        faq: faq ? { id: faq._id, title: faq.title } : null,
        createdAt: c.createdAt,
      };
    });
    return { items: items.filter((c) => c.questions.length > 0), nextCursor: page.nextCursor, deflectedLast14Days: deflected };
  },
};

/**
 * The scheduler's half-monthly grouping: once a half month has ended, its
 * answered public questions are grouped and the groups queued for the
 * coordinator. The first run only starts the calendar (history is not
 * grouped); a cursor moved by a conditional write means two ticks never
 * group the same half month twice, and candidate ids are deterministic, so a
 * tick that died halfway and is run again adds nothing twice.
 */
export async function runFaqGrouping(deps: { repos: Repositories; ids: IdGenerator; now: number }): Promise<{ period: number | null; groups: number }> {
  const { repos, ids, now } = deps;
  const current = halfMonthStart(now);
  const cursor = await repos.search.groupingCursor();
  if (cursor === null) {
    await repos.search.advanceGrouping(null, current);
    return { period: null, groups: 0 };
  }
  if (cursor >= current) return { period: null, groups: 0 };
  const to = nextHalfMonth(cursor);
  const [questions, faqs, stats] = await Promise.all([repos.questions.listAnsweredPublicBetween(cursor, to, GROUPING_LIMIT), repos.search.listFaqs(), repos.search.stats()]);
  const items = questions.filter((q) => q.search && q.faqId === null).map((q) => ({ id: q._id, bag: q.search! }));
  const published = faqs.filter((f) => f.state === 'published').map((f) => ({ id: f._id, bag: f.search }));
  const groups = groupRepeatedQuestions(items, published, stats);
  await repos.search.insertCandidates(
    groups.map((g) => ({
      _id: ids.derived('fc', String(cursor), [...g.questionIds].sort().join(',')),
      periodFrom: cursor,
      periodTo: to,
      questionIds: g.questionIds,
      faqId: g.faqId,
      state: 'open',
      createdAt: now,
    })),
  );
  await repos.search.advanceGrouping(cursor, to);
  return { period: cursor, groups: groups.length };
}
