/**
 * The 24-hour commitment ("须在24小时以内及时答复办理"). The deadline is fixed
 * when the question is created and never moves (transfers keep it). Instants are
 * epoch milliseconds in UTC; the caller passes "now" in.
 */
export const HOUR_MS = 60 * 60 * 1000;
export const DEFAULT_ANSWER_HOURS = 24;
export const EMERGENCY_ANSWER_HOURS = 2;

export interface DeadlinePolicy {
  /** Per-category override of the 24 hours; null or absent means the default. */
  answerHours?: number | null;
}

export function answerDeadline(createdAt: number, urgent: boolean, policy: DeadlinePolicy = {}): number {
  const hours = urgent ? EMERGENCY_ANSWER_HOURS : policy.answerHours ?? DEFAULT_ANSWER_HOURS;
  return createdAt + hours * HOUR_MS;
}

export type DeadlineState = 'met' | 'missed' | 'open' | 'overdue';

/**
 * Where a question stands against its deadline. The clock stops at the first
 * official reply: answered before the deadline is "met", after it "missed".
 */
export function deadlineState(deadlineAt: number, answeredAt: number | null, now: number): DeadlineState {
  if (answeredAt !== null) return answeredAt <= deadlineAt ? 'met' : 'missed';
  return now <= deadlineAt ? 'open' : 'overdue';
}

/** Milliseconds left until the deadline (negative when overdue); 0 once the clock has stopped. */
export function timeLeft(deadlineAt: number, answeredAt: number | null, now: number): number {
  return answeredAt !== null ? 0 : deadlineAt - now;
}

/** Reminders to the owning unit before the deadline: 4 h and 1 h before by default. */
export const DEFAULT_REMINDER_OFFSETS_HOURS: readonly number[] = [4, 1];

/**
 * When reminders fall due: each offset before the deadline, skipping any that
 * would fall before the question was asked (an emergency's 2 hours leave room
 * only for the 1-hour reminder). Ascending, without duplicates.
 */
export function reminderDueTimes(createdAt: number, deadlineAt: number, offsetsHours: readonly number[] = DEFAULT_REMINDER_OFFSETS_HOURS): number[] {
  const times = offsetsHours.map((h) => deadlineAt - h * HOUR_MS).filter((t) => t > createdAt);
  return [...new Set(times)].sort((a, b) => a - b);
}
