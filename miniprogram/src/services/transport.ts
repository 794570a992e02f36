import Taro from '@tarojs/taro';
import type { ApiEvent } from '@shared/contracts/common.contract';
import { appEnv } from '../config/env';
import { ApiRequestError } from './api-error';
import { readDevOpenid } from './dev-identity.store';

/**
 * Delivers one event to the `api` cloud function and returns the raw reply
 * (not yet validated). WeChat: Taro.cloud.callFunction. Browser or DevTools
 * local mode: POST to the local gateway, identity in X-Dev-OpenID.
 */
export async function sendApiEvent(event: ApiEvent): Promise<unknown> {
  return appEnv.transport === 'cloud' ? callCloud(event) : callGateway(event);
}

let cloudReady = false;

function ensureCloud(): void {
  if (cloudReady) return;
  Taro.cloud.init({ env: appEnv.cloudEnv || undefined, traceUser: true });
  cloudReady = true;
}

async function callCloud(event: ApiEvent): Promise<unknown> {
  ensureCloud();
  try {
    const res = await Taro.cloud.callFunction({ name: 'api', data: event as unknown as Record<string, unknown> });
    return res.result;
  } catch (cause) {
    throw new ApiRequestError('NETWORK.FAILED', undefined, { cause });
  }
}

export function gatewayUrl(path: string): string {
  return `${appEnv.apiBase}${path}`;
}

export function devHeaders(): Record<string, string> {
  const openid = readDevOpenid();
  return openid ? { 'X-Dev-OpenID': openid } : {};
}

async function callGateway(event: ApiEvent): Promise<unknown> {
  let res: { statusCode: number; data: unknown };
  try {
    res = await Taro.request({
      url: gatewayUrl('/api/functions/api'),
      method: 'POST',
      data: event,
      header: { 'content-type': 'application/json', ...devHeaders() },
      dataType: 'json',
    });
  } catch (cause) {
    throw new ApiRequestError('NETWORK.FAILED', undefined, { cause });
  }
  // The gateway answers 200 even for {ok:false}; anything else is infrastructure.
  if (res.statusCode >= 500 && (typeof res.data !== 'object' || res.data === null)) {
    throw new ApiRequestError('INTERNAL');
  }
  return res.data;
}
