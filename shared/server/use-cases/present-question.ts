import { CASE_ACTIONS, type Answer, type CaseActionName, type QuestionDetail, type QuestionSummary, type TimelineEntry } from '../../contracts/question.contract';
import { availableActions } from '../../domain/case-lifecycle';
import { TEAM_LABELS } from '../../domain/organisation';
import { canAnswer, isHandlerOf } from '../../domain/permissions';
import { CASE_MARKABLE_STATES, canMarkCase } from '../../domain/typical-case';
import type { AnswerRecord, QuestionRecord, TimelineRecord } from '../ports/records';
import type { CatalogLookup } from './catalog-lookup';
import { linksFor } from './pictures';
import { caseFactsOf } from './question-changes';
import type { ResolvedViewer } from './viewer';

/**
 * What each viewer is shown of a question. Three audiences:
 * - handlers (the owning unit's responders and admins, and those who oversee
 *   every unit): everything, with internal steps marked;
 * - the asker: their question, every step, and the notes meant for them (their
 *   own reopen reason and rating), never the handlers' internal notes;
 * - everyone else: the question, the published answers and notice, the public
 *   steps without notes; no student's name (an asker is "提问同学"), and for an
 *   anonymous question not the asker's college either. The unit that handles a
 *   question is always public (accountability), which the ask form says.
 */
export const ANONYMOUS_NAME = '匿名同学';
export const PUBLIC_ASKER_NAME = '提问同学';
const EXCERPT_LENGTH = 80;

type Audience = 'handler' | 'asker' | 'public';

/** The asker is always the asker of their own question, even a teacher asking in their own unit (they never handle it). */
function audienceOf(q: QuestionRecord, viewer: ResolvedViewer | null): Audience {
  if (!viewer) return 'public';
  if (viewer.openid === q.askerOpenid) return 'asker';
  if (isHandlerOf(viewer, q)) return 'handler';
  return 'public';
}

/**
 * Steps of handling that are internal: the note (and, for a claim, a name)
 * stays with the handlers. The asker sees that the step happened; the public
 * sees only the steps of the published record.
 */
const INTERNAL_STEPS = new Set<TimelineRecord['type']>(['claim', 'transfer', 'startHandling', 'addProgress', 'resolve', 'reopen', 'rate', 'escalate', 'urge', 'moderate', 'markCase']);
const PUBLIC_STEPS = new Set<TimelineRecord['type']>(['ask', 'answer', 'reply', 'resolve', 'publishNotice', 'autoClose']);
/** Notes the asker wrote (their reopen reason, their rating comment) are theirs to see. */
const ASKERS_OWN_NOTES = new Set<TimelineRecord['type']>(['reopen', 'rate']);

function excerpt(content: string): string {
  const flat = content.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH)}…` : flat;
}

function askerNameFor(q: QuestionRecord, audience: Audience): string {
  if (audience === 'public') return q.anonymous ? ANONYMOUS_NAME : PUBLIC_ASKER_NAME;
  return q.askerName;
}

function assigneeName(q: QuestionRecord): string | null {
  if (!q.assigneeOpenid) return null;
  const claim = [...q.timeline].reverse().find((e) => e.type === 'claim' && e.actorOpenid === q.assigneeOpenid);
  return claim?.actorName ?? '已认领';
}

/** The list shape. Students' names only where the viewer may see them; the assignee only for handlers. */
export function presentSummary(q: QuestionRecord, catalog: CatalogLookup, viewer: ResolvedViewer | null): QuestionSummary {
  const audience = audienceOf(q, viewer);
  return {
    id: q._id,
    title: q.title,
    excerpt: excerpt(q.content),
    categoryId: q.categoryId,
    categoryName: catalog.categoryName(q.categoryId),
    // Anonymity hides the asker's name and college from everyone but the asker and the handlers.
    collegeId: q.anonymous && audience === 'public' ? null : q.collegeId,
    ownerUnitId: q.ownerUnitId,
    ownerUnitName: catalog.unitName(q.ownerUnitId),
    askerName: askerNameFor(q, audience),
    anonymous: q.anonymous,
    urgent: q.urgent,
    visibility: q.visibility,
    status: q.status,
    createdAt: q.createdAt,
    deadlineAt: q.deadlineAt,
    answeredAt: q.answeredAt,
    answerCount: q.answerCount,
    escalated: q.escalatedAt !== null,
    assigneeName: audience === 'handler' ? assigneeName(q) : null,
    reopenedAt: q.reopenedAt,
    moderation: q.moderation.state,
    metooCount: Math.max(0, q.metooCount ?? 0),
    likeCount: Math.max(0, q.likeCount ?? 0),
  };
}

export function presentAnswer(a: AnswerRecord, officialAnswerId: string | null, catalog: CatalogLookup, links: Map<string, string | null> = new Map()): Answer {
  return {
    id: a.id,
    content: a.content,
    responderName: a.responderName,
    unitName: catalog.unitName(a.unitId),
    teamLabel: a.team ? TEAM_LABELS[a.team] : null,
    official: a.id === officialAnswerId,
    createdAt: a.createdAt,
    moderation: a.moderation.state,
    pictureUrls: linksFor(a.pictures, links),
  };
}

function presentEvent(e: TimelineRecord, q: QuestionRecord, catalog: CatalogLookup, audience: Audience): TimelineEntry | null {
  const internal = INTERNAL_STEPS.has(e.type);
  if (audience === 'public' && !PUBLIC_STEPS.has(e.type)) return null;
  const byAsker = e.actorOpenid !== '' && e.actorOpenid === q.askerOpenid;
  const noteShown = audience === 'handler' || !internal || (audience === 'asker' && ASKERS_OWN_NOTES.has(e.type));
  // The ask's note is the routing reason, which everyone may read; a student's name only as its audience allows.
  return {
    id: e.id,
    type: e.type,
    at: e.at,
    actorName: byAsker ? askerNameFor(q, audience) : e.actorName,
    unitName: e.unitId ? catalog.unitName(e.unitId) : null,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    reason: noteShown ? e.reason : null,
    internal,
  };
}

function noticeFor(q: QuestionRecord, audience: Audience): QuestionDetail['notice'] {
  if (!q.notice || q.noticePublishedAt === null) return null;
  const moderation = q.noticeModeration?.state ?? 'published';
  if (audience === 'public' && moderation !== 'published') return null;
  return { text: q.notice, publishedAt: q.noticePublishedAt, moderation };
}

/** The answers this viewer is shown: the public reads what passed moderation; the asker and the handlers read everything, marked. */
function shownAnswers(q: QuestionRecord, audience: Audience): AnswerRecord[] {
  return q.answers.filter((a) => audience !== 'public' || a.moderation.state === 'published');
}

/**
 * The file ids of the pictures this viewer may see on the question (the
 * caller has checked they may see the question itself): its own and those of
 * the answers shown to them. Links are issued for these only.
 */
export function visiblePictureIds(q: QuestionRecord, viewer: ResolvedViewer): string[] {
  const audience = audienceOf(q, viewer);
  return [...(q.pictures ?? []), ...shownAnswers(q, audience).flatMap((a) => a.pictures ?? [])];
}

/** `links`: temporary links for `visiblePictureIds` (none given, no pictures shown). */
export function presentDetail(q: QuestionRecord, catalog: CatalogLookup, viewer: ResolvedViewer, now: number, links: Map<string, string | null> = new Map()): QuestionDetail {
  const audience = audienceOf(q, viewer);
  const allowed = new Set<string>(availableActions(caseFactsOf(q), viewer, now));
  return {
    ...presentSummary(q, catalog, viewer),
    content: q.content,
    routeReason: q.routeReason,
    pictureUrls: linksFor(q.pictures, links),
    answers: shownAnswers(q, audience)
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((a) => presentAnswer(a, q.officialAnswerId, catalog, links)),
    timeline: q.timeline.map((e) => presentEvent(e, q, catalog, audience)).filter((e): e is TimelineEntry => e !== null),
    // The rating is part of the record; its comment is the asker's words to the handlers.
    rating: q.rating ? { ...q.rating, comment: audience === 'public' ? '' : q.rating.comment } : null,
    reopenCount: q.reopenCount,
    noticeRequired: q.noticeRequired,
    notice: noticeFor(q, audience),
    viewerCanAnswer: canAnswer(viewer, q) && q.status !== 'closed',
    viewerIsAsker: q.askerOpenid === viewer.openid,
    viewerIsHandler: audience === 'handler',
    viewerActions: CASE_ACTIONS.filter((a): a is CaseActionName => allowed.has(a)),
    typicalCase:
      audience === 'handler' && q.typicalCase
        ? { kind: q.typicalCase.kind, writeUp: q.typicalCase.writeUp, markedAt: q.typicalCase.markedAt, markedByName: q.typicalCase.markedByName }
        : null,
    viewerCanMarkCase: audience === 'handler' && canMarkCase(viewer, q) && CASE_MARKABLE_STATES.includes(q.status),
  };
}
