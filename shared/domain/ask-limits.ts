import { HOUR_MS } from './answer-deadline';

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

/**
 * What a person past a limit reads. An emergency always points to the phone,
 * whichever limit it hit, with the numbers to call (`emergencyLine`).
 */
export function askLimitMessage(urgent: boolean, limits: AskLimits = DEFAULT_ASK_LIMITS, emergencyLine = ''): string {
  if (urgent) {
    const call = emergencyLine ? `如遇危险，请立即拨打：${emergencyLine}。` : '如遇危险，请立即拨打学校保卫处的24小时电话。';
    return `紧急求助每天最多 ${limits.urgentPerDay} 次，且每小时最多提问 ${limits.perHour} 次。${call}`;
  }
  return `提问太频繁了，每小时最多 ${limits.perHour} 个问题，请稍后再试`;
}
