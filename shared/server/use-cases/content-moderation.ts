import { DomainError } from '../../domain/errors';
import { moderationAfterCheck, type Moderation, type ModerationStateName } from '../../domain/moderation';
import type { ContentScene } from '../ports/content-checker';
import type { QuestionRecord } from '../ports/records';
import type { PrepareContext } from './action';

/**
 * The content check before anything is published: `risky` is refused with
 * CONTENT.REFUSED (nothing is written; the author changes the text), `review`
 * is stored and held for a moderator, `pass` is published. What the check
 * matched is kept for the moderator, never told to the author.
 */
export async function checkBeforePublishing(
  ctx: Pick<PrepareContext, 'contentChecker' | 'now'>,
  openid: string,
  text: string,
  scene: ContentScene,
): Promise<Moderation> {
  const check = await ctx.contentChecker.check(text, { openid, scene });
  if (check.verdict === 'risky') throw new DomainError('CONTENT.REFUSED');
  return moderationAfterCheck(check.verdict, check.label, ctx.now);
}

/** Whether anything in the question waits for a moderator: the question, an answer, the notice. */
export function waitsForModerator(q: Pick<QuestionRecord, 'moderation' | 'answers' | 'noticeModeration'>): boolean {
  return q.moderation.state === 'review' || q.noticeModeration?.state === 'review' || q.answers.some((a) => a.moderation.state === 'review');
}

/** `moderationPendingAt` after a change: kept while something still waits, set when something starts to, cleared when nothing does. */
export function pendingSince(before: Pick<QuestionRecord, 'moderationPendingAt'>, after: Pick<QuestionRecord, 'moderation' | 'answers' | 'noticeModeration'>, now: number): number | null {
  if (!waitsForModerator(after)) return null;
  return before.moderationPendingAt ?? now;
}

export function stateOf(m: Moderation | null | undefined): ModerationStateName {
  return m?.state ?? 'published';
}
