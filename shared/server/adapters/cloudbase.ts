import tcb from '@cloudbase/node-sdk';
import { offsetClock, systemClock, type Clock } from '../clock';
import type { ServerConfig } from '../config';

/**
 * One CloudBase app per container, created outside `main` so warm invocations
 * reuse it. Locally the SDK reaches the local cloud through TCB_CONTEXT_CNFG.
 */
export type CloudbaseApp = ReturnType<typeof tcb.init>;
export type Database = ReturnType<CloudbaseApp['database']>;

export function initCloudbase(config: ServerConfig): CloudbaseApp {
  return tcb.init({ env: config.envId ?? tcb.SYMBOL_CURRENT_ENV, timeout: 10_000 });
}

/** The caller's WeChat identity, from the invocation context (never from the event). */
export function callerOpenid(context: unknown): string | null {
  if (!context || typeof context !== 'object') return null;
  try {
    const ctx = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]) as unknown as Record<string, unknown>;
    const openid = ctx.WX_OPENID;
    return typeof openid === 'string' && openid.length > 0 ? openid : null;
  } catch {
    return null;
  }
}

/**
 * The clock of one invocation. In CloudBase always the system clock; under the
 * local cloud the developer may shift time, and the host passes the offset in
 * the invocation context.
 */
export function invocationClock(config: ServerConfig, context: unknown): Clock {
  if (!config.localCloud) return systemClock;
  const offset = Number(localContextValue(context, 'LOCAL_CLOCK_OFFSET_MS') ?? 0);
  return Number.isFinite(offset) && offset !== 0 ? offsetClock(offset) : systemClock;
}

function localContextValue(context: unknown, key: string): string | undefined {
  if (!context || typeof context !== 'object') return undefined;
  try {
    const ctx = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]) as unknown as Record<string, unknown>;
    const value = ctx[key];
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
