/**
 * WeChat's open API (subscribe messages, msgSecCheck, phone numbers,
 * mini-program codes) through wx-server-sdk, loaded on first use and
 * initialised once per container: a cold start that never calls WeChat
 * never loads it, and the adapters share one initialised SDK.
 */
let openapi: unknown = null;

export function wechatOpenApi<T>(): T {
  if (!openapi) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cloud = require('wx-server-sdk') as { init(o: object): void; DYNAMIC_CURRENT_ENV: unknown; openapi: unknown };
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
    openapi = cloud.openapi;
  }
  return openapi as T;
}
