import type { ModerationStateName } from '@shared/domain/moderation';

export type ModerationViewer = 'asker' | 'handler' | 'public';

/**
 * The line under something the public does not see (yet), for the people who
 * still do: its asker is told what it means for them, handlers that it waits
 * for a moderator. Nothing for published content or for the public (who never
 * receive held content).
 */
export function moderationNote(state: ModerationStateName, viewer: ModerationViewer, thing: string): string | null {
  if (state === 'published' || viewer === 'public') return null;
  if (viewer === 'asker') {
    return state === 'review' ? '审核中：其他同学暂时看不到，通过后公开' : `已隐藏：其他同学看不到这${thing}`;
  }
  return state === 'review' ? '审核中：公众暂时看不到，等待协管或管理员审核' : `已隐藏：公众看不到这${thing}`;
}
