import type { Answer, QuestionDetail, QuestionSummary } from '@shared/contracts/question.contract';
import { TEAM_LABELS } from '@shared/domain/organisation';
import { canAnswer, canSeeAsker } from '@shared/domain/permissions';
import type { AnswerRecord, QuestionRecord } from '@shared/server/repositories/records';
import type { ResolvedViewer } from '@shared/server/viewer';
import type { CatalogLookup } from './catalog-lookup';

export const ANONYMOUS_NAME = '匿名同学';
const EXCERPT_LENGTH = 80;

function excerpt(content: string): string {
  const flat = content.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH)}…` : flat;
}

/** The list shape. The asker's name is shown only where the viewer may see it. */
export function presentSummary(q: QuestionRecord, catalog: CatalogLookup, viewer: ResolvedViewer | null): QuestionSummary {
  const showAsker = viewer ? canSeeAsker(viewer, q) : !q.anonymous;
  return {
    id: q._id,
    title: q.title,
    excerpt: excerpt(q.content),
    categoryId: q.categoryId,
    categoryName: catalog.categoryName(q.categoryId),
    collegeId: q.collegeId,
    ownerUnitId: q.ownerUnitId,
    ownerUnitName: catalog.unitName(q.ownerUnitId),
    askerName: showAsker ? q.askerName : ANONYMOUS_NAME,
    anonymous: q.anonymous,
    urgent: q.urgent,
    visibility: q.visibility,
    status: q.status,
    createdAt: q.createdAt,
    deadlineAt: q.deadlineAt,
    answeredAt: q.answeredAt,
    answerCount: q.answerCount,
  };
}

export function presentAnswer(a: AnswerRecord, officialAnswerId: string | null, catalog: CatalogLookup): Answer {
  return {
    id: a._id,
    content: a.content,
    responderName: a.responderName,
    unitName: catalog.unitName(a.unitId),
    teamLabel: a.team ? TEAM_LABELS[a.team] : null,
    official: a._id === officialAnswerId,
    createdAt: a.createdAt,
  };
}

export function presentDetail(
  q: QuestionRecord,
  answers: AnswerRecord[],
  catalog: CatalogLookup,
  viewer: ResolvedViewer,
): QuestionDetail {
  return {
    ...presentSummary(q, catalog, viewer),
    content: q.content,
    routeReason: q.routeReason,
    answers: answers.map((a) => presentAnswer(a, q.officialAnswerId, catalog)),
    viewerCanAnswer: canAnswer(viewer, q),
    viewerIsAsker: q.askerOpenid === viewer.openid,
  };
}
