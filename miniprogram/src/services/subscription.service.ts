import Taro from '@tarojs/taro';
import { SUBSCRIBE_RESULTS } from '@shared/contracts/subscription.contract';
import { callAction } from './api.client';

type SubscribeResult = (typeof SUBSCRIBE_RESULTS)[number];

function isResult(value: unknown): value is SubscribeResult {
  return typeof value === 'string' && (SUBSCRIBE_RESULTS as readonly string[]).includes(value);
}

/**
 * Asks WeChat for one-time subscriptions (each accepted template buys one
 * reminder) and reports the choices to the server. WeChat only shows the prompt
 * when this runs directly inside a tap handler, so call it first, without
 * awaiting, then carry on. It never throws: a declined prompt must not block
 * asking or answering. Outside WeChat (H5) there is nothing to ask.
 */
export function requestSubscriptions(templateIds: readonly string[] | undefined): void {
  if (process.env.TARO_ENV !== 'weapp' || !templateIds || templateIds.length === 0) return;
  const tmplIds = templateIds.slice(0, 3);
  Taro.requestSubscribeMessage({ tmplIds, entityIds: [] })
    .then((res) => {
      const choices = res as unknown as Record<string, unknown>;
      const results = tmplIds.flatMap((templateId) => {
        const result = choices[templateId];
        return isResult(result) ? [{ templateId, result }] : [];
      });
      return results.length > 0 ? callAction('subscription.record', { results }) : undefined;
    })
    .catch(() => undefined);
}
