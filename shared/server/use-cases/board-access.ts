import { DomainError } from '../../domain/errors';
import { canSpeakForUnit } from '../../domain/permissions';
import { adminMemberships } from '../../domain/roster';
import type { ActionContext, PrepareContext } from './action';
import { checkBeforePublishing } from './content-moderation';
import type { ContentScene } from '../ports/content-checker';
import type { Moderation } from '../../domain/moderation';
import type { ResolvedViewer } from './viewer';

/** Who speaks for which unit on the boards (docs/decisions/0020-…): see `canSpeakForUnit`. */
export function adminUnitIdsOf(viewer: ResolvedViewer | null): string[] {
  return viewer?.user ? adminMemberships(viewer.user).map((m) => m.unitId) : [];
}

export function speaksFor(viewer: ResolvedViewer | null, unitId: string): boolean {
  return viewer !== null && canSpeakForUnit(viewer, adminUnitIdsOf(viewer), unitId);
}

/**
 * Staff content on the boards (an activity, an article, a topic) is checked
 * like everything published; what the check would hold for a moderator is
 * refused instead (the author is accountable staff: they reword it, nothing
 * waits in a queue half-published).
 */
export async function checkStaffText(ctx: Pick<PrepareContext, 'contentChecker' | 'now'>, openid: string, text: string, scene: ContentScene): Promise<void> {
  const moderation = await checkBeforePublishing(ctx, openid, text, scene);
  if (moderation.state !== 'published') throw new DomainError('CONTENT.REFUSED');
}

/** A student's text (a take, a comment): refused when risky, held for a look when the check says so. */
export function checkStudentText(ctx: Pick<ActionContext, 'contentChecker' | 'now'>, openid: string, text: string, scene: ContentScene): Promise<Moderation> {
  return checkBeforePublishing(ctx, openid, text, scene);
}

/** The fingerprint of a create request: the same request id with other content is refused (REQUEST.KEY_REUSED). */
export function requestKeys(ctx: Pick<ActionContext, 'ids' | 'requestId' | 'viewer'>, prefix: string, fingerprint: unknown): { id: string; hash: string | null } {
  if (!ctx.requestId) return { id: ctx.ids.next(prefix), hash: null };
  return { id: ctx.ids.derived(prefix, ctx.viewer.openid, ctx.requestId), hash: ctx.ids.derived('h', JSON.stringify(fingerprint)) };
}
