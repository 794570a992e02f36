import type { RosterTotals, StatFigures, StatsRange, TrendDay, UnitStats } from '../../contracts/statistics.contract';
import { DomainError } from '../../domain/errors';
import { TEAM_LABELS } from '../../domain/organisation';
import { oversightScope, scopeIncludes } from '../../domain/permissions';
import {
  addTallies,
  campusDateKey,
  EMPTY_TALLY,
  onTimeRate,
  PERSON_RANKING,
  rankPeople,
  rankUnits,
  ratesOf,
  ratio,
  resolveDayRange,
  UNIT_RANKING,
  type DayRange,
  type QuestionTally,
} from '../../domain/statistics';
import type { CaseCountRow, CountRow, Repositories, RosterRow, StatsFilter, TallyRow } from '../ports/repositories';
import type { UnitRecord } from '../ports/records';
import type { ActionContext, ActionDefinition } from './action';
import { loadCatalog, type CatalogLookup } from './catalog-lookup';

/**
 * stats.overview, stats.units, stats.people (and the 督办 figures of
 * unit.performance): every number aggregated from the questions by the
 * database (StatisticsRepository), put together with the definitions of
 * shared/domain/statistics.ts. A call costs the same number of requests at a
 * thousand questions as at a hundred thousand (`npm run bench`).
 *
 * Who sees what: the coordinator, supervisors and the school admin every
 * unit; a unit admin their own units.
 */
const PEOPLE_LIMIT = 500;
const FORBIDDEN = '只有协管、主管老师、工作小组组长和单位管理员可以查看统计';

/** Units that answer questions (branches do not): what figures and reports are about. */
export function answeringUnits(catalog: CatalogLookup): UnitRecord[] {
  return catalog.units.filter((u) => u.kind !== 'branch').sort((a, b) => a.order - b.order);
}

export interface ResolvedScope {
  all: boolean;
  /** Null: every unit. */
  unitIds: string[] | null;
}

/**
 * The units the viewer may see, narrowed to one when asked; refused when the
 * viewer may see none or not that one. Needs no catalog, so the aggregations
 * go out with the catalog read; `checkUnit` then refuses a unit that does not exist.
 */
export function statsScope(ctx: ActionContext, unitId: string | undefined): ResolvedScope {
  const scope = oversightScope(ctx.viewer);
  if (!scope) throw new DomainError('AUTH.FORBIDDEN', FORBIDDEN);
  if (unitId !== undefined) {
    if (!scopeIncludes(scope, unitId)) throw new DomainError('AUTH.FORBIDDEN', '只能查看本单位的统计');
    return { all: false, unitIds: [unitId] };
  }
  return scope.all ? { all: true, unitIds: null } : { all: false, unitIds: [...scope.unitIds] };
}

/** A unit asked for by id must be one that answers (not a branch, not unknown). */
export function checkUnit(catalog: CatalogLookup, unitId: string | undefined): void {
  if (unitId === undefined) return;
  const unit = catalog.unit(unitId);
  if (!unit || unit.kind === 'branch') throw new DomainError('CATALOG.UNKNOWN_UNIT');
}

export function dayRangeOf(input: { from?: string; to?: string }, now: number): DayRange {
  const range = resolveDayRange(input, now);
  if ('problem' in range) throw new DomainError('INPUT.INVALID', range.problem);
  return range;
}

export function presentRange(r: DayRange, now: number): StatsRange {
  return { from: r.from, to: r.to, fromAt: r.fromAt, toAt: r.toAt, days: r.days, asOf: now };
}

/** A group's figures from its parts. */
export function figuresOf(tally: QuestionTally, parts: { answers: number; missed: number; cases: { online: number; offline: number }; median: number | null }): StatFigures {
  return { ...tally, answers: parts.answers, missed: parts.missed, ...ratesOf(tally), medianFirstAnswerMinutes: parts.median, cases: parts.cases };
}

const tallyOf = (row: TallyRow | undefined): QuestionTally => {
  if (!row) return EMPTY_TALLY;
  const { key: _key, ...t } = row;
  return t;
};
const sumCounts = (rows: CountRow[]) => rows.reduce((n, r) => n + r.count, 0);
const countFor = (rows: CountRow[], key: string | number) => rows.find((r) => r.key === key)?.count ?? 0;
const casesFor = (rows: CaseCountRow[], key: string | null) => {
  const matching = rows.filter((r) => key === null || r.key === key);
  return { online: matching.reduce((n, r) => n + r.online, 0), offline: matching.reduce((n, r) => n + r.offline, 0) };
};
const rosterFor = (rows: RosterRow[], unitId: string | null): RosterTotals => {
  const row = rows.find((r) => r.unitId === unitId);
  return { experts: row?.experts ?? 0, members: row?.members ?? 0 };
};

export interface UnitFiguresResult {
  unit: UnitRecord;
  figures: StatFigures;
  roster: RosterTotals;
}

/**
 * Every answering unit's figures over [from, to) at `now` (stats.units, the
 * biweekly reports, unit.performance): five aggregations in one round trip,
 * then the medians of the units that answered anything, in a second.
 */
export async function unitFigures(repos: Repositories, catalog: CatalogLookup, filter: StatsFilter, now: number, options: { medians?: boolean } = {}): Promise<UnitFiguresResult[]> {
  const [tallies, answers, missed, cases, roster] = await Promise.all([
    repos.statistics.tallyQuestions(filter, now, 'unit'),
    repos.statistics.countAnswers(filter, 'unit'),
    repos.statistics.countMissed(filter, 'unit'),
    repos.statistics.countCases(filter, 'unit'),
    repos.statistics.rosterTotals(filter.unitIds, 'unit'),
  ]);
  const units = answeringUnits(catalog).filter((u) => filter.unitIds === null || filter.unitIds.includes(u._id));
  const talliesByUnit = new Map(tallies.map((t) => [t.key, tallyOf(t)]));
  const medians = new Map<string, number | null>();
  if (options.medians !== false) {
    await Promise.all(
      units.map(async (u) => {
        const answered = talliesByUnit.get(u._id)?.answeredQuestions ?? 0;
        medians.set(u._id, answered > 0 ? await repos.statistics.medianFirstAnswer({ ...filter, unitIds: [u._id] }, answered) : null);
      }),
    );
  }
  return units.map((unit) => ({
    unit,
    figures: figuresOf(talliesByUnit.get(unit._id) ?? EMPTY_TALLY, {
      answers: countFor(answers, unit._id),
      missed: countFor(missed, unit._id),
      cases: casesFor(cases, unit._id),
      median: medians.get(unit._id) ?? null,
    }),
    roster: rosterFor(roster, unit._id),
  }));
}

/** Units ranked for 评优 by UNIT_RANKING, the figures behind each place alongside. */
export function rankedUnits(rows: UnitFiguresResult[]): (UnitFiguresResult & { place: number | null })[] {
  const standing = rows.map((r) => ({ ...r, onTimeRate: r.figures.onTimeRate, missed: r.figures.missed, satisfactionRate: r.figures.satisfactionRate, resolutionRate: r.figures.resolutionRate, answers: r.figures.answers }));
  return rankUnits(standing).map(({ unit, figures, roster, place }) => ({ unit, figures, roster, place }));
}

function presentUnit(r: UnitFiguresResult & { place: number | null }): UnitStats {
  return { unitId: r.unit._id, unitName: r.unit.name, kind: r.unit.kind, figures: r.figures, roster: r.roster, place: r.place };
}

/** 统计概览: the school's (or the viewer's units') figures over a range of days, with the trend day by day. */
export const statsOverview: ActionDefinition<'stats.overview'> = {
  viewer: 'required',
  async run(input, ctx) {
    const { repos, now } = ctx;
    const scope = statsScope(ctx, input.unitId);
    const range = dayRangeOf(input, now);
    const filter: StatsFilter = { from: range.fromAt, to: range.toAt, unitIds: scope.unitIds };
    const [catalog, tallies, answers, missed, cases, roster] = await Promise.all([
      loadCatalog(repos),
      repos.statistics.tallyQuestions(filter, now, 'day'),
      repos.statistics.countAnswers(filter, 'day'),
      repos.statistics.countMissed(filter, 'day'),
      repos.statistics.countCases(filter, 'all'),
      repos.statistics.rosterTotals(scope.unitIds, 'all'),
    ]);
    checkUnit(catalog, input.unitId);
    const total = tallies.map(tallyOf).reduce(addTallies, EMPTY_TALLY);
    const median = await repos.statistics.medianFirstAnswer(filter, total.answeredQuestions);
    const byDay = new Map(tallies.map((t) => [t.key, tallyOf(t)]));
    const trend: TrendDay[] = [];
    for (let day = range.fromDay; day <= range.toDay; day++) {
      const t = byDay.get(day) ?? EMPTY_TALLY;
      trend.push({
        day: campusDateKey(day),
        questions: t.questions,
        answers: countFor(answers, day),
        answeredQuestions: t.answeredQuestions,
        onTime: t.onTime,
        late: t.late,
        overdueOpen: t.overdueOpen,
        missed: countFor(missed, day),
        settled: t.settled,
        onTimeRate: onTimeRate(t),
      });
    }
    return {
      range: presentRange(range, now),
      scope: { all: scope.all, unitIds: scope.unitIds ?? [] },
      totals: figuresOf(total, { answers: sumCounts(answers), missed: sumCounts(missed), cases: casesFor(cases, null), median }),
      roster: rosterFor(roster, null),
      trend,
    };
  },
};

/** 各单位统计与排名 (评优): every answering unit in scope, ranked, with the figures behind each place. */
export const statsUnits: ActionDefinition<'stats.units'> = {
  viewer: 'required',
  async run(input, ctx) {
    const { repos, now } = ctx;
    const scope = statsScope(ctx, input.unitId);
    const range = dayRangeOf(input, now);
    const catalog = await loadCatalog(repos);
    checkUnit(catalog, input.unitId);
    const rows = await unitFigures(repos, catalog, { from: range.fromAt, to: range.toAt, unitIds: scope.unitIds }, now);
    return { range: presentRange(range, now), rankedBy: [...UNIT_RANKING], units: rankedUnits(rows).map(presentUnit) };
  },
};

/** 个人统计与排名: everyone who answered in the range (for the viewer's units), ranked by answers. */
export const statsPeople: ActionDefinition<'stats.people'> = {
  viewer: 'required',
  async run(input, ctx) {
    const { repos, now, ids } = ctx;
    const scope = statsScope(ctx, input.unitId);
    const range = dayRangeOf(input, now);
    const [catalog, rows] = await Promise.all([loadCatalog(repos), repos.statistics.answersByPerson({ from: range.fromAt, to: range.toAt, unitIds: scope.unitIds }, PEOPLE_LIMIT)]);
    checkUnit(catalog, input.unitId);
    // 点赞 (BUCM §七.2): likes on answers given in the range, credited to the responder (decision 19).
    const likes = await repos.statistics.likesReceived({ from: range.fromAt, to: range.toAt }, rows.map((r) => r.openid));
    const people = rankPeople(
      rows.map((r) => ({
        key: ids.derived('person', r.openid),
        name: r.name || '（已注销）',
        unitNames: r.unitIds.map((u) => catalog.unitName(u)),
        teamLabels: r.teams.map((t) => TEAM_LABELS[t]),
        answers: r.answers,
        officialAnswers: r.officialAnswers,
        officialOnTime: r.officialOnTime,
        onTimeRate: ratio(r.officialOnTime, r.officialAnswers),
        likesReceived: likes.get(r.openid) ?? 0,
      })),
    );
    return { range: presentRange(range, now), rankedBy: [...PERSON_RANKING], likesCounted: true, people };
  },
};
