import Taro from '@tarojs/taro';
import { SUBSCRIBE_RESULTS } from '@shared/contracts/subscription.contract';
import type { ActionOutput } from '@shared/contracts/actions';
import { callAction } from './api.client';

type SubscribeResult = (typeof SUBSCRIBE_RESULTS)[number];
export type SubscriptionCredits = ActionOutput<'subscription.record'>['credits'];

function isResult(value: unknown): value is SubscribeResult {
  return typeof value === 'string' && (SUBSCRIBE_RESULTS as readonly string[]).includes(value);
}

/** WeChat subscriptions exist only in the mini-program; the H5 build has nothing to ask. */
export function canSubscribe(): boolean {
  return process.env.TARO_ENV === 'weapp';
}

/**
 * Asks WeChat for one-time subscriptions (each accepted template buys one
 * reminder) and reports the choices to the server. WeChat only shows the prompt
 * when this runs directly inside a tap handler, so call it first, without
 * awaiting, then carry on. It never rejects: a declined prompt must not block
 * asking or answering. It resolves with the credits the server now holds for
 * the person (for the 订阅提醒 control), or null when nothing was recorded.
 * Outside WeChat (H5) there is nothing to ask.
 */
export function requestSubscriptions(templateIds: readonly string[] | undefined): Promise<SubscriptionCredits | null> {
  if (!canSubscribe() || !templateIds || templateIds.length === 0) return Promise.resolve(null);
  const tmplIds = templateIds.slice(0, 3);
  return Taro.requestSubscribeMessage({ tmplIds, entityIds: [] })
    .then(async (res) => {
      const choices = res as unknown as Record<string, unknown>;
      const results = tmplIds.flatMap((templateId) => {
        const result = choices[templateId];
        return isResult(result) ? [{ templateId, result }] : [];
      });
      if (results.length === 0) return null;
      return (await callAction('subscription.record', { results })).credits;
    })
    .catch(() => null);
}
