import { inShanghai } from './time';

/** A date and a time as pickers give them ("2026-03-05", "14:00"), in Shanghai. */
export interface LocalDateTime {
  date: string;
  time: string;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The instant a Shanghai date and time name; null when either is not filled in properly. */
export function toInstant(v: LocalDateTime): number | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.date);
  const t = /^(\d{2}):(\d{2})$/.exec(v.time);
  if (!d || !t) return null;
  return Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2])) - SHANGHAI_OFFSET_MS;
}

export function fromInstant(ms: number): LocalDateTime {
  const s = inShanghai(ms);
  return { date: s.format('YYYY-MM-DD'), time: s.format('HH:mm') };
}

/** The same day at the given hour (Shanghai), `days` after `now`'s day. */
export function dayAt(now: number, days: number, hour: number): number {
  const { date } = fromInstant(now + days * 86_400_000);
  return toInstant({ date, time: `${String(hour).padStart(2, '0')}:00` }) ?? now;
}

/** "3月5日 14:00–16:00", or both dates when it spans days. */
export function formatSpan(start: number, end: number, now: number): string {
  const a = inShanghai(start);
  const b = inShanghai(end);
  const sameYear = a.year() === inShanghai(now).year();
  const head = a.format(sameYear ? 'M月D日 ddd HH:mm' : 'YYYY年M月D日 HH:mm');
  return a.format('YYYY-MM-DD') === b.format('YYYY-MM-DD') ? `${head}–${b.format('HH:mm')}` : `${head} 至 ${b.format(sameYear ? 'M月D日 HH:mm' : 'YYYY年M月D日 HH:mm')}`;
}
