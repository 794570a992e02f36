import { systemClock, type Clock } from '@shared/server/clock';
import { callerOpenid, initCloudbase, invocationClock } from '@shared/server/adapters/cloudbase';
import { readServerConfig } from '@shared/server/config';
import { randomIds } from '@shared/server/ids';
import { createNotifier } from '@shared/server/adapters/create-notifier';
import { cloudbaseRepositories } from '@shared/server/adapters/cloudbase-repositories';
import { createFileStorage } from '@shared/server/adapters/create-entry-services';
import { ReportFilesRenderer } from '@shared/server/adapters/report-files.renderer';
import { runTick } from '@shared/server/use-cases/run-tick';

/**
 * The `scheduler` cloud function, fired by its timer trigger every 5 minutes
 * (config.json): reminders before the deadline, escalation at it, auto-close of
 * unrated answers, reminders to publish emergency notices, retries of messages
 * that could not be delivered at once, the half-monthly grouping of repeated
 * questions, and the biweekly reports with their Excel and Word files.
 * Composition root; the work is in shared/server/use-cases/run-tick.ts.
 */
const config = readServerConfig();
const app = initCloudbase(config);
const db = app.database();
let currentClock: Clock = systemClock;
const TICK_BUDGET_MS = 40_000;
const repos = cloudbaseRepositories(db);
const notifier = createNotifier(config, db, () => currentClock, randomIds);
const reportFiles = { files: createFileStorage(app), renderer: new ReportFilesRenderer() };

/**
 * Only its timer trigger runs a tick. CloudBase invokes a timer trigger with
 * `{Type: 'Timer', TriggerName, Time}` and no caller; a mini-program user (who
 * always has an openid) is refused, and so is any other trigger name.
 */
const TRIGGER_NAME = 'tick';
function isTimerTrigger(event: unknown, context: unknown): boolean {
  if (!event || typeof event !== 'object') return false;
  const { Type, TriggerName } = event as { Type?: unknown; TriggerName?: unknown };
  return Type === 'Timer' && TriggerName === TRIGGER_NAME && callerOpenid(context) === null;
}

/** Anything else is refused and runs nothing: a request naming an action learns there is none here. */
function refusal(event: unknown) {
  const namesAction = !!event && typeof event === 'object' && typeof (event as { action?: unknown }).action === 'string';
  return namesAction
    ? { ok: false, error: { code: 'ACTION.UNKNOWN', message: '调度器没有可调用的操作，只由定时触发器运行' } }
    : { ok: false, error: { code: 'AUTH.FORBIDDEN', message: '调度器只能由定时触发器调用' } };
}

export async function main(event: unknown, context: unknown) {
  if (!isTimerTrigger(event, context)) return refusal(event);
  currentClock = invocationClock(config, context);
  // Stop taking new work well inside the 60 s function timeout; the rest is due next tick.
  const started = process.hrtime.bigint();
  const outOfTime = () => Number(process.hrtime.bigint() - started) / 1e6 > TICK_BUDGET_MS;
  const report = await runTick({
    outOfTime,
    log: (message, detail) => console.warn(message, JSON.stringify(detail)),
    repos,
    notifier,
    templates: config.templates,
    fallbackWebhooks: config.fallbackWebhooks,
    settings: { casePolicy: config.casePolicy, reminderOffsetsHours: config.reminderOffsetsHours, retentionDays: config.retentionDays },
    now: currentClock.now(),
    ids: randomIds,
    reportFiles,
  });
  console.log('scheduler tick', JSON.stringify(report));
  return report;
}
