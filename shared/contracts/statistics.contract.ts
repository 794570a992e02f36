import { z } from 'zod';
import { PERSON_RANKING, UNIT_RANKING } from '../domain/statistics';
import { UNIT_KINDS } from '../domain/organisation';
import { Id, Instant } from './common.contract';

/**
 * 统计 (BUCM §七 考核: 每日问题量、回答量; 专家总数、成员总数; 线上线下案例;
 * §二 评优). Every rate comes with the counts it is made of, so a page can show
 * the table behind every number and a chart can draw from the same data.
 * Definitions: shared/domain/statistics.ts.
 */
/** A campus date (Asia/Shanghai): "2026-03-05". */
export const CampusDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** A share in [0, 1] rounded to 4 decimals; null when nothing counts towards it. */
export const Rate = z.number().min(0).max(1).nullable();
const Count = z.number().int().nonnegative();

export const StatsInput = z.strictObject({
  /** First and last campus day, inclusive; by default the last 30 days up to today; at most 366 days. */
  from: CampusDate.optional(),
  to: CampusDate.optional(),
  /** One unit only (a unit admin: one of theirs); by default every unit the viewer may see. */
  unitId: Id.optional(),
});

export const StatsRange = z.strictObject({
  from: CampusDate,
  to: CampusDate,
  /** The same range as instants: [fromAt, toAt). */
  fromAt: Instant,
  toAt: Instant,
  days: z.number().int().positive(),
  /** When the figures were computed: states (waiting, overdue, settled…) are as of this instant. */
  asOf: Instant,
});
export type StatsRange = z.infer<typeof StatsRange>;

/** Cases collected (案例报送) in the range, by when they were marked. */
export const CaseCounts = z.strictObject({ online: Count, offline: Count });

/**
 * One group's figures (the school, a unit). Questions count in the range they
 * were asked in, for the unit that owns them now; answers and missed deadlines
 * in the range they happened in, for the unit that gave or missed them.
 */
export const StatFigures = z.strictObject({
  /** 提问量: questions asked. */
  questions: Count,
  /** 回答量: replies posted (official answers and follow-ups). */
  answers: Count,
  /** Questions asked in the range that have an official answer. */
  answeredQuestions: Count,
  onTime: Count,
  late: Count,
  /** Unanswered past the deadline, now. */
  overdueOpen: Count,
  /** Unanswered within the deadline, now. */
  waiting: Count,
  /** Resolved after handling, or closed. */
  settled: Count,
  rated: Count,
  satisfied: Count,
  /** 超时: deadlines missed in the range (escalations), against the unit that missed them. */
  missed: Count,
  /** onTime ÷ (onTime + late + overdueOpen). */
  onTimeRate: Rate,
  /** settled ÷ questions. */
  resolutionRate: Rate,
  /** satisfied ÷ rated. */
  satisfactionRate: Rate,
  /** Median time from asking to the official answer, whole minutes; null when nothing was answered. */
  medianFirstAnswerMinutes: z.number().int().nonnegative().nullable(),
  cases: CaseCounts,
});
export type StatFigures = z.infer<typeof StatFigures>;

/** 专家总数、成员总数: staff with a team (团帮青/专帮青/青帮青) on the roster now; experts are 专帮青. */
export const RosterTotals = z.strictObject({ experts: Count, members: Count });
export type RosterTotals = z.infer<typeof RosterTotals>;

/** One campus day of the trend (a line or bar chart: questions and answers per day, the on-time rate per day). */
export const TrendDay = z.strictObject({
  day: CampusDate,
  questions: Count,
  answers: Count,
  answeredQuestions: Count,
  onTime: Count,
  late: Count,
  overdueOpen: Count,
  missed: Count,
  settled: Count,
  /** Of the questions asked that day. */
  onTimeRate: Rate,
});
export type TrendDay = z.infer<typeof TrendDay>;

export const StatsScope = z.strictObject({
  /** True: every unit; false: `unitIds` only (a unit admin's units, or the one asked for). */
  all: z.boolean(),
  unitIds: z.array(Id),
});

export const StatsOverviewInput = StatsInput;
export const StatsOverviewOutput = z.strictObject({
  range: StatsRange,
  scope: StatsScope,
  totals: StatFigures,
  roster: RosterTotals,
  /** Every day of the range, oldest first, zeros included. */
  trend: z.array(TrendDay),
});

export const UnitStats = z.strictObject({
  unitId: Id,
  unitName: z.string(),
  kind: z.enum(UNIT_KINDS),
  figures: StatFigures,
  roster: RosterTotals,
  /** Place in the ranking (ties share a place); null when nothing was decided in the range (listed last). */
  place: z.number().int().positive().nullable(),
});
export type UnitStats = z.infer<typeof UnitStats>;

export const StatsUnitsInput = StatsInput;
export const StatsUnitsOutput = z.strictObject({
  range: StatsRange,
  /** What places are decided by, in order (each breaks the ties of the one before): the figures behind each place. */
  rankedBy: z.array(z.enum(UNIT_RANKING)),
  /** Every answering unit in scope (colleges, departments, the school committee), ranked first, then the unranked. */
  units: z.array(UnitStats),
});

export const PersonStats = z.strictObject({
  /** Stable and opaque (never the openid). */
  key: z.string(),
  name: z.string(),
  unitNames: z.array(z.string()),
  teamLabels: z.array(z.string()),
  /** Replies posted in the range (official and follow-ups). */
  answers: Count,
  /** Official (first) answers among them. */
  officialAnswers: Count,
  /** Official answers given by the question's deadline. */
  officialOnTime: Count,
  /** officialOnTime ÷ officialAnswers. */
  onTimeRate: Rate,
  /** 点赞: likes on their answers given in the range (credited to the responder; decision 19). */
  likesReceived: Count,
  place: z.number().int().positive(),
});
export type PersonStats = z.infer<typeof PersonStats>;

export const StatsPeopleInput = StatsInput;
export const StatsPeopleOutput = z.strictObject({
  range: StatsRange,
  rankedBy: z.array(z.enum(PERSON_RANKING)),
  /** Whether likes are counted (true since issue 11; a client hides the likes column while false). */
  likesCounted: z.boolean(),
  /** Everyone who answered in the range, ranked; at most 500. */
  people: z.array(PersonStats),
});
