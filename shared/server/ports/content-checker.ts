import type { Verdict } from '../../domain/moderation';

/**
 * The capability of checking text before it is published. Adapters: the
 * school's own word list (a keyword matcher, everywhere, first) and WeChat's
 * security.msgSecCheck (in the cloud).
 */
export type ContentScene = 'question' | 'answer' | 'notice' | 'topicPost';

export interface ContentCheck {
  verdict: Verdict;
  /** What it matched, for the moderator (never shown to the author). */
  label: string | null;
}

export interface ContentChecker {
  check(text: string, context: { openid: string; scene: ContentScene }): Promise<ContentCheck>;
}
