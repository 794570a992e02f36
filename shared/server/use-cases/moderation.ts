import type { ModerationItem } from '../../contracts/moderation.contract';
import { DomainError } from '../../domain/errors';
import {
  moderationAfterDecision,
  moderationAfterReport,
  MODERATION_STATE_LABELS,
  type Moderation,
  type ModerationTarget,
} from '../../domain/moderation';
import { canModerate, canReadAuditLog } from '../../domain/permissions';
import type { AnswerRecord, QuestionRecord, TimelineRecord } from '../ports/records';
import type { ActionContext, ActionDefinition, PrepareContext } from './action';
import { changeActor, checkVisible, commitChange, replayed } from './apply-case-action';
import { loadCatalog } from './catalog-lookup';
import { pendingSince, stateOf } from './content-moderation';
import { pageOf, pageRequest } from './paging';
import { composeChange } from './question-changes';

/**
 * 举报 and 内容审核. What the public sees of a question — the question, each
 * answer, the notice — carries its own moderation. People report published
 * content (once each); past the threshold it is hidden until a moderator
 * looks. Moderators (the coordinator, the school admin) publish or hide with a
 * reason: the decision is an internal step on the question's timeline and a
 * line in the audit log. Every change is one conditional write of the question.
 */
export interface TargetRef {
  questionId: string;
  target: ModerationTarget;
  answerId?: string;
}

interface Target {
  moderation: Moderation;
  text: string;
  authorOpenid: string;
  authorName: string;
  /** In words, for the timeline and the audit log. */
  label: string;
}

const MAX_ATTEMPTS = 4;

function targetIn(q: QuestionRecord, ref: TargetRef): Target {
  if (ref.target === 'question') {
    return { moderation: q.moderation, text: `${q.title}\n${q.content}`, authorOpenid: q.askerOpenid, authorName: q.askerName, label: '问题' };
  }
  if (ref.target === 'notice') {
    if (!q.notice || q.noticePublishedAt === null) throw new DomainError('INPUT.INVALID', '这个问题还没有处理公告');
    const by = [...q.timeline].reverse().find((e) => e.type === 'publishNotice');
    return { moderation: q.noticeModeration ?? { state: 'published', reason: null, by: null, at: null, reports: 0 }, text: q.notice, authorOpenid: by?.actorOpenid ?? '', authorName: by?.actorName ?? '', label: '处理公告' };
  }
  if (!ref.answerId) throw new DomainError('INPUT.INVALID', '请指明要处理的是哪一条答复');
  const answer = q.answers.find((a) => a.id === ref.answerId);
  if (!answer) throw new DomainError('INPUT.INVALID', '找不到这条答复，它可能已被删除');
  return { moderation: answer.moderation, text: answer.content, authorOpenid: answer.responderOpenid, authorName: answer.responderName, label: `${answer.responderName}的答复` };
}

/** The fields of a change that give the target this moderation. */
function withModeration(q: QuestionRecord, ref: TargetRef, m: Moderation, now: number): { set: Partial<QuestionRecord>; answers?: AnswerRecord[] } {
  const after: Pick<QuestionRecord, 'moderation' | 'noticeModeration' | 'answers'> = {
    moderation: ref.target === 'question' ? m : q.moderation,
    noticeModeration: ref.target === 'notice' ? m : q.noticeModeration,
    answers: ref.target === 'answer' ? q.answers.map((a) => (a.id === ref.answerId ? { ...a, moderation: m } : a)) : q.answers,
  };
  const set: Partial<QuestionRecord> = { moderationPendingAt: pendingSince(q, after, now) };
  if (ref.target === 'question') set.moderation = m;
  if (ref.target === 'notice') set.noticeModeration = m;
  return ref.target === 'answer' ? { set, answers: after.answers } : { set };
}

const prepare = ({ questionId }: { questionId: string }, ctx: PrepareContext) => ctx.repos.questions.findById(questionId);

async function reread(ctx: ActionContext, id: string): Promise<QuestionRecord> {
  return checkVisible(ctx, await ctx.repos.questions.findById(id));
}

/** 举报: a person reports published content once; past the threshold it waits for a moderator. */
export const reportContent: ActionDefinition<'content.report', QuestionRecord | null> = {
  viewer: 'required',
  prepare,
  async run(input, ctx, question) {
    const { viewer, now, settings } = ctx;
    let q = checkVisible(ctx, question);
    const reportId = ctx.ids.derived('rp', viewer.openid, input.questionId, input.target, input.answerId ?? '');
    const catalog = await loadCatalog(ctx.repos);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const target = targetIn(q, input);
      if (q.reportIds.includes(reportId)) return { reported: false, hiddenPendingReview: target.moderation.state !== 'published' };
      if (q.visibility !== 'public' || target.moderation.state !== 'published') throw new DomainError('INPUT.INVALID', '只能举报公开发布的内容');
      if (target.authorOpenid === viewer.openid) throw new DomainError('INPUT.INVALID', '不能举报自己发布的内容');
      const m = moderationAfterReport(target.moderation, settings.reportThreshold, now);
      const hidden = m.state !== 'published';
      const parts = withModeration(q, input, m, now);
      const event: Omit<TimelineRecord, 'id' | 'version'> | undefined = hidden
        ? { type: 'moderate', actorOpenid: '', actorName: '系统', actorRole: 'system', at: now, fromStatus: q.status, toStatus: q.status, unitId: q.ownerUnitId, reason: `${target.label}：${m.reason}`, answerId: input.answerId ?? null, request: null }
        : undefined;
      const change = { set: { ...parts.set, reportIds: [...q.reportIds, reportId] }, ...(parts.answers ? { replace: { answers: parts.answers } } : {}), unitName: catalog.unitName };
      const planned = event ? composeChange(q, { ...change, event }, now, settings) : composeChange(q, change, now, settings);
      if (await commitChange(ctx, q, planned)) {
        // The reporter's own record of it (for their data export, and removed with their account).
        await ctx.repos.reports.insert({ _id: reportId, questionId: q._id, target: input.target, answerId: input.answerId ?? null, reporterOpenid: viewer.openid, reason: input.reason, at: now });
        return { reported: true, hiddenPendingReview: hidden };
      }
      q = await reread(ctx, input.questionId);
    }
    throw new DomainError('QUESTION.STATE_CONFLICT', '问题刚刚被其他人处理过，请刷新后再试');
  },
};

/** 内容审核: what waits for a moderator, longest waiting first, each held thing one item. */
export const moderationQueue: ActionDefinition<'moderation.queue'> = {
  viewer: 'required',
  async run({ pageSize, cursor }, ctx) {
    if (!canModerate(ctx.viewer)) throw new DomainError('AUTH.FORBIDDEN', '只有协管员和学校管理员可以审核内容');
    const rows = await ctx.repos.questions.listModerationPending(pageRequest(pageSize, cursor));
    const page = pageOf(rows, pageSize, (q) => [q.moderationPendingAt ?? 0]);
    const items: ModerationItem[] = [];
    for (const q of page.items) {
      const held = (ref: TargetRef) => {
        const t = targetIn(q, ref);
        if (t.moderation.state !== 'review') return;
        items.push({
          questionId: q._id,
          target: ref.target,
          answerId: ref.answerId ?? null,
          questionTitle: q.title,
          text: t.text,
          authorName: t.authorName,
          state: t.moderation.state,
          reason: t.moderation.reason,
          reports: t.moderation.reports,
          at: t.moderation.at ?? q.moderationPendingAt ?? q.createdAt,
        });
      };
      held({ questionId: q._id, target: 'question' });
      for (const a of q.answers) held({ questionId: q._id, target: 'answer', answerId: a.id });
      if (q.notice && q.noticePublishedAt !== null) held({ questionId: q._id, target: 'notice' });
    }
    return { items, nextCursor: page.nextCursor };
  },
};

/** 审核决定: publish or hide, with a reason; on the timeline (internal) and in the audit log. */
export const decideModeration: ActionDefinition<'moderation.decide', QuestionRecord | null> = {
  viewer: 'required',
  prepare,
  async run(input, ctx, question) {
    const { viewer, now, settings } = ctx;
    if (!question) throw new DomainError('QUESTION.NOT_FOUND');
    const who = changeActor(ctx, [input.questionId, input.target, input.answerId ?? '', input.decision, input.reason]);
    const earlier = replayed(question, who);
    if (earlier) {
      // The first attempt may have died before its audit line: write it (the same line) again.
      await audit(ctx, question, earlier, input);
      return { state: stateOf(targetIn(question, input).moderation), version: earlier.version };
    }
    if (!canModerate(viewer)) throw new DomainError('AUTH.FORBIDDEN', '只有协管员和学校管理员可以审核内容');
    let q = checkVisible(ctx, question);
    const catalog = await loadCatalog(ctx.repos);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const again = replayed(q, who);
      if (again) {
        await audit(ctx, q, again, input);
        return { state: stateOf(targetIn(q, input).moderation), version: again.version };
      }
      const target = targetIn(q, input);
      const m = moderationAfterDecision(target.moderation, input.decision, input.reason, who.name, now);
      const parts = withModeration(q, input, m, now);
      const verb = input.decision === 'publish' ? '公开' : '隐藏';
      const planned = composeChange(
        q,
        {
          set: parts.set,
          event: {
            type: 'moderate',
            actorOpenid: viewer.openid,
            actorName: who.name,
            actorRole: viewer.roles.includes('coordinator') ? 'coordinator' : 'schoolAdmin',
            at: now,
            fromStatus: q.status,
            toStatus: q.status,
            unitId: q.ownerUnitId,
            reason: `${verb}${target.label}：${input.reason}`,
            answerId: input.answerId ?? null,
            request: who.request,
          },
          ...(parts.answers ? { replace: { answers: parts.answers } } : {}),
          unitName: catalog.unitName,
        },
        now,
        settings,
      );
      if (await commitChange(ctx, q, planned)) {
        await audit(ctx, planned.after, planned.event!, input);
        return { state: m.state, version: planned.after.version };
      }
      q = await reread(ctx, input.questionId);
    }
    throw new DomainError('QUESTION.STATE_CONFLICT', '问题刚刚被其他人处理过，请刷新后再试');
  },
};

/** One line per decision, the same line for a retry: its id is the decision event's. */
async function audit(ctx: ActionContext, q: QuestionRecord, event: TimelineRecord, input: TargetRef & { decision: 'publish' | 'hide'; reason: string }) {
  await ctx.repos.audit.append({
    _id: ctx.ids.derived('au', q._id, event.id),
    at: event.at,
    actorOpenid: event.actorOpenid,
    actorName: event.actorName,
    action: `moderation.${input.decision}`,
    target: `问题「${q.title}」的${targetIn(q, input).label}：${input.decision === 'publish' ? MODERATION_STATE_LABELS.published : MODERATION_STATE_LABELS.hidden}`,
    questionId: q._id,
    reason: input.reason,
  });
}

/** 操作日志: the school admin reads what admins did, newest first. */
export const listAudit: ActionDefinition<'audit.list'> = {
  viewer: 'required',
  async run({ pageSize, cursor }, ctx) {
    if (!canReadAuditLog(ctx.viewer)) throw new DomainError('AUTH.FORBIDDEN', '只有学校管理员可以查看操作日志');
    const rows = await ctx.repos.audit.list(pageRequest(pageSize, cursor));
    const page = pageOf(rows, pageSize, (r) => [r.at]);
    return {
      items: page.items.map((r) => ({ id: r._id, at: r.at, actorName: r.actorName, action: r.action, target: r.target, reason: r.reason })),
      nextCursor: page.nextCursor,
    };
  },
};
