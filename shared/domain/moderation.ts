/**
 * What is published passes a content check first, and the community can flag
 * what slipped through. Pure rules; the checks themselves (the school's word
 * list, WeChat's msgSecCheck) are adapters behind the ContentChecker port.
 *
 * - A check says `pass`, `review` (publish only after a moderator looks) or
 *   `risky` (refused: the author is told to change it). The strictest wins.
 * - Published content reported by `reportThreshold` different people is
 *   hidden until a moderator looks.
 * - Moderators (the coordinator, the school admin) publish or hide, with a
 *   reason, at any time; the decision is on the question's timeline and in the
 *   audit log.
 *
 * Moderation only decides what the public sees: the asker and the handlers
 * always see their question and its answers (marked 审核中 / 已隐藏), so a
 * student's case is never stalled by a check.
 */
export const VERDICTS = ['pass', 'review', 'risky'] as const;
export type Verdict = (typeof VERDICTS)[number];

export function strictest(...verdicts: Verdict[]): Verdict {
  return verdicts.includes('risky') ? 'risky' : verdicts.includes('review') ? 'review' : 'pass';
}

export const MODERATION_STATES = ['published', 'review', 'hidden'] as const;
export type ModerationStateName = (typeof MODERATION_STATES)[number];

export const MODERATION_STATE_LABELS: Record<ModerationStateName, string> = {
  published: '已公开',
  review: '审核中',
  hidden: '已隐藏',
};

/** What is moderated in a question: the question itself, one of its answers, its public notice. */
export const MODERATION_TARGETS = ['question', 'answer', 'notice'] as const;
export type ModerationTarget = (typeof MODERATION_TARGETS)[number];

export interface Moderation {
  state: ModerationStateName;
  /** Why it is not published (the check's label, reports, a moderator's reason). */
  reason: string | null;
  /** Who decided last (a moderator's name), or null for the checks. */
  by: string | null;
  at: number | null;
  /** How many different people reported it. */
  reports: number;
}

export const DEFAULT_REPORT_THRESHOLD = 3;

export function moderationAfterCheck(verdict: Exclude<Verdict, 'risky'>, reason: string | null, at: number): Moderation {
  return verdict === 'review' ? { state: 'review', reason, by: null, at, reports: 0 } : { state: 'published', reason: null, by: null, at: null, reports: 0 };
}

/** One more person reported it: past the threshold, published content waits for a moderator. */
export function moderationAfterReport(m: Moderation, threshold: number, at: number): Moderation {
  const reports = m.reports + 1;
  if (m.state === 'published' && reports >= threshold) return { ...m, reports, state: 'review', reason: `${reports}位用户举报，等待审核`, by: null, at };
  return { ...m, reports };
}

export function moderationAfterDecision(m: Moderation, decision: 'publish' | 'hide', reason: string, by: string, at: number): Moderation {
  return { ...m, state: decision === 'publish' ? 'published' : 'hidden', reason, by, at };
}

export const PUBLISHED: Moderation = { state: 'published', reason: null, by: null, at: null, reports: 0 };
