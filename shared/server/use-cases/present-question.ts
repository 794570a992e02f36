import { CASE_ACTIONS, type Answer, type CaseActionName, type QuestionDetail, type QuestionSummary, type TimelineEntry } from '../../contracts/question.contract';
import { availableActions } from '../../domain/case-lifecycle';
import { TEAM_LABELS } from '../../domain/organisation';
import { canAnswer, canSeeAsker } from '../../domain/permissions';
import { caseFactsOf } from './question-changes';
import type { AnswerRecord, QuestionRecord, TimelineRecord } from '../ports/records';
import type { ResolvedViewer } from './viewer';
import type { CatalogLookup } from './catalog-lookup';

export const ANONYMOUS_NAME = '匿名同学';
const EXCERPT_LENGTH = 80;

function excerpt(content: string): string {
  const flat = content.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH)}…` : flat;
}

function showsAsker(q: QuestionRecord, viewer: ResolvedViewer | null): boolean {
  return viewer ? canSeeAsker(viewer, q) : !q.anonymous;
}

/** The list shape. The asker's name is shown only where the viewer may see it. */
export function presentSummary(q: QuestionRecord, catalog: CatalogLookup, viewer: ResolvedViewer | null): QuestionSummary {
  return {
    id: q._id,
    title: q.title,
    excerpt: excerpt(q.content),
    categoryId: q.categoryId,
    categoryName: catalog.categoryName(q.categoryId),
    collegeId: q.collegeId,
    ownerUnitId: q.ownerUnitId,
    ownerUnitName: catalog.unitName(q.ownerUnitId),
    askerName: showsAsker(q, viewer) ? q.askerName : ANONYMOUS_NAME,
    anonymous: q.anonymous,
    urgent: q.urgent,
    visibility: q.visibility,
    status: q.status,
    createdAt: q.createdAt,
    deadlineAt: q.deadlineAt,
    answeredAt: q.answeredAt,
    answerCount: q.answerCount,
    escalated: q.escalatedAt !== null,
  };
}

export function presentAnswer(a: AnswerRecord, officialAnswerId: string | null, catalog: CatalogLookup): Answer {
  return {
    id: a.id,
    content: a.content,
    responderName: a.responderName,
    unitName: catalog.unitName(a.unitId),
    teamLabel: a.team ? TEAM_LABELS[a.team] : null,
    official: a.id === officialAnswerId,
    createdAt: a.createdAt,
  };
}

function presentEvent(e: TimelineRecord, q: QuestionRecord, catalog: CatalogLookup, viewer: ResolvedViewer): TimelineEntry {
  const byAsker = e.actorOpenid !== '' && e.actorOpenid === q.askerOpenid;
  return {
    id: e.id,
    type: e.type,
    at: e.at,
    actorName: byAsker && !showsAsker(q, viewer) ? ANONYMOUS_NAME : e.actorName,
    unitName: e.unitId ? catalog.unitName(e.unitId) : null,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    reason: e.reason,
  };
}

export function presentDetail(
  q: QuestionRecord,
  catalog: CatalogLookup,
  viewer: ResolvedViewer,
  now: number,
): QuestionDetail {
  const allowed = new Set<string>(availableActions(caseFactsOf(q), viewer, now));
  const claim = [...q.timeline].reverse().find((e) => e.type === 'claim' && e.actorOpenid === q.assigneeOpenid);
  return {
    ...presentSummary(q, catalog, viewer),
    content: q.content,
    routeReason: q.routeReason,
    answers: [...q.answers].sort((a, b) => a.createdAt - b.createdAt).map((a) => presentAnswer(a, q.officialAnswerId, catalog)),
    timeline: q.timeline.map((e) => presentEvent(e, q, catalog, viewer)),
    rating: q.rating,
    reopenCount: q.reopenCount,
    assigneeName: q.assigneeOpenid ? claim?.actorName ?? '已认领' : null,
    noticeRequired: q.noticeRequired,
    notice: q.notice && q.noticePublishedAt !== null ? { text: q.notice, publishedAt: q.noticePublishedAt } : null,
    viewerCanAnswer: canAnswer(viewer, q) && q.status !== 'closed',
    viewerIsAsker: q.askerOpenid === viewer.openid,
    viewerActions: CASE_ACTIONS.filter((a): a is CaseActionName => allowed.has(a)),
  };
}
