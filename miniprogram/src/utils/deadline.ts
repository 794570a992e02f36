import { HOUR_MS, deadlineState, timeLeft, type DeadlineState } from '@shared/domain/answer-deadline';
import { describeTimeLeft } from '@shared/domain/shanghai-time';

/** Under this much time left a waiting question is shown in red. */
export const WARN_BEFORE_MS = 4 * HOUR_MS;

export type CountdownTone = 'calm' | 'danger' | 'done';

export interface Countdown {
  state: DeadlineState;
  text: string;
  tone: CountdownTone;
}

interface DeadlineFacts {
  deadlineAt: number;
  answeredAt: number | null;
}

/** The label a countdown chip shows: "剩余 5小时12分", "已超时 2小时", "按时答复", "超时答复". */
export function describeCountdown(q: DeadlineFacts, now: number): Countdown {
  const state = deadlineState(q.deadlineAt, q.answeredAt, now);
  const left = timeLeft(q.deadlineAt, q.answeredAt, now);
  switch (state) {
    case 'open':
      return { state, text: describeTimeLeft(left), tone: left < WARN_BEFORE_MS ? 'danger' : 'calm' };
    case 'overdue':
      return { state, text: describeTimeLeft(left), tone: 'danger' };
    case 'met':
      return { state, text: '按时答复', tone: 'done' };
    case 'missed':
      return { state, text: '超时答复', tone: 'done' };
  }
}

/** Soonest deadline first (overdue ones lead); ties keep the older question first. */
export function sortByDeadline<T extends DeadlineFacts & { createdAt: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.deadlineAt - b.deadlineAt || a.createdAt - b.createdAt);
}

/** "24小时内" / "紧急 2小时内": the promise made at creation. */
export function describeCommitment(createdAt: number, deadlineAt: number, urgent: boolean): string {
  const hours = Math.max(1, Math.round((deadlineAt - createdAt) / HOUR_MS));
  return urgent ? `紧急通道，${hours}小时内` : `${hours}小时内`;
}
