import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { DAY_MS } from './statistics';

/**
 * 双周报 (BUCM §八.二: 执行双周报制度，于每月13日、27日前按照模板进行汇报).
 *
 * "Before the 13th and the 27th", made exact (Asia/Shanghai, no daylight
 * saving): the scheduler generates the reports at 00:00 on the 12th and on the
 * 26th, each covering the period since the previous generation —
 * [26th of the previous month 00:00, 12th 00:00) and [12th 00:00, 26th 00:00) —
 * so consecutive periods neither overlap nor leave a gap. A report is due at
 * 00:00 on the 13th (27th): the unit has the whole of the 12th (26th) to read
 * its figures, write its problems and suggestions, and submit. Submitting
 * later is still possible and is marked late.
 *
 * A period is named by the campus date it ends on, e.g. "2026-03-12".
 */
dayjs.extend(utc);

export const GENERATION_DAYS = [12, 26] as const;
const SHANGHAI_OFFSET_MINUTES = 8 * 60;
const campus = (at: number) => dayjs(at).utcOffset(SHANGHAI_OFFSET_MINUTES);

export interface ReportPeriod {
  /** The campus date the period ends on (and its reports are generated), e.g. "2026-03-12". */
  key: string;
  /** [from, to): `to` is the generation instant. */
  from: number;
  to: number;
  /** Submissions after this are late: 00:00 on the day after generation. */
  dueAt: number;
}

/** The latest generation instant (00:00 on a 12th or 26th) at or before `at`. */
export function latestGenerationAtOrBefore(at: number): number {
  const local = campus(at);
  if (local.date() >= 26) return local.date(26).startOf('day').valueOf();
  if (local.date() >= 12) return local.date(12).startOf('day').valueOf();
  return local.subtract(1, 'month').date(26).startOf('day').valueOf();
}

/** The generation instant after the one at `generation`. */
export function nextGeneration(generation: number): number {
  const local = campus(generation);
  return (local.date() < 26 ? local.date(26) : local.add(1, 'month').date(12)).startOf('day').valueOf();
}

/** The generation instant before the one at `generation`. */
export function previousGeneration(generation: number): number {
  const local = campus(generation);
  return (local.date() > 12 ? local.date(12) : local.subtract(1, 'month').date(26)).startOf('day').valueOf();
}

/** The first generation instant strictly after `at`. */
export function nextGenerationAfter(at: number): number {
  return nextGeneration(latestGenerationAtOrBefore(at));
}

/** The period whose reports are generated at `generation`. */
export function periodEndingAt(generation: number): ReportPeriod {
  return { key: campus(generation).format('YYYY-MM-DD'), from: previousGeneration(generation), to: generation, dueAt: generation + DAY_MS };
}

/** The period named by its key, or null when the key is not a 12th or a 26th. */
export function periodByKey(key: string): ReportPeriod | null {
  const m = /^(\d{4})-(\d{2})-(12|26)$/.exec(key);
  if (!m) return null;
  const generation = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - SHANGHAI_OFFSET_MINUTES * 60_000;
  const period = periodEndingAt(generation);
  return period.key === key ? period : null;
}

/** "2月26日—3月11日": the days a period covers, inclusive. */
export function periodLabel(p: Pick<ReportPeriod, 'from' | 'to'>): string {
  return `${campus(p.from).format('M月D日')}—${campus(p.to - 1).format('M月D日')}`;
}

/** "3月13日": the day a period's report is due (the last day to submit on time is the day before). */
export function dueLabel(p: Pick<ReportPeriod, 'dueAt'>): string {
  return campus(p.dueAt).format('M月D日');
}
