import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DevClock } from './dev-clock';

/**
 * Runs cloud functions the way CloudBase does: `main(event, context)`, one
 * invocation at a time per instance, a new (cold) instance when all are busy,
 * and the caller's identity in the context variables the SDK reads
 * (`context.environment` → WX_OPENID…). The SDK inside the function is pointed at
 * the local database service through TCB_CONTEXT_CNFG.
 */
export interface Caller {
  openid: string | null;
}

type FunctionMain = (event: unknown, context: unknown) => Promise<unknown>;

interface Instance {
  main: FunctionMain;
  busy: boolean;
}

export interface HostStats {
  invocations: number;
  coldStarts: number;
}

export const LOCAL_ENV_ID = 'local-dev';
export const LOCAL_APP_ID = 'wx-local-dev';
/** The export feed's bearer token under the local cloud only. */
export const LOCAL_EXPORT_TOKEN = 'local-export-token-for-development-only';
/** The demo's mini-program AppID in official-account menu JSON (the form WeChat gives: wx + 16 hex digits). */
export const LOCAL_MINIPROGRAM_APPID = 'wx00000000000000de';

/** Environment that makes @cloudbase/node-sdk talk only to the local database service. */
export function localSdkEnvironment(databaseUrl: string): Record<string, string> {
  return {
    TENCENTCLOUD: 'true',
    TENCENTCLOUD_SECRETID: 'local-secret-id',
    TENCENTCLOUD_SECRETKEY: 'local-secret-key',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${databaseUrl}/admin` }),
    TCB_ENV: LOCAL_ENV_ID,
    QNZS_ENV_ID: LOCAL_ENV_ID,
    LOCAL_CLOUD: 'true',
    SILENCE: 'true',
    // The demo's 后勤服务中心 has a WeCom duty group for reminders nobody can receive by subscription.
    QNZS_FALLBACK_WEBHOOKS: 'd-logistics=https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=demo-logistics-duty-group',
    // The export feed's service credential on this machine (README "Data sharing"); a real one is secret.
    QNZS_EXPORT_TOKEN: LOCAL_EXPORT_TOKEN,
    // A placeholder AppID so the official-account menu JSON can be shown (entry.links); a real one comes from .env.
    QNZS_MINIPROGRAM_APPID: process.env.QNZS_MINIPROGRAM_APPID || LOCAL_MINIPROGRAM_APPID,
  };
}

export function applyLocalSdkEnvironment(databaseUrl: string): void {
  Object.assign(process.env, localSdkEnvironment(databaseUrl));
}

/** The context object CloudBase passes as main's second argument. */
export function invocationContext(functionName: string, caller: Caller, clockOffsetMs: number) {
  const environment: Record<string, string> = {
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
    WX_APPID: LOCAL_APP_ID,
    WX_UNIONID: '',
    TCB_ENV: LOCAL_ENV_ID,
    LOCAL_CLOCK_OFFSET_MS: String(clockOffsetMs),
  };
  if (caller.openid) environment.WX_OPENID = caller.openid;
  return {
    request_id: randomUUID(),
    function_name: functionName,
    function_version: '$LATEST',
    namespace: LOCAL_ENV_ID,
    memory_limit_in_mb: 256,
    time_limit_in_ms: 10_000,
    environment: JSON.stringify(environment),
  };
}

/**
 * The event CloudBase's HTTP access service hands a function for an HTTP
 * request (集成请求: https://docs.cloudbase.net/service/access-cloud-function):
 * header names in lower case, the query as key–value pairs (the last value of a repeated key).
 */
export function integrationRequest(req: { method: string; path: string; headers?: Record<string, string | string[] | undefined>; query?: URLSearchParams; body?: string }) {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers ?? {})) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
  const queryStringParameters: Record<string, string> = {};
  for (const [k, v] of req.query ?? new URLSearchParams()) queryStringParameters[k] = v;
  return {
    path: req.path,
    httpMethod: req.method.toUpperCase(),
    headers,
    queryStringParameters,
    requestContext: { requestId: randomUUID().replace(/-/g, ''), envId: LOCAL_ENV_ID, appId: 0, uin: 0 },
    body: req.body ?? '',
    isBase64Encoded: false,
  };
}

export class FunctionHost {
  private readonly pools = new Map<string, Instance[]>();
  private readonly counters: HostStats = { invocations: 0, coldStarts: 0 };

  constructor(
    private readonly functionsDir: string,
    private readonly clock: DevClock,
  ) {}

  has(name: string): boolean {
    return /^[a-z][a-z0-9-]{0,40}$/.test(name) && existsSync(this.bundlePath(name));
  }

  stats(): HostStats {
    return { ...this.counters };
  }

  private bundlePath(name: string): string {
    return join(this.functionsDir, name, 'index.js');
  }

  /** A cold start: evaluate the bundle afresh, as a new container would. */
  private coldStart(name: string): Instance {
    const file = this.bundlePath(name);
    delete require.cache[require.resolve(file)];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(file) as { main?: FunctionMain };
    if (typeof mod.main !== 'function') throw new Error(`cloudfunctions/${name}/index.js does not export main`);
    this.counters.coldStarts += 1;
    return { main: mod.main, busy: false };
  }

  async invoke(name: string, event: unknown, caller: Caller): Promise<unknown> {
    if (!this.has(name)) throw new Error(`function "${name}" is not built (run npm run build:functions)`);
    const pool = this.pools.get(name) ?? [];
    this.pools.set(name, pool);
    let instance = pool.find((i) => !i.busy);
    if (!instance) {
      instance = this.coldStart(name);
      pool.push(instance);
    }
    instance.busy = true;
    this.counters.invocations += 1;
    try {
      return await instance.main(event, invocationContext(name, caller, this.clock.offsetMs));
    } finally {
      instance.busy = false;
    }
  }
}
