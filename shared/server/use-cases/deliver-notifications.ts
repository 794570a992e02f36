import { stillRelevant, type DeliveryProblem, type TemplateKey } from '../../domain/notification-plan';
import type { Repositories } from '../ports/repositories';
import type { NotificationRecord } from '../ports/records';
import { ERRCODE_NO_SUBSCRIPTION, type Notifier } from '../ports/notifier';

/**
 * Delivers notification intents. Each is claimed with a lease (so two ticks, or
 * a tick and the api, never send the same message twice), then sent with one
 * subscription credit, or posted to the unit's WeCom group when the person has
 * none, or recorded as undeliverable with the reason. Nothing is dropped.
 *
 * The one window left open is a crash after WeChat accepted a message and
 * before it was marked sent: the message is sent again once the lease expires.
 */
export const DELIVERY_LEASE_MS = 2 * 60_000;
export const MAX_ATTEMPTS = 5;
const BACKOFF_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000];

export interface DeliveryDeps {
  repos: Repositories;
  notifier: Notifier;
  templates: Record<TemplateKey, string>;
  /** Unit id → WeCom group robot webhook (configuration, validated at start). */
  fallbackWebhooks: Record<string, string>;
}

export type DeliveryOutcome = 'sent' | 'fallback' | 'undeliverable' | 'withdrawn' | 'retry' | 'skipped';

function fallbackWebhook(deps: DeliveryDeps, unitId: string | null): string | null {
  return unitId ? deps.fallbackWebhooks[unitId] ?? null : null;
}

export async function deliverNotification(n: NotificationRecord, deps: DeliveryDeps, now: number): Promise<DeliveryOutcome> {
  const { repos, notifier } = deps;
  if (!(await repos.notifications.claim(n, now, DELIVERY_LEASE_MS))) return 'skipped';

  const attempts = n.attempts + 1;
  if (n.attempts > 0) {
    // A retry, maybe much later: only send what is still true.
    const q = await repos.questions.findById(n.questionId);
    if (!q || !stillRelevant(n.kind, { state: q.status, escalatedAt: q.escalatedAt, noticePublishedAt: q.noticePublishedAt })) {
      await repos.notifications.finish(n._id, { state: 'withdrawn', channel: null, reason: `no longer relevant: question ${q ? q.status : 'gone'}`, problem: null, at: now });
      return 'withdrawn';
    }
  }
  const retryOrGiveUp = async (reason: string): Promise<DeliveryOutcome> => {
    if (attempts >= MAX_ATTEMPTS) {
      await repos.notifications.finish(n._id, { state: 'undeliverable', channel: null, reason: `gave up after ${attempts} attempts: ${reason}`, problem: 'SEND_FAILED', at: now });
      return 'undeliverable';
    }
    await repos.notifications.retryLater(n._id, now + (BACKOFF_MS[attempts - 1] ?? BACKOFF_MS[BACKOFF_MS.length - 1]!), attempts, reason);
    return 'retry';
  };

  const templateId = deps.templates[n.templateKey as TemplateKey];
  let noCreditReason = 'no subscription credit';
  let problem: DeliveryProblem = 'NO_CREDIT';
  if (templateId && (await repos.subscriptions.consumeCredit(n.recipientOpenid, templateId, now))) {
    const res = await notifier.sendSubscribeMessage({ touser: n.recipientOpenid, templateId, page: n.page, data: n.data });
    if (res.ok) {
      await repos.notifications.finish(n._id, { state: 'sent', channel: 'subscribe', reason: null, problem: null, at: now });
      return 'sent';
    }
    if (res.errcode !== ERRCODE_NO_SUBSCRIPTION) {
      // The message did not go, so the person's subscription was not used: give the credit back.
      await repos.subscriptions.addCredits(n.recipientOpenid, templateId, 1, now);
      return retryOrGiveUp(`subscribeMessage.send ${res.errcode}: ${res.errmsg}`);
    }
    // WeChat says the person has no subscription left: our count was wrong.
    await repos.subscriptions.clearCredits(n.recipientOpenid, templateId, now);
    noCreditReason = `WeChat ${ERRCODE_NO_SUBSCRIPTION}: no subscription credit`;
    problem = 'WECHAT_43101';
  }

  const webhook = fallbackWebhook(deps, n.unitId);
  if (!webhook) {
    await repos.notifications.finish(n._id, { state: 'undeliverable', channel: null, reason: `${noCreditReason}; no fallback channel`, problem, at: now });
    return 'undeliverable';
  }
  const res = await notifier.postToGroup(webhook, `@${n.recipientName} ${n.text}`);
  if (!res.ok) return retryOrGiveUp(`WeCom webhook ${res.errcode}: ${res.errmsg}`);
  await repos.notifications.finish(n._id, { state: 'fallback', channel: 'wecom', reason: noCreditReason, problem, at: now });
  return 'fallback';
}

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

export async function deliverAll(ns: NotificationRecord[], deps: DeliveryDeps, now: number, tally = emptyTally()): Promise<DeliveryTally> {
  for (const n of ns) tally[await deliverNotification(n, deps, now)] += 1;
  return tally;
}
