import type { Clock } from './ports/clock';

export type { Clock };

export const systemClock: Clock = { now: () => Date.now() };

/** The local cloud's shifted clock ("advance 20 hours" to watch the deadline work). */
export function offsetClock(offsetMs: number, base: Clock = systemClock): Clock {
  return { now: () => base.now() + offsetMs };
}
