import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { HOUR_MS } from './answer-deadline';

dayjs.extend(utc);

/**
 * The figures the committees are assessed on (BUCM §七: 每日问题量、回答量; the
 * 24-hour promise of §六.2; 评优 in §二), defined once. Every figure is
 * counted from the questions themselves (their timeline, answers and state),
 * by aggregation, never from counters kept on the side
 * (docs/decisions/0017-statistics-and-biweekly-report.md).
 *
 * A range is a set of whole campus days (Asia/Shanghai, UTC+8 all year). A
 * question belongs to the range it was asked in and to the unit that owns it
 * now; its state is read as of the moment the figures are computed.
 */
export const DAY_MS = 24 * HOUR_MS;
/** China Standard Time: no daylight saving, so a campus day is always [16:00 UTC, 16:00 UTC). */
export const CAMPUS_OFFSET_MS = 8 * HOUR_MS;
/** The longest range one call may ask for. */
export const MAX_RANGE_DAYS = 366;
/** The range asked for when none is given: the last 30 days, today included. */
export const DEFAULT_RANGE_DAYS = 30;

/** What the questions of one group (a day, a unit, the school) count. */
export interface QuestionTally {
  /** 提问量: questions asked in the range. */
  questions: number;
  /** Of those, the ones with an official answer. */
  answeredQuestions: number;
  /** Answered by their deadline (the clock stops at the first official answer). */
  onTime: number;
  /** Answered after it. */
  late: number;
  /** Not answered, deadline passed. */
  overdueOpen: number;
  /** Not answered, deadline still ahead (not yet decided either way). */
  waiting: number;
  /** Settled: resolved after offline handling (已办结) or closed (rated satisfied, or closed unrated after the auto-close days). */
  settled: number;
  /** Rated by the asker (a reopened question's earlier rating no longer counts). */
  rated: number;
  satisfied: number;
}

export const EMPTY_TALLY: QuestionTally = { questions: 0, answeredQuestions: 0, onTime: 0, late: 0, overdueOpen: 0, waiting: 0, settled: 0, rated: 0, satisfied: 0 };

export function addTallies(a: QuestionTally, b: QuestionTally): QuestionTally {
  return {
    questions: a.questions + b.questions,
    answeredQuestions: a.answeredQuestions + b.answeredQuestions,
    onTime: a.onTime + b.onTime,
    late: a.late + b.late,
    overdueOpen: a.overdueOpen + b.overdueOpen,
    waiting: a.waiting + b.waiting,
    settled: a.settled + b.settled,
    rated: a.rated + b.rated,
    satisfied: a.satisfied + b.satisfied,
  };
}

/** A share, rounded to 4 decimals (0.8333), or null when there is nothing to divide by. */
export function ratio(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return Math.round((numerator / denominator) * 10_000) / 10_000;
}

/**
 * 及时答复率 (response rate within the deadline): answered on time ÷ every
 * question whose outcome is decided — answered (on time or late) or past its
 * deadline unanswered. A question still inside its window counts neither way.
 */
export function onTimeRate(t: Pick<QuestionTally, 'onTime' | 'late' | 'overdueOpen'>): number | null {
  return ratio(t.onTime, t.onTime + t.late + t.overdueOpen);
}

/** 办结率 (resolution rate): settled ÷ asked. Waiting, answered-awaiting-the-asker and in-handling questions are not settled yet. */
export function resolutionRate(t: Pick<QuestionTally, 'settled' | 'questions'>): number | null {
  return ratio(t.settled, t.questions);
}

/** 满意率 (satisfaction rate): rated satisfied ÷ rated. Unrated questions (auto-closed included) count neither way. */
export function satisfactionRate(t: Pick<QuestionTally, 'satisfied' | 'rated'>): number | null {
  return ratio(t.satisfied, t.rated);
}

export interface Rates {
  onTimeRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
}

export function ratesOf(t: QuestionTally): Rates {
  return { onTimeRate: onTimeRate(t), resolutionRate: resolutionRate(t), satisfactionRate: satisfactionRate(t) };
}

/**
 * The minutes a time to first answer counts as: whole minutes, rounded down
 * (the database groups and sorts on this same value).
 */
export function wholeMinutes(ms: number): number {
  return Math.floor(ms / 60_000);
}

/**
 * 首次答复用时中位数: the median of the times from asking to the official
 * answer, in whole minutes; for an even count, the mean of the two middle
 * values, rounded down. The positions of the middle values, so a database can
 * fetch just those two after sorting.
 */
export function medianPositions(count: number): number[] {
  if (count <= 0) return [];
  const lower = Math.floor((count - 1) / 2);
  return count % 2 === 1 ? [lower] : [lower, lower + 1];
}

export function medianOf(middle: number[]): number | null {
  if (middle.length === 0) return null;
  return Math.floor(middle.reduce((s, v) => s + v, 0) / middle.length);
}

/** The median of a list (what the database does with `medianPositions`, for tests and small lists). */
export function medianMinutes(durationsMs: number[]): number | null {
  const sorted = durationsMs.map(wholeMinutes).sort((a, b) => a - b);
  return medianOf(medianPositions(sorted.length).map((i) => sorted[i]!));
}

// ---- campus days ------------------------------------------------------------

/** Days since 1970-01-01 on the campus calendar: the day an instant falls on in Asia/Shanghai. */
export function campusDayIndex(at: number): number {
  return Math.floor((at + CAMPUS_OFFSET_MS) / DAY_MS);
}

/** The instant a campus day starts (00:00 Asia/Shanghai). */
export function campusDayStart(dayIndex: number): number {
  return dayIndex * DAY_MS - CAMPUS_OFFSET_MS;
}

/** "2026-03-05" for a campus day. */
export function campusDateKey(dayIndex: number): string {
  return dayjs.utc(dayIndex * DAY_MS).format('YYYY-MM-DD');
}

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The campus day of "2026-03-05", or null when it is not a real date. */
export function parseCampusDate(key: string): number | null {
  const m = DATE_KEY.exec(key);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const index = Date.UTC(y, mo - 1, d) / DAY_MS;
  return campusDateKey(index) === key ? index : null;
}

export interface DayRange {
  /** First and last day, inclusive ("2026-03-01", "2026-03-30"). */
  from: string;
  to: string;
  fromDay: number;
  toDay: number;
  /** The instants: [fromAt, toAt). */
  fromAt: number;
  toAt: number;
  days: number;
}

export type RangeProblem = { problem: string };

/**
 * The range asked for: whole campus days, `from` and `to` inclusive, at most
 * MAX_RANGE_DAYS long; by default the last DEFAULT_RANGE_DAYS days up to today.
 */
export function resolveDayRange(input: { from?: string; to?: string }, now: number): DayRange | RangeProblem {
  const today = campusDayIndex(now);
  const toDay = input.to !== undefined ? parseCampusDate(input.to) : today;
  if (toDay === null) return { problem: '结束日期不是有效的日期' };
  const fromDay = input.from !== undefined ? parseCampusDate(input.from) : toDay - (DEFAULT_RANGE_DAYS - 1);
  if (fromDay === null) return { problem: '开始日期不是有效的日期' };
  if (fromDay > toDay) return { problem: '开始日期不能晚于结束日期' };
  const days = toDay - fromDay + 1;
  if (days > MAX_RANGE_DAYS) return { problem: `统计区间不能超过 ${MAX_RANGE_DAYS} 天` };
  return { from: campusDateKey(fromDay), to: campusDateKey(toDay), fromDay, toDay, fromAt: campusDayStart(fromDay), toAt: campusDayStart(toDay + 1), days };
}

// ---- rankings (评优) ----------------------------------------------------------

/** What units are ranked by, in order: each criterion breaks the ties of the one before. */
export const UNIT_RANKING = ['onTimeRate', 'missed', 'satisfactionRate', 'resolutionRate', 'answers'] as const;
export type UnitRankingKey = (typeof UNIT_RANKING)[number];

export interface UnitStanding {
  onTimeRate: number | null;
  missed: number;
  satisfactionRate: number | null;
  resolutionRate: number | null;
  answers: number;
}

/** Higher is better, a missing rate lowest of all; fewer missed deadlines is better. */
function compareUnits(a: UnitStanding, b: UnitStanding): number {
  const rate = (v: number | null) => (v === null ? -1 : v);
  return (
    rate(b.onTimeRate) - rate(a.onTimeRate) ||
    a.missed - b.missed ||
    rate(b.satisfactionRate) - rate(a.satisfactionRate) ||
    rate(b.resolutionRate) - rate(a.resolutionRate) ||
    b.answers - a.answers
  );
}

/**
 * Competition ranking ("1224"): equal figures share a place. A unit with no
 * question decided in the range (nothing answered and nothing overdue) has
 * nothing to be ranked on: place null, listed after the ranked ones.
 */
export function rankUnits<T extends UnitStanding>(rows: readonly T[]): (T & { place: number | null })[] {
  const ranked = rows.filter((r) => r.onTimeRate !== null).sort(compareUnits);
  const unranked = rows.filter((r) => r.onTimeRate === null);
  const placed = ranked.map((r) => ({ ...r, place: 0 }));
  placed.forEach((r, i) => {
    r.place = i > 0 && compareUnits(ranked[i - 1]!, ranked[i]!) === 0 ? placed[i - 1]!.place : i + 1;
  });
  return [...placed, ...unranked.map((r) => ({ ...r, place: null }))];
}

/** People are ranked by answers given, then on-time rate of their official answers, then official answers. */
export const PERSON_RANKING = ['answers', 'onTimeRate', 'officialAnswers'] as const;

export interface PersonStanding {
  answers: number;
  onTimeRate: number | null;
  officialAnswers: number;
}

function comparePeople(a: PersonStanding, b: PersonStanding): number {
  const rate = (v: number | null) => (v === null ? -1 : v);
  return b.answers - a.answers || rate(b.onTimeRate) - rate(a.onTimeRate) || b.officialAnswers - a.officialAnswers;
}

export function rankPeople<T extends PersonStanding>(rows: readonly T[]): (T & { place: number })[] {
  const sorted = [...rows].sort(comparePeople);
  const placed = sorted.map((r) => ({ ...r, place: 0 }));
  placed.forEach((r, i) => {
    r.place = i > 0 && comparePeople(sorted[i - 1]!, sorted[i]!) === 0 ? placed[i - 1]!.place : i + 1;
  });
  return placed;
}
