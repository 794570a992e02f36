import { stillRelevant } from '../../domain/notification-plan';
import type { Role } from '../../domain/organisation';
import type { PageCursor, UserRepository } from '../ports/repositories';
import type { NotificationRecord, QuestionRecord, UserRecord } from '../ports/records';
import { loadCatalog } from './catalog-lookup';
import {
  deliverNew,
  deliverQueuedAll,
  emptyTally,
  recordsForOutbox,
  type DeliveryDeps,
  type DeliveryTally,
} from './notification-delivery';
import { planScheduledWork, scheduleFactsOf, type ChangeSettings, type PlannedChange } from './question-changes';
import { nextWorkAt } from '../../domain/case-schedule';
import type { IdGenerator } from '../ports/ids';
import { runFaqGrouping } from './faq';
import type { FileStorage } from '../ports/files';
import type { ReportRenderer } from '../ports/report-renderer';
import { runReportTick, type ReportTickResult } from './report-generation';
import { runArticleReminders } from './articles';
import { refreshBoards } from './boards';

/**
 * One scheduler tick: everything due by `now`, page by page.
 *
 * 1. Questions with work due (`nextWorkAt` ≤ now, an indexed query): each gets
 *    one change — escalation, auto-close, a reminder — written by one update
 *    conditional on its version, messages included; the page's messages are
 *    then delivered and recorded in one batch.
 * 2. The sweep: questions whose outbox was not confirmed in time (the function
 *    that made the change died before recording its messages) get the missing
 *    records queued, and their outboxes emptied.
 * 3. Queued messages (retries, swept ones) are claimed and delivered.
 *
 * A tick's cost depends on what is due, never on how many questions exist, and
 * two ticks at once, or a rerun after a crash, neither lose nor double anything.
 */
export interface TickDeps extends DeliveryDeps {
  settings: ChangeSettings;
  now: number;
  ids: IdGenerator;
  pageSize?: number;
  /** Upper bound on pages per phase. */
  maxPages?: number;
  /** True once the tick should stop taking new work (the function's time budget is nearly spent). */
  outOfTime?: () => boolean;
  /** The biweekly reports' files: where they are kept and what makes them (without them the reports phase is skipped). */
  reportFiles?: { files: FileStorage; renderer: ReportRenderer };
}

export interface TickReport {
  /**
   * Questions changed, found with nothing to do, lost to a concurrent change
   * three times, or failed; and changed ones whose messages are left to the sweep.
   */
  questions: { changed: number; idle: number; conflicts: number; failed: number; undelivered: number };
  /** Outboxes the sweep checked, and messages it queued because they had no record. */
  sweep: { questions: number; queued: number };
  notifications: DeliveryTally;
  /** The half-monthly grouping of repeated questions: the half month grouped this tick (null: nothing due) and its groups. */
  faq: { period: number | null; groups: number };
  /** The biweekly reports (双周报): the period worked on, reports written and still to write, reports whose files were made. */
  reports: ReportTickResult;
  /** Issue 11: units reminded this tick that they have published no 青年视角 article for 14 days. */
  articles: { reminded: number };
  /** The boards' documents recomputed this tick (hot tags, expert figures: at most hourly). */
  boards: { hotTags: boolean; experts: boolean };
}

const MAX_ATTEMPTS = 3;

type WorkOutcome = { kind: 'changed'; planned: PlannedChange } | { kind: 'idle' } | { kind: 'conflict' };

/** Does what is due for one question; re-reads and re-decides when a concurrent change wins the version. */
async function workOn(deps: TickDeps, question: QuestionRecord, unitName: (id: string) => string): Promise<WorkOutcome> {
  let q: QuestionRecord | null = question;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS && q; attempt++) {
    const plan = planScheduledWork(q, deps.now, deps.settings, unitName);
    if (plan === null || !plan.ok || plan.planned === null) {
      // Nothing due after all (the state moved on): put the schedule right so the question is not listed again.
      if (plan && !plan.ok) deps.log?.('scheduled work refused', { question: q._id, code: plan.code, message: plan.message });
      const next = nextWorkAt(scheduleFactsOf(q), deps.settings);
      const repaired = next !== null && next <= deps.now ? null : next;
      if (repaired === q.nextWorkAt) return { kind: 'idle' };
      // Only the scheduler's own bookkeeping changes (nothing anyone reads or the export feed serves), so
      // updatedAt stays: every change a reader could see goes through composeChange, which sets it.
      if (await deps.repos.questions.applyChange(q._id, q.version, { set: { nextWorkAt: repaired }, timeline: [], answers: [], outbox: [] })) return { kind: 'idle' };
    } else if (await deps.repos.questions.applyChange(q._id, q.version, plan.planned.change)) {
      return { kind: 'changed', planned: plan.planned };
    }
    q = await deps.repos.questions.findById(question._id);
  }
  return q ? { kind: 'conflict' } : { kind: 'idle' };
}

/** Within one tick the roster does not change: each unit's responders and each set of roles are looked up once. */
function memoizedRoster(users: UserRepository): UserRepository {
  const cache = new Map<string, Promise<UserRecord[]>>();
  const once = (key: string, load: () => Promise<UserRecord[]>) => {
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
    listResponders: (unitId, options = {}) => once(`unit:${unitId}:${options.withAdmins === true}`, () => users.listResponders(unitId, options)),
    listByRoles: (roles: Role[]) => once(`roles:${[...roles].sort().join(',')}`, () => users.listByRoles(roles)),
    remove: (openid) => users.remove(openid),
    findManyByOpenid: (openids) => users.findManyByOpenid(openids),
    setPhone: (openid, phone) => users.setPhone(openid, phone),
    findById: (id) => users.findById(id),
    listInUnits: (unitIds, page) => users.listInUnits(unitIds, page),
    listAllInUnits: (unitIds) => users.listAllInUnits(unitIds),
  };
}

async function dueWorkPhase(deps: TickDeps, report: TickReport, pageSize: number, maxPages: number, outOfTime: () => boolean) {
  const catalog = await loadCatalog(deps.repos);
  let after: PageCursor | null = null;
  for (let page = 0; page < maxPages && !outOfTime(); page++) {
    const due = await deps.repos.questions.listDueWork(deps.now, { limit: pageSize, after });
    const changed: PlannedChange[] = [];
    for (const q of due) {
      if (outOfTime()) break;
      try {
        const outcome = await workOn(deps, q, catalog.unitName);
        if (outcome.kind === 'changed') {
          report.questions.changed += 1;
          changed.push(outcome.planned);
        } else report.questions[outcome.kind === 'idle' ? 'idle' : 'conflicts'] += 1;
      } catch (err) {
        // One broken question must not stop the others; it is still due and is tried again next tick.
        report.questions.failed += 1;
        deps.log?.('scheduled work failed', { question: q._id, error: err instanceof Error ? err.message : String(err) });
      }
    }
    // The page's messages: recipients looked up (once per unit and role), delivered, recorded in one batch.
    // If that fails, the changes (and the messages they owe) are written: the sweep sends what has no record.
    try {
      const records = (await Promise.all(changed.map((p) => recordsForOutbox(deps.repos, p.after, p.change.outbox, deps.now)))).flat();
      await deliverNew(deps, records, deps.now, report.notifications);
    } catch (err) {
      report.questions.undelivered += changed.length;
      deps.log?.('delivering a page of scheduled messages failed; the sweep takes them over', { questions: changed.length, error: err instanceof Error ? err.message : String(err) });
    }
    const last = due[due.length - 1];
    if (due.length < pageSize || !last) break;
    after = { values: [last.nextWorkAt ?? deps.now], id: last._id };
  }
}

/** Queues what a change's outbox owes but nobody recorded (the function died first), then empties the outboxes. */
async function sweepPhase(deps: TickDeps, report: TickReport, pageSize: number, maxPages: number, outOfTime: () => boolean) {
  for (let page = 0; page < maxPages && !outOfTime(); page++) {
    const rows = await deps.repos.questions.listOutboxDue(deps.now, pageSize);
    if (rows.length === 0) break;
    const owed = (await Promise.all(rows.map((q) => recordsForOutbox(deps.repos, q, q.outbox, deps.now).then((rs) => rs.map((r) => ({ q, r })))))).flat();
    const existing = await deps.repos.notifications.existingIds(owed.map((o) => o.r._id));
    const missing: NotificationRecord[] = owed
      .filter((o) => !existing.has(o.r._id))
      .map(({ q, r }) =>
        // Found late: only what is still true is sent.
        stillRelevant(r.kind, { state: q.status, escalatedAt: q.escalatedAt, noticePublishedAt: q.noticePublishedAt })
          ? r
          : { ...r, state: 'withdrawn', reason: `no longer relevant: question ${q.status}`, finishedAt: deps.now },
      );
    if (missing.length > 0) await deps.repos.notifications.insertMany(missing);
    await deps.repos.questions.clearOutboxes(rows.map((q) => q._id), deps.now);
    report.sweep.questions += rows.length;
    report.sweep.queued += missing.filter((m) => m.state === 'pending').length;
    if (rows.length < pageSize) break;
  }
}

async function queuedPhase(deps: TickDeps, report: TickReport, pageSize: number, maxPages: number, outOfTime: () => boolean) {
  for (let page = 0; page < maxPages && !outOfTime(); page++) {
    const due = await deps.repos.notifications.listDue(deps.now, pageSize);
    if (due.length > 0) await deliverQueuedAll(due, deps, deps.now, report.notifications);
    if (due.length < pageSize) break;
  }
}

export async function runTick(input: TickDeps): Promise<TickReport> {
  const pageSize = input.pageSize ?? 50;
  const maxPages = input.maxPages ?? 20;
  const outOfTime = input.outOfTime ?? (() => false);
  const report: TickReport = {
    questions: { changed: 0, idle: 0, conflicts: 0, failed: 0, undelivered: 0 },
    sweep: { questions: 0, queued: 0 },
    notifications: emptyTally(),
    faq: { period: null, groups: 0 },
    reports: { period: null, generated: 0, remaining: 0, files: 0, filesFailed: 0 },
    articles: { reminded: 0 },
    boards: { hotTags: false, experts: false },
  };
  const deps: TickDeps = { ...input, repos: { ...input.repos, users: memoizedRoster(input.repos.users) } };
  await dueWorkPhase(deps, report, pageSize, maxPages, outOfTime);
  await sweepPhase(deps, report, pageSize, maxPages, outOfTime);
  await queuedPhase(deps, report, pageSize, maxPages, outOfTime);
  // Last: the deadlines come first; a grouping that fails is tried again next tick.
  if (!outOfTime()) {
    try {
      report.faq = await runFaqGrouping(deps);
    } catch (err) {
      deps.log?.('faq grouping failed', { error: err instanceof Error ? err.message : String(err) });
    }
  }
  // The biweekly reports: a few per tick, within the time budget; the rest next tick.
  if (deps.reportFiles && !outOfTime()) {
    try {
      report.reports = await runReportTick({ repos: deps.repos, now: deps.now, outOfTime, log: deps.log, ...deps.reportFiles });
    } catch (err) {
      deps.log?.('biweekly reports failed', { error: err instanceof Error ? err.message : String(err) });
    }
  }
  if (!outOfTime()) {
    try {
      report.articles = await runArticleReminders(deps);
    } catch (err) {
      deps.log?.('article reminders failed', { error: err instanceof Error ? err.message : String(err) });
    }
  }
  if (!outOfTime()) {
    try {
      report.boards = await refreshBoards(deps);
    } catch (err) {
      deps.log?.('boards refresh failed', { error: err instanceof Error ? err.message : String(err) });
    }
  }
  return report;
}
