import { composeMessage, stillRelevant, type Audience, type DeliveryProblem, type TemplateKey } from '../../domain/notification-plan';
import { ERRCODE_NO_PERMISSION, ERRCODE_NO_SUBSCRIPTION, type Notifier } from '../ports/notifier';
import type { ReactionRepository, Repositories, UserRepository } from '../ports/repositories';
import type { NotificationRecord, OutboxIntent, QuestionRecord } from '../ports/records';

/**
 * Delivering what a change owes. Each message goes by one subscription credit,
 * else to the unit's WeCom group, else it is recorded as undeliverable with the
 * reason; nothing is dropped.
 *
 * A change's messages are durable in the question's outbox (written with the
 * change). Right after the change the api or the scheduler delivers them and
 * writes their records in one batch, already final; a message that failed for
 * a passing reason is written pending and retried by the scheduler, claimed
 * with a lease. If the function dies before writing the records, the sweep
 * finds the outbox unconfirmed and queues what is missing.
 *
 * The one window left is a crash after WeChat accepted a message and before
 * its record was written: the sweep sends it again (decision 5).
 */
export const DELIVERY_LEASE_MS = 2 * 60_000;
export const MAX_ATTEMPTS = 5;
const BACKOFF_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000];

export interface DeliveryDeps {
  repos: Repositories;
  notifier: Notifier;
  templates: Record<TemplateKey, string>;
  /**
   * Unit id → WeCom group robot webhook from QNZS_FALLBACK_WEBHOOKS (validated
   * at start): the default. A unit's own `fallbackWebhook` (set by the school
   * admin with unit.save) overrides it.
   */
  fallbackWebhooks: Record<string, string>;
  log?: (message: string, detail: Record<string, unknown>) => void;
}

export interface Recipient {
  openid: string;
  name: string;
}

export function questionPage(questionId: string): string {
  return `pages/question/index?id=${questionId}`;
}

/** At most this many watchers of one question are messaged per step (the earliest to join first); decision 19. */
export const MAX_WATCHERS_MESSAGED = 1000;

export type RecipientLookup = { users: UserRepository; reactions: Pick<ReactionRepository, 'listWatchers'> };

/** The people an audience means now. */
export async function recipientsOf(repos: RecipientLookup, q: QuestionRecord, audience: Audience): Promise<Recipient[]> {
  const { users } = repos;
  switch (audience.type) {
    case 'asker':
      return [{ openid: q.askerOpenid, name: q.askerName }];
    case 'unit': {
      const people = await users.listResponders(audience.unitId, { withAdmins: audience.withAdmins === true });
      // Whoever claimed it hears first; the rest of the unit too, so nothing hinges on one phone.
      return [...people].sort((a, b) => Number(b.openid === q.assigneeOpenid) - Number(a.openid === q.assigneeOpenid)).map((u) => ({ openid: u.openid, name: u.name }));
    }
    case 'roles':
      return (await users.listByRoles(audience.roles)).map((u) => ({ openid: u.openid, name: u.name }));
    case 'watchers': {
      // A question that is no longer public (hidden, made private) tells nobody outside it.
      if (q.visibility !== 'public' || q.moderation.state !== 'published') return [];
      const rows = await repos.reactions.listWatchers(q._id, MAX_WATCHERS_MESSAGED);
      return rows.filter((r) => r.openid !== q.askerOpenid).map((r) => ({ openid: r.openid, name: '同学' }));
    }
    case 'person': {
      const user = await users.findByOpenid(audience.openid);
      return user ? [{ openid: user.openid, name: user.name }] : [];
    }
  }
}

/**
 * One record per recipient, with a deterministic id: (question, kind,
 * occasion, recipient). The same intent always yields the same ids, so a
 * retry, a second tick or the sweep cannot make a second message.
 */
export const CRISIS_MESSAGE_TITLE = '一位同学需要及时关心，请立即查看';

export function notificationRecords(q: QuestionRecord, intent: OutboxIntent, recipients: Recipient[], now: number): NotificationRecord[] {
  // A crisis question's words never travel in a message (lock screens, group chats): the handler opens it.
  const title = q.crisis ? CRISIS_MESSAGE_TITLE : q.title;
  const message = composeMessage(intent.kind, { title, unitName: intent.unitName, deadlineAt: q.deadlineAt, at: intent.at, now, note: intent.note });
  const unitId = intent.audience.type === 'unit' ? intent.audience.unitId : null;
  const unique = new Map(recipients.map((r) => [r.openid, r]));
  return [...unique.values()].map((r) => ({
    _id: `${q._id}.${intent.kind}.${intent.occasion}.${r.openid}`.slice(0, 200),
    questionId: q._id,
    kind: intent.kind,
    recipientOpenid: r.openid,
    recipientName: r.name,
    unitId,
    templateKey: message.templateKey,
    data: message.data,
    page: questionPage(q._id),
    text: message.text,
    alsoGroup: intent.alsoGroup && unitId !== null,
    state: 'pending',
    dueAt: now,
    attempts: 0,
    channel: null,
    reason: null,
    problem: null,
    createdAt: now,
    finishedAt: null,
    readAt: null,
  }));
}

/**
 * 催交: one message per recipient about a biweekly report, identified by
 * (report, day, recipient): urging twice in a day, or a retry, makes no second message.
 */
export function reportUrgeRecords(
  report: { id: string; name: string; unitId: string; unitName: string; dueAt: number; page: string },
  recipients: Recipient[],
  day: string,
  note: string,
  now: number,
): NotificationRecord[] {
  const message = composeMessage('reportUrged', { title: report.name, unitName: report.unitName, deadlineAt: report.dueAt, at: now, now, note });
  const unique = new Map(recipients.map((r) => [r.openid, r]));
  return [...unique.values()].map((r) => ({
    _id: `${report.id}.reportUrged.${day}.${r.openid}`.slice(0, 200),
    questionId: '',
    subject: { type: 'report' as const, id: report.id },
    kind: 'reportUrged' as const,
    recipientOpenid: r.openid,
    recipientName: r.name,
    unitId: report.unitId,
    templateKey: message.templateKey,
    data: message.data,
    page: report.page,
    text: message.text,
    alsoGroup: false,
    state: 'pending' as const,
    dueAt: now,
    attempts: 0,
    channel: null,
    reason: null,
    problem: null,
    createdAt: now,
    finishedAt: null,
  }));
}

/** The records a question's outbox stands for, with recipients looked up now. */
export async function recordsForOutbox(repos: RecipientLookup, q: QuestionRecord, intents: OutboxIntent[], now: number): Promise<NotificationRecord[]> {
  const lists = await Promise.all(intents.map(async (intent) => notificationRecords(q, intent, await recipientsOf(repos, q, intent.audience), now)));
  return lists.flat();
}

type Attempt =
  | { final: Pick<NotificationRecord, 'state' | 'channel' | 'reason' | 'problem'> }
  | { retry: string };

/** The unit's WeCom group: its own record's first (the catalog is cached per container), else the configured default. */
export async function fallbackWebhook(deps: Pick<DeliveryDeps, 'repos' | 'fallbackWebhooks'>, unitId: string | null): Promise<string | null> {
  if (!unitId) return null;
  const unit = (await deps.repos.catalog.listUnits()).find((u) => u._id === unitId);
  return unit?.fallbackWebhook || deps.fallbackWebhooks[unitId] || null;
}

/** Tries one message once: by subscription if the person has a credit, else the unit's group. Persists nothing but credits. */
async function attempt(n: NotificationRecord, deps: DeliveryDeps, now: number): Promise<Attempt> {
  const { repos, notifier } = deps;
  const templateId = deps.templates[n.templateKey as TemplateKey];
  let noCreditReason = 'no subscription credit';
  let problem: DeliveryProblem = 'NO_CREDIT';
  if (templateId && (await repos.subscriptions.consumeCredit(n.recipientOpenid, templateId, now))) {
    const res = await notifier.sendSubscribeMessage({ touser: n.recipientOpenid, templateId, page: n.page, data: n.data });
    if (res.ok) {
      if (!n.alsoGroup) return { final: { state: 'sent', channel: 'subscribe', reason: null, problem: null } };
      // An emergency goes to the group as well; the subscription message is out, so a group failure is only noted.
      const webhook = await fallbackWebhook(deps, n.unitId);
      const group = webhook ? await notifier.postToGroup(webhook, `@${n.recipientName} ${n.text}`) : null;
      const reason = !webhook ? 'no WeCom group configured for the unit' : group && !group.ok ? `WeCom webhook ${group.errcode}: ${group.errmsg}` : null;
      return { final: { state: 'sent', channel: group?.ok ? 'both' : 'subscribe', reason, problem: null } };
    }
    if (res.errcode === ERRCODE_NO_SUBSCRIPTION) {
      // WeChat says the person has no subscription left: our count was wrong.
      await repos.subscriptions.clearCredits(n.recipientOpenid, templateId, now);
      noCreditReason = `WeChat ${ERRCODE_NO_SUBSCRIPTION}: no subscription credit`;
      problem = 'WECHAT_43101';
    } else {
      // The message did not go, so the person's subscription was not used: give the credit back.
      await repos.subscriptions.addCredits(n.recipientOpenid, templateId, 1, now);
      if (res.errcode !== ERRCODE_NO_PERMISSION) return { retry: `subscribeMessage.send ${res.errcode}: ${res.errmsg}` };
      deps.log?.('subscribeMessage.send is not permitted for this function: grant the cloud-call permission (see README, Deploy)', { errcode: res.errcode, errmsg: res.errmsg, notification: n._id });
      noCreditReason = `subscribeMessage.send ${res.errcode}: no permission for the cloud call`;
      problem = 'NO_PERMISSION';
    }
  }
  const webhook = await fallbackWebhook(deps, n.unitId);
  if (!webhook) return { final: { state: 'undeliverable', channel: null, reason: `${noCreditReason}; no fallback channel`, problem } };
  const res = await deps.notifier.postToGroup(webhook, `@${n.recipientName} ${n.text}`);
  if (!res.ok) return { retry: `WeCom webhook ${res.errcode}: ${res.errmsg}` };
  return { final: { state: 'fallback', channel: 'wecom', reason: noCreditReason, problem } };
}

function backoff(attempts: number): number {
  return BACKOFF_MS[attempts - 1] ?? BACKOFF_MS[BACKOFF_MS.length - 1]!;
}

export type DeliveryOutcome = 'sent' | 'fallback' | 'undeliverable' | 'withdrawn' | 'retry' | 'skipped';

export interface DeliveryTally {
  sent: number;
  fallback: number;
  undeliverable: number;
  withdrawn: number;
  retry: number;
  skipped: number;
}

export function emptyTally(): DeliveryTally {
  return { sent: 0, fallback: 0, undeliverable: 0, withdrawn: 0, retry: 0, skipped: 0 };
}

/**
 * Delivers messages a change just produced and writes their records in one
 * batch: final ones as they ended, ones that failed for a passing reason as
 * pending retries. A failure here never undoes the change; the sweep queues
 * whatever has no record.
 */
export async function deliverNew(deps: DeliveryDeps, records: NotificationRecord[], now: number, tally = emptyTally()): Promise<DeliveryTally> {
  if (records.length === 0) return tally;
  const settled = await Promise.all(
    records.map(async (n): Promise<NotificationRecord> => {
      try {
        const result = await attempt(n, deps, now);
        if ('final' in result) {
          tally[result.final.state as 'sent' | 'fallback' | 'undeliverable'] += 1;
          return { ...n, ...result.final, attempts: 1, finishedAt: now };
        }
        tally.retry += 1;
        return { ...n, attempts: 1, dueAt: now + backoff(1), reason: result.retry };
      } catch (err) {
        tally.retry += 1;
        return { ...n, attempts: 1, dueAt: now + backoff(1), reason: err instanceof Error ? err.message : String(err) };
      }
    }),
  );
  await recordWithRetries(deps, settled);
  return tally;
}

const RECORD_ATTEMPTS = 3;

/**
 * The messages are out; their records must be written, or the sweep sends them
 * again. A passing database error is retried at once; only a function that
 * dies, or a database that refuses three writes in a row, leaves them to the sweep.
 */
async function recordWithRetries(deps: DeliveryDeps, records: NotificationRecord[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await deps.repos.notifications.insertMany(records);
      return;
    } catch (err) {
      if (attempt >= RECORD_ATTEMPTS) throw err;
      deps.log?.('recording delivered messages failed; trying again', { attempt, error: err instanceof Error ? err.message : String(err) });
    }
  }
}

/** Resolves and delivers the intents one change wrote; what cannot be done now is left to the scheduler. */
export async function deliverOutbox(deps: DeliveryDeps, q: QuestionRecord, intents: OutboxIntent[], now: number): Promise<DeliveryTally | null> {
  if (intents.length === 0) return null;
  try {
    return await deliverNew(deps, await recordsForOutbox(deps.repos, q, intents, now), now);
  } catch (err) {
    deps.log?.('immediate delivery failed; the sweep queues it', { question: q._id, error: err instanceof Error ? err.message : String(err) });
    return null;
  }
}

/** A queued message (a retry, or one the sweep found missing): claimed with a lease, re-checked, tried, finished. */
export async function deliverQueued(n: NotificationRecord, deps: DeliveryDeps, now: number): Promise<DeliveryOutcome> {
  const { repos } = deps;
  if (!(await repos.notifications.claim(n, now, DELIVERY_LEASE_MS))) return 'skipped';
  const attempts = n.attempts + 1;
  if (n.attempts > 0 && n.subject?.type === 'report') {
    // A reminder to submit a report is true while the report is a draft.
    const report = await repos.biweeklyReports.findById(n.subject.id);
    if (!report || report.state !== 'draft') {
      await repos.notifications.finish(n._id, { state: 'withdrawn', channel: null, reason: `no longer relevant: report ${report ? report.state : 'gone'}`, problem: null, at: now, attempts: n.attempts });
      return 'withdrawn';
    }
  } else if (n.attempts > 0 && !n.subject) {
    // A retry, maybe much later: only send what is still true (a message about an activity or a unit is not about a question).
    const q = await repos.questions.findById(n.questionId);
    if (!q || !stillRelevant(n.kind, { state: q.status, escalatedAt: q.escalatedAt, noticePublishedAt: q.noticePublishedAt })) {
      await repos.notifications.finish(n._id, { state: 'withdrawn', channel: null, reason: `no longer relevant: question ${q ? q.status : 'gone'}`, problem: null, at: now, attempts: n.attempts });
      return 'withdrawn';
    }
  }
  const result = await attempt(n, deps, now);
  if ('final' in result) {
    await repos.notifications.finish(n._id, { ...result.final, state: result.final.state as 'sent' | 'fallback' | 'undeliverable', at: now, attempts });
    return result.final.state as DeliveryOutcome;
  }
  if (attempts >= MAX_ATTEMPTS) {
    await repos.notifications.finish(n._id, { state: 'undeliverable', channel: null, reason: `gave up after ${attempts} attempts: ${result.retry}`, problem: 'SEND_FAILED', at: now, attempts });
    return 'undeliverable';
  }
  await repos.notifications.retryLater(n._id, now + backoff(attempts), attempts, result.retry);
  return 'retry';
}

export async function deliverQueuedAll(ns: NotificationRecord[], deps: DeliveryDeps, now: number, tally = emptyTally()): Promise<DeliveryTally> {
  for (const n of ns) tally[await deliverQueued(n, deps, now)] += 1;
  return tally;
}
