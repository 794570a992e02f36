import { decide, type CaseAction, type CasePolicy } from '../../domain/case-lifecycle';
import { HOUR_MS, reminderDueTimes } from '../../domain/answer-deadline';
import type { NotificationKind } from '../../domain/notification-plan';
import type { IdGenerator } from '../ids';
import { deliverAll, emptyTally, type DeliveryDeps, type DeliveryTally } from './deliver-notifications';
import { enqueueNotifications } from './notify';
import type { Recipient } from './plan-notifications';
import { caseFactsOf, newTimer, nextTimers, toRecordPatch } from './case-records';
import type { UserRepository } from '../ports/repositories';
import type { QuestionRecord, TimerRecord, UserRecord } from '../ports/records';

/**
 * One scheduler tick: everything due by `now`, in pages. The queries are on
 * (state, dueAt) of timers and notifications, so a tick's cost depends on what
 * is due, never on how many questions exist. Safe to run twice at once or to
 * rerun after a crash: every timer and message is claimed before it is acted on.
 */
export const TIMER_LEASE_MS = 2 * 60_000;
/** Emergencies are reminded every 12 hours until their notice is published. */
export const NOTICE_REMINDER_EVERY_MS = 12 * HOUR_MS;

export interface TickDeps extends DeliveryDeps {
  ids: IdGenerator;
  policy: CasePolicy;
  reminderOffsetsHours?: readonly number[];
  now: number;
  pageSize?: number;
  /** Upper bound on pages per tick. */
  maxPages?: number;
  /** True once the tick should stop taking new work (the function's time budget is nearly spent). */
  outOfTime?: () => boolean;
  log?: (message: string, detail: Record<string, unknown>) => void;
}

/** A timer whose work keeps failing is given up after this many attempts, with the error as its outcome. */
export const MAX_TIMER_ATTEMPTS = 5;

export interface TickReport {
  timers: { done: number; skipped: number; lost: number; retry: number };
  notifications: DeliveryTally;
}

const toRecipient = (u: UserRecord): Recipient => ({ openid: u.openid, name: u.name });

async function unitName(deps: TickDeps, unitId: string): Promise<string> {
  const units = await deps.repos.catalog.listUnits();
  return units.find((u) => u._id === unitId)?.name ?? '负责单位';
}

async function responders(deps: TickDeps, q: QuestionRecord): Promise<Recipient[]> {
  const people = await deps.repos.users.listResponders(q.ownerUnitId);
  // The person who claimed it hears first; the rest of the unit too, so nothing hinges on one phone.
  return [...people].sort((a, b) => Number(b.openid === q.assigneeOpenid) - Number(a.openid === q.assigneeOpenid)).map(toRecipient);
}

async function tell(deps: TickDeps, kind: NotificationKind, q: QuestionRecord, timer: TimerRecord, recipients: Recipient[], unitId: string | null) {
  await enqueueNotifications(deps, {
    kind,
    question: q,
    recipients,
    occasion: String(timer.scheduledFor),
    unitName: await unitName(deps, q.ownerUnitId),
    unitId,
    note: '',
    at: deps.now,
    now: deps.now,
  });
}

/** The question changed between our read and our write: leave the timer for the next tick. */
const RETRY = 'retry';

/** Applies a system transition (escalate, auto-close) with the version check. */
async function systemTransition(deps: TickDeps, q: QuestionRecord, action: CaseAction): Promise<'done' | string> {
  const decision = decide(caseFactsOf(q), action, { kind: 'system' }, deps.now, deps.policy);
  if (!decision.ok) return decision.message;
  const { patch, event } = decision.change;
  const recordPatch = toRecordPatch(patch);
  if (!(await deps.repos.questions.applyChange(q._id, q.version, recordPatch))) return RETRY;
  await deps.repos.events.append({
    _id: deps.ids.derived('e', q._id, action.type, String(q.version)),
    questionId: q._id,
    type: action.type,
    actorOpenid: '',
    actorName: '系统',
    actorRole: 'system',
    at: deps.now,
    fromStatus: event.fromState,
    toStatus: event.toState,
    unitId: q.ownerUnitId,
    reason: event.reason,
  });
  await deps.repos.timers.schedule(nextTimers({ ...q, ...recordPatch }, action.type, deps.now));
  return 'done';
}

async function handleTimer(deps: TickDeps, timer: TimerRecord): Promise<'done' | string> {
  const q = await deps.repos.questions.findById(timer.questionId);
  if (!q) return 'question no longer exists';
  switch (timer.kind) {
    case 'remind': {
      if (q.status !== 'routed') return `no reminder needed: ${q.status}`;
      // Catching up after an outage: past the deadline the escalation speaks, and
      // of several overdue reminders only the latest is worth sending.
      if (deps.now >= q.deadlineAt) return 'deadline passed; escalation takes over';
      const later = reminderDueTimes(q.createdAt, q.deadlineAt, deps.reminderOffsetsHours).some((t) => t > timer.scheduledFor && t <= deps.now);
      if (later) return 'superseded by a later reminder';
      await tell(deps, 'reminder', q, timer, await responders(deps, q), q.ownerUnitId);
      return 'done';
    }

    case 'escalate': {
      // Already escalated means a tick died after escalating and before telling:
      // telling again is safe, the messages are keyed on this timer.
      if (q.escalatedAt === null) {
        const result = await systemTransition(deps, q, { type: 'escalate' });
        if (result !== 'done') return result;
      }
      const [coordinators, supervisors] = await Promise.all([deps.repos.users.listByRole('coordinator'), deps.repos.users.listByRole('supervisor')]);
      await tell(deps, 'escalation', q, timer, coordinators.map(toRecipient), null);
      await tell(deps, 'supervisorAlert', q, timer, supervisors.map(toRecipient), null);
      return 'done';
    }

    case 'autoClose':
      return systemTransition(deps, q, { type: 'autoClose' });

    case 'noticeReminder':
      if (!q.noticeRequired || q.noticePublishedAt !== null) return 'notice already published';
      await tell(deps, 'noticeReminder', q, timer, await responders(deps, q), q.ownerUnitId);
      // The next one is scheduled from now, so a scheduler that was down does not fire a backlog.
      await deps.repos.timers.schedule([newTimer(q._id, 'noticeReminder', Math.max(timer.scheduledFor, deps.now) + NOTICE_REMINDER_EVERY_MS, timer.round + 1)]);
      return 'done';
  }
}


async function runTimer(deps: TickDeps, timer: TimerRecord, report: TickReport): Promise<void> {
  if (!(await deps.repos.timers.claim(timer, deps.now, TIMER_LEASE_MS))) {
    report.timers.lost += 1;
    return;
  }
  let outcome: string;
  try {
    outcome = await handleTimer(deps, timer);
  } catch (err) {
    // One broken timer must not stop the others. It comes back after its lease,
    // and is given up (with the error kept) after a few attempts.
    const message = err instanceof Error ? err.message : String(err);
    deps.log?.('timer failed', { timer: timer._id, attempt: timer.attempts + 1, error: message });
    if (timer.attempts + 1 < MAX_TIMER_ATTEMPTS) outcome = RETRY;
    else outcome = `gave up after ${MAX_TIMER_ATTEMPTS} attempts: ${message}`;
  }
  if (outcome === RETRY) {
    // Still claimed: it comes back when the lease runs out, and is decided again.
    report.timers.retry += 1;
    return;
  }
  await deps.repos.timers.finish(timer._id, outcome === 'done' ? 'done' : 'skipped', outcome, deps.now);
  report.timers[outcome === 'done' ? 'done' : 'skipped'] += 1;
}

/** Delivers one page of due messages; false when nothing more is due. */
async function deliverPage(deps: TickDeps, pageSize: number, report: TickReport): Promise<boolean> {
  const due = await deps.repos.notifications.listDue(deps.now, pageSize);
  if (due.length > 0) await deliverAll(due, deps, deps.now, report.notifications);
  return due.length === pageSize;
}

function memoizedRoster(users: UserRepository): UserRepository {
  const byUnit = new Map<string, Promise<UserRecord[]>>();
  const byRole = new Map<string, Promise<UserRecord[]>>();
  const once = <T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>) => {
    let hit = cache.get(key);
    if (!hit) {
      hit = load();
      cache.set(key, hit);
      hit.catch(() => cache.delete(key));
    }
    return hit;
  };
  return {
    findByOpenid: (openid) => users.findByOpenid(openid),
    findByOpenids: (openids) => users.findByOpenids(openids),
    listResponders: (unitId) => once(byUnit, unitId, () => users.listResponders(unitId)),
    listByRole: (role) => once(byRole, role, () => users.listByRole(role)),
  };
}

export async function runTick(deps: TickDeps): Promise<TickReport> {
  const pageSize = deps.pageSize ?? 50;
  const maxPages = deps.maxPages ?? 20;
  const outOfTime = deps.outOfTime ?? (() => false);
  const report: TickReport = { timers: { done: 0, skipped: 0, lost: 0, retry: 0 }, notifications: emptyTally() };
  // Within one tick the roster does not change: look each unit and role up once.
  deps = { ...deps, repos: { ...deps.repos, users: memoizedRoster(deps.repos.users) } };

  // Timers and deliveries alternate page by page, so with a backlog the
  // reminders written early in the tick go out early in the tick.
  for (let page = 0; page < maxPages && !outOfTime(); page++) {
    const due = await deps.repos.timers.listDue(deps.now, pageSize);
    for (const timer of due) {
      if (outOfTime()) break;
      await runTimer(deps, timer, report);
    }
    await deliverPage(deps, pageSize, report);
    if (due.length < pageSize) break;
  }
  for (let page = 0; page < maxPages && !outOfTime(); page++) {
    if (!(await deliverPage(deps, pageSize, report))) break;
  }
  return report;
}
