import type { StatFigures } from '@shared/contracts/statistics.contract';
import { campusDateKey, campusDayIndex, MAX_RANGE_DAYS, parseCampusDate } from '@shared/domain/statistics';

/** "85.7%", or "—" when nothing counts towards the rate. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1).replace(/\.0$/, '')}%`;
}

/** The counts a rate is made of: "6/7" (按时 ÷ 到期), or "—". */
export function onTimeOf(f: Pick<StatFigures, 'onTime' | 'late' | 'overdueOpen'>): string {
  const due = f.onTime + f.late + f.overdueOpen;
  return due === 0 ? '—' : `${f.onTime}/${due}`;
}
export const settledOf = (f: Pick<StatFigures, 'settled' | 'questions'>) => (f.questions === 0 ? '—' : `${f.settled}/${f.questions}`);
export const satisfiedOf = (f: Pick<StatFigures, 'satisfied' | 'rated'>) => (f.rated === 0 ? '—' : `${f.satisfied}/${f.rated}`);

/** "45分钟", "3小时12分", "2天5小时"; "—" when nothing was answered. */
export function duration(minutes: number | null): string {
  if (minutes === null) return '—';
  if (minutes < 60) return `${minutes}分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours}小时${minutes % 60}分` : `${hours}小时`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days}天${hours % 24}小时` : `${days}天`;
}

/** "3/5" from a campus date (chart axes). */
export function slashDate(key: string): string {
  const [, m, d] = key.split('-');
  return `${Number(m)}/${Number(d)}`;
}

/** A unit's name on a chart axis: a college without "团委" ("计算机科学与技术学院"); others as they are. */
export function chartName(unitName: string): string {
  return unitName.replace(/学院团委$/, '学院');
}

/** "3月5日" from a campus date. */
export function shortDate(key: string): string {
  const [, m, d] = key.split('-');
  return `${Number(m)}月${Number(d)}日`;
}

export type RangePreset = 'week' | 'days30' | 'term' | 'custom';

export const RANGE_PRESETS: { value: RangePreset; label: string }[] = [
  { value: 'week', label: '本周' },
  { value: 'days30', label: '近30天' },
  { value: 'term', label: '本学期' },
  { value: 'custom', label: '自定义' },
];

export interface DayRangeQuery {
  from: string;
  to: string;
}

/**
 * The campus days of a preset, up to today: 本周 from Monday; 近30天 the
 * server's default; 本学期 from 15 February (spring, February–August) or 1
 * September (autumn, September–January).
 */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, now: number): DayRangeQuery {
  const today = campusDayIndex(now);
  const to = campusDateKey(today);
  if (preset === 'days30') return { from: campusDateKey(today - 29), to };
  if (preset === 'week') {
    // Day 0 of campusDayIndex is 1970-01-01, a Thursday: Monday is (index + 3) % 7 days back.
    return { from: campusDateKey(today - ((today + 3) % 7)), to };
  }
  const [y, m] = to.split('-').map(Number) as [number, number];
  const from = m >= 2 && m <= 8 ? `${y}-02-15` : m >= 9 ? `${y}-09-01` : `${y - 1}-09-01`;
  return { from, to };
}

/** What is wrong with a custom range before it is asked for ("" when nothing). */
export function customRangeProblem(r: Partial<DayRangeQuery>, now: number): string {
  if (!r.from || !r.to) return '请选择开始和结束日期';
  const from = parseCampusDate(r.from);
  const to = parseCampusDate(r.to);
  if (from === null || to === null) return '日期格式应为 YYYY-MM-DD';
  if (from > to) return '开始日期不能晚于结束日期';
  if (r.to > campusDateKey(campusDayIndex(now))) return '结束日期不能晚于今天';
  if (to - from >= MAX_RANGE_DAYS) return `统计区间最长 ${MAX_RANGE_DAYS} 天`;
  return '';
}
