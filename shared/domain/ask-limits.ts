import { HOUR_MS } from './answer-deadline';
import type { ErrorCode } from './errors';

/**
 * Limits on asking, so one account cannot flood a unit's inbox or drain the
 * coordinator's emergency alerts (each urgent question alerts the group leader
 * and the coordinator at once, and their WeChat subscriptions are finite).
 */
export interface AskLimits {
  perHour: number;
  urgentPerDay: number;
}

export const DEFAULT_ASK_LIMITS: AskLimits = { perHour: 10, urgentPerDay: 3 };

export const ASK_WINDOWS = { hour: HOUR_MS, day: 24 * HOUR_MS } as const;

export interface RecentAsks {
  lastHour: number;
  urgentLastDay: number;
}

export function checkAskLimits(
  recent: RecentAsks,
  urgent: boolean,
  limits: AskLimits = DEFAULT_ASK_LIMITS,
): { ok: true } | { ok: false; code: ErrorCode; message: string } {
  if (urgent && recent.urgentLastDay >= limits.urgentPerDay) {
    return { ok: false, code: 'RATE.LIMITED', message: `紧急求助每天最多 ${limits.urgentPerDay} 次。如遇危险，请立即拨打保卫处 24 小时电话。` };
  }
  if (recent.lastHour >= limits.perHour) {
    return { ok: false, code: 'RATE.LIMITED', message: '提问太频繁了，请稍后再试' };
  }
  return { ok: true };
}
