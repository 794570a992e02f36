import type { CaseItem, TypicalCase } from '../../contracts/typical-case.contract';
import { DomainError } from '../../domain/errors';
import type { Role } from '../../domain/organisation';
import { oversightScope, scopeIncludes } from '../../domain/permissions';
import { campusDateKey, campusDayIndex, MAX_RANGE_DAYS } from '../../domain/statistics';
import { CASE_KIND_LABELS, CASE_MARKABLE_STATES, canMarkCase } from '../../domain/typical-case';
import type { QuestionRecord, TypicalCaseRecord } from '../ports/records';
import type { ActionContext, ActionDefinition, PrepareContext } from './action';
import { changeActor, checkVisible, commitChange, replayed } from './apply-case-action';
import { loadCatalog } from './catalog-lookup';
import { pageOf, pageRequest } from './paging';
import { composeChange } from './question-changes';
import { dayRangeOf } from './statistics';

/**
 * 案例报送: case.mark puts a typical-case mark (or takes it off) on the
 * question, with an internal `markCase` step on its timeline — one
 * conditional write of the question (decision 10) through the change planner
 * every action uses, idempotent on the request id. case.list reads the cases
 * for the report and for the Excel export.
 */
const MAX_ATTEMPTS = 4;

export function presentCase(c: TypicalCaseRecord | null): TypicalCase | null {
  return c ? { kind: c.kind, writeUp: c.writeUp, markedAt: c.markedAt, markedByName: c.markedByName } : null;
}

function roleFor(ctx: ActionContext, q: QuestionRecord): Role {
  const { roles, unitIds } = ctx.viewer;
  if (roles.includes('responder') && unitIds.includes(q.ownerUnitId)) return 'responder';
  if (roles.includes('unitAdmin') && unitIds.includes(q.ownerUnitId)) return 'unitAdmin';
  return 'coordinator';
}

const sameCase = (a: TypicalCaseRecord | null, b: { kind: string; writeUp: string } | null) =>
  a === null || b === null ? a === b : a.kind === b.kind && a.writeUp === b.writeUp;

export const markCase: ActionDefinition<'case.mark', QuestionRecord | null> = {
  viewer: 'required',
  prepare: ({ questionId }, ctx: PrepareContext) => ctx.repos.questions.findById(questionId),
  async run(input, ctx, question) {
    if (!question) throw new DomainError('QUESTION.NOT_FOUND');
    const wanted = input.kind === 'none' ? null : { kind: input.kind, writeUp: input.writeUp };
    const who = changeActor(ctx, [question._id, 'markCase', input.kind, input.writeUp]);
    const earlier = replayed(question, who);
    if (earlier) return { questionId: question._id, typicalCase: presentCase(question.typicalCase), version: earlier.version };
    const catalog = await loadCatalog(ctx.repos);
    let q = checkVisible(ctx, question);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      if (!canMarkCase(ctx.viewer, q)) throw new DomainError('AUTH.FORBIDDEN', '只有负责单位的答复人员、单位管理员或协管可以标记典型案例');
      if (sameCase(q.typicalCase, wanted)) return { questionId: q._id, typicalCase: presentCase(q.typicalCase), version: q.version };
      if (wanted && !CASE_MARKABLE_STATES.includes(q.status)) throw new DomainError('QUESTION.STATE_CONFLICT', '问题答复后才能标记为典型案例');
      const typicalCase: TypicalCaseRecord | null = wanted
        ? {
            ...wanted,
            // An edited write-up stays in the period it was first collected in.
            markedAt: q.typicalCase?.markedAt ?? ctx.now,
            markedByOpenid: ctx.viewer.openid,
            markedByName: ctx.viewer.displayName ?? '答复人',
            unitId: q.typicalCase?.unitId ?? q.ownerUnitId,
          }
        : null;
      const planned = composeChange(
        q,
        {
          set: { typicalCase },
          event: {
            type: 'markCase',
            actorOpenid: ctx.viewer.openid,
            actorName: ctx.viewer.displayName ?? '答复人',
            actorRole: roleFor(ctx, q),
            at: ctx.now,
            fromStatus: q.status,
            toStatus: q.status,
            unitId: q.ownerUnitId,
            reason: typicalCase ? `${CASE_KIND_LABELS[typicalCase.kind]}：${typicalCase.writeUp}` : '取消典型案例',
            answerId: null,
            request: who.request,
          },
          unitName: catalog.unitName,
        },
        ctx.now,
        ctx.settings,
      );
      if (await commitChange(ctx, q, planned)) return { questionId: q._id, typicalCase: presentCase(typicalCase), version: planned.after.version };
      q = checkVisible(ctx, await ctx.repos.questions.findById(q._id));
    }
    throw new DomainError('QUESTION.STATE_CONFLICT', '问题刚刚被其他人处理过，请刷新后再试');
  },
};

/** 典型案例: the cases marked in a range of days (by default the last year), newest first. */
export const listCases: ActionDefinition<'case.list'> = {
  viewer: 'required',
  async run(input, ctx) {
    const { repos, viewer, now } = ctx;
    // Those who oversee every unit and unit admins (their units), and responders for their own units.
    const scope = oversightScope(viewer) ?? (viewer.roles.includes('responder') && viewer.unitIds.length > 0 ? { all: false as const, unitIds: viewer.unitIds } : null);
    if (!scope) throw new DomainError('AUTH.FORBIDDEN', '只有答复人员、单位管理员和学校管理人员可以查看典型案例');
    if (input.unitId !== undefined && !scopeIncludes(scope, input.unitId)) throw new DomainError('AUTH.FORBIDDEN', '只能查看本单位的典型案例');
    const today = campusDateKey(campusDayIndex(now));
    const range = dayRangeOf(input.from || input.to ? input : { from: campusDateKey(campusDayIndex(now) - (MAX_RANGE_DAYS - 1)), to: today }, now);
    const unitIds = input.unitId !== undefined ? [input.unitId] : scope.all ? null : [...scope.unitIds];
    const [rows, catalog] = await Promise.all([
      repos.questions.listCases({ from: range.fromAt, to: range.toAt, unitIds, ...(input.kind ? { kind: input.kind } : {}) }, pageRequest(input.pageSize, input.cursor)),
      loadCatalog(repos),
    ]);
    const page = pageOf(rows, input.pageSize, (q) => [q.typicalCase?.markedAt ?? 0]);
    const items: CaseItem[] = page.items
      .filter((q): q is QuestionRecord & { typicalCase: TypicalCaseRecord } => q.typicalCase !== null)
      .map((q) => ({
        questionId: q._id,
        // The viewer handles these questions (their unit's, or they oversee every unit): the title is theirs to read.
        title: q.title,
        kind: q.typicalCase.kind,
        writeUp: q.typicalCase.writeUp,
        unitId: q.typicalCase.unitId,
        unitName: catalog.unitName(q.typicalCase.unitId),
        categoryName: catalog.categoryName(q.categoryId),
        status: q.status,
        visibility: q.visibility,
        askedAt: q.createdAt,
        markedAt: q.typicalCase.markedAt,
        markedByName: q.typicalCase.markedByName,
      }));
    return { items, nextCursor: page.nextCursor };
  },
};
