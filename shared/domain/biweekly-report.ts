/**
 * What a biweekly report says beyond the figures: who missed which deadline,
 * and how questions are named in a document that leaves the platform (it is
 * downloaded, printed, e-mailed upward), so a private question's words never
 * travel in it.
 */
export interface TimelineFact {
  type: string;
  at: number;
  unitId: string | null;
  actorName: string;
}

export interface MissedDeadline {
  /** The unit on whose watch the deadline passed (counted against it, wherever the question went next). */
  unitId: string;
  escalatedAt: number;
  /** Who had claimed it (认领) at the time; null when nobody had. */
  holderName: string | null;
  /** The official answer that came after, if any. */
  answeredAt: number | null;
  answeredByName: string | null;
}

/**
 * Every deadline a question missed in [from, to), read from its timeline: the
 * escalation names the unit, the claims and transfers before it say who held
 * the question, the answer after it says who finally answered.
 */
export function missedDeadlines(timeline: readonly TimelineFact[], from: number, to: number): MissedDeadline[] {
  const events = [...timeline].sort((a, b) => a.at - b.at);
  const out: MissedDeadline[] = [];
  let holder: string | null = null;
  events.forEach((e, i) => {
    if (e.type === 'ask' || e.type === 'transfer') holder = null;
    else if (e.type === 'claim') holder = e.actorName;
    else if (e.type === 'escalate' && e.unitId && e.at >= from && e.at < to) {
      const answer = events.slice(i + 1).find((later) => later.type === 'answer');
      out.push({ unitId: e.unitId, escalatedAt: e.at, holderName: holder, answeredAt: answer?.at ?? null, answeredByName: answer?.actorName ?? null });
    }
  });
  return out;
}

export const PRIVATE_TITLE = '（私密问题，标题不在报告中显示）';
export const CRISIS_TITLE = '（心理危机个案，内容不在报告中显示）';

/** How a question is named in a report: its title when public, a placeholder when private or in the crisis lane. */
export function reportTitleOf(q: { title: string; visibility: 'public' | 'private'; crisis: boolean }): string {
  if (q.crisis) return CRISIS_TITLE;
  return q.visibility === 'public' ? q.title : PRIVATE_TITLE;
}

/** The text a unit writes before submitting: 存在问题与工作建议. */
export const PROBLEMS_MAX = 2000;
