import { HOUR_MS, reminderDueTimes } from './answer-deadline';
import type { CaseState } from './case-lifecycle';
import { retentionDueAt } from './privacy';

/**
 * What the scheduler owes a question, derived from the question's own state
 * rather than kept as separate timer records: a question cannot exist without
 * its timers, and a transition cannot change the state without changing what is
 * due. The question carries `nextWorkAt` (the earliest instant something is
 * due), which the scheduler queries by index, and two progress marks:
 * `remindedUpTo` (the due time of the last reminder dealt with) and the notice
 * reminder series (`noticeReminderAt`, `noticeReminderRound`).
 */

/** Emergencies get their first "publish the notice" reminder two hours after they end. */
export const FIRST_NOTICE_REMINDER_MS = 2 * HOUR_MS;
/** …and another every 12 hours until the notice is published. */
export const NOTICE_REMINDER_EVERY_MS = 12 * HOUR_MS;

export interface ScheduleFacts {
  state: CaseState;
  createdAt: number;
  deadlineAt: number;
  escalatedAt: number | null;
  autoCloseAt: number | null;
  noticeRequired: boolean;
  noticePublishedAt: number | null;
  remindedUpTo: number | null;
  noticeReminderAt: number | null;
  closedAt: number | null;
  anonymisedAt: number | null;
}

/** How the scheduler is set up: when reminders fall due, how long closed cases keep personal data. */
export interface ScheduleSettings {
  reminderOffsetsHours: readonly number[];
  retentionDays: number;
}

function pendingReminders(f: ScheduleFacts, offsetsHours: readonly number[]): number[] {
  if (f.state !== 'routed' || f.escalatedAt !== null) return [];
  return reminderDueTimes(f.createdAt, f.deadlineAt, offsetsHours).filter((t) => t < f.deadlineAt && (f.remindedUpTo === null || t > f.remindedUpTo));
}

/** The notice is owed once the emergency has ended; a reopened case is reminded again when it ends again. */
function noticeOwed(f: ScheduleFacts): boolean {
  return f.noticeRequired && f.noticePublishedAt === null && f.noticeReminderAt !== null && (f.state === 'resolved' || f.state === 'closed');
}

/** The earliest instant the scheduler has something to do for this question, or null. */
export function nextWorkAt(f: ScheduleFacts, settings: ScheduleSettings): number | null {
  const times: number[] = [];
  const reminders = pendingReminders(f, settings.reminderOffsetsHours);
  if (reminders[0] !== undefined) times.push(reminders[0]);
  if (f.state === 'routed' && f.escalatedAt === null) times.push(f.deadlineAt);
  if ((f.state === 'answered' || f.state === 'resolved') && f.autoCloseAt !== null) times.push(f.autoCloseAt);
  if (noticeOwed(f)) times.push(f.noticeReminderAt!);
  const retention = retentionDueAt(f.closedAt, f.anonymisedAt, settings.retentionDays);
  if (retention !== null) times.push(retention);
  return times.length > 0 ? Math.min(...times) : null;
}

export interface DueWork {
  /**
   * The reminder to send now: the latest one already due. After an outage the
   * earlier ones are not worth sending; past the deadline none is (the
   * escalation speaks instead). `dealtWithUpTo` moves past every due reminder.
   */
  reminder: { dueAt: number } | null;
  remindersDealtWithUpTo: number | null;
  escalate: boolean;
  autoClose: boolean;
  noticeReminder: { round: number; dueAt: number } | null;
  /** The retention period of a closed case ran out: remove its personal data. */
  anonymise: boolean;
}

export function dueWork(f: ScheduleFacts & { noticeReminderRound: number }, now: number, settings: ScheduleSettings): DueWork {
  const due = pendingReminders(f, settings.reminderOffsetsHours).filter((t) => t <= now);
  const retention = retentionDueAt(f.closedAt, f.anonymisedAt, settings.retentionDays);
  const latest = due[due.length - 1];
  const pastDeadline = now >= f.deadlineAt;
  return {
    reminder: latest !== undefined && !pastDeadline ? { dueAt: latest } : null,
    remindersDealtWithUpTo: latest ?? null,
    escalate: f.state === 'routed' && f.escalatedAt === null && pastDeadline,
    autoClose: (f.state === 'answered' || f.state === 'resolved') && f.autoCloseAt !== null && now >= f.autoCloseAt,
    noticeReminder: noticeOwed(f) && now >= f.noticeReminderAt! ? { round: f.noticeReminderRound, dueAt: f.noticeReminderAt! } : null,
    anonymise: retention !== null && now >= retention,
  };
}

export function hasWork(w: DueWork): boolean {
  return w.reminder !== null || w.remindersDealtWithUpTo !== null || w.escalate || w.autoClose || w.noticeReminder !== null || w.anonymise;
}

/**
 * The notice series after a transition: an emergency that has ended (resolved,
 * or closed without going through 办结) owes its public notice, first reminded
 * two hours later; once published, nothing more is owed. An emergency reopened
 * and ended again starts a new series (with new rounds, so its reminders are
 * new messages). Returns the fields to set, or null to leave them.
 */
export function noticeSeriesAfter(
  before: { state: CaseState; noticeReminderAt: number | null; noticeReminderRound: number },
  after: { state: CaseState; noticeRequired: boolean; noticePublishedAt: number | null },
  now: number,
): { noticeReminderAt: number | null; noticeReminderRound: number } | null {
  if (!after.noticeRequired) return null;
  if (after.noticePublishedAt !== null) return before.noticeReminderAt === null ? null : { noticeReminderAt: null, noticeReminderRound: before.noticeReminderRound };
  const isEnded = (state: CaseState) => state === 'resolved' || state === 'closed';
  if (isEnded(after.state) && (!isEnded(before.state) || before.noticeReminderAt === null)) {
    return { noticeReminderAt: now + FIRST_NOTICE_REMINDER_MS, noticeReminderRound: before.noticeReminderRound + 1 };
  }
  return null;
}

/** After a notice reminder went out, the next one is due 12 hours later — counted from now, so an outage does not fire a backlog. */
export function nextNoticeReminder(dueAt: number, round: number, now: number): { noticeReminderAt: number; noticeReminderRound: number } {
  return { noticeReminderAt: Math.max(dueAt, now) + NOTICE_REMINDER_EVERY_MS, noticeReminderRound: round + 1 };
}
