import type { z } from 'zod';
import type { ExportFeedInput, ExportFeedOutput, FeedItem } from '../../contracts/export.contract';
import { DomainError } from '../../domain/errors';
import { TEAM_LABELS } from '../../domain/organisation';
import { wholeMinutes } from '../../domain/statistics';
import type { Repositories, PageCursor } from '../ports/repositories';
import type { QuestionRecord } from '../ports/records';
import { loadCatalog, type CatalogLookup } from './catalog-lookup';

/**
 * The export feed for the central platform (数据共享): public questions in the
 * order they last changed, each with its published answers and its figures.
 * A consumer keeps the cursor of the last item and asks again with it; an
 * item it has seen comes again after it changes (upsert by id), and a
 * question the public may no longer read comes as `withdrawn` (delete it).
 *
 * Changes are served once they are FEED_SETTLE_MS old. A change's `updatedAt`
 * is the time its function read the clock, and the write lands up to a
 * function timeout later; a change younger than that could still be joined by
 * an older one landing behind it, which a consumer past it would never see.
 * Two minutes is longer than any function runs (the api times out at 10 s,
 * the scheduler at 60 s), so nothing is ever skipped.
 */
export const FEED_SETTLE_MS = 2 * 60_000;

type FeedInput = z.output<typeof ExportFeedInput>;

export function encodeFeedCursor(q: Pick<QuestionRecord, 'updatedAt' | '_id'>): string {
  return `${q.updatedAt}~${q._id}`;
}

export function decodeFeedCursor(cursor: string | undefined): PageCursor | null {
  if (!cursor) return null;
  const match = /^(\d{1,16})~([A-Za-z0-9_-]{1,64})$/.exec(cursor);
  if (!match) throw new DomainError('INPUT.INVALID', 'cursor 无效');
  return { values: [Number(match[1])], id: match[2]! };
}

/** What the central platform may have of a question: what the public reads, less the asker (and, anonymous, their college). */
export function presentFeedItem(q: QuestionRecord, catalog: CatalogLookup, now: number): FeedItem {
  if (q.visibility !== 'public' || q.moderation.state !== 'published') return { id: q._id, withdrawn: true, updatedAt: q.updatedAt };
  const answered = q.answeredAt !== null;
  const noticeShown = q.notice !== null && q.noticePublishedAt !== null && (q.noticeModeration?.state ?? 'published') === 'published';
  const answers = q.answers
    .filter((a) => a.moderation.state === 'published')
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((a) => ({
      id: a.id,
      content: a.content,
      unitName: catalog.unitName(a.unitId),
      responderName: a.responderName,
      teamLabel: a.team ? TEAM_LABELS[a.team] : null,
      official: a.id === q.officialAnswerId,
      createdAt: a.createdAt,
    }));
  return {
    id: q._id,
    withdrawn: false,
    updatedAt: q.updatedAt,
    title: q.title,
    content: q.content,
    categoryName: catalog.categoryName(q.categoryId),
    unitName: catalog.unitName(q.ownerUnitId),
    collegeName: q.anonymous ? null : catalog.unit(q.collegeId)?.shortName ?? null,
    anonymous: q.anonymous,
    urgent: q.urgent,
    status: q.status,
    askedAt: q.createdAt,
    deadlineAt: q.deadlineAt,
    answeredAt: q.answeredAt,
    answers,
    notice: noticeShown ? { text: q.notice!, publishedAt: q.noticePublishedAt! } : null,
    figures: {
      answerCount: answers.length,
      answeredOnTime: answered ? q.answeredAt! <= q.deadlineAt : now > q.deadlineAt ? false : null,
      firstAnswerMinutes: answered ? wholeMinutes(q.answeredAt! - q.createdAt) : null,
      escalated: q.timeline.some((e) => e.type === 'escalate'),
      settled: q.status === 'resolved' || q.status === 'closed',
      satisfied: q.rating ? q.rating.satisfied : null,
    },
  };
}

export async function exportFeed(input: FeedInput, deps: { repos: Repositories; now: number }): Promise<z.output<typeof ExportFeedOutput>> {
  const after = decodeFeedCursor(input.cursor);
  const settledBefore = deps.now - FEED_SETTLE_MS;
  const [rows, catalog] = await Promise.all([deps.repos.questions.listPublicChangedAfter(after, settledBefore, input.limit + 1), loadCatalog(deps.repos)]);
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((q) => presentFeedItem(q, catalog, deps.now)),
    nextCursor: last ? encodeFeedCursor(last) : input.cursor ?? null,
    hasMore: rows.length > input.limit,
    settledBefore,
  };
}
