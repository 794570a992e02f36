import type { OverdueEntry, RepeatedGroup, ReportCase, ReportContent } from '../../contracts/report.contract';
import { missedDeadlines, reportTitleOf } from '../../domain/biweekly-report';
import { latestGenerationAtOrBefore, nextGeneration, nextGenerationAfter, periodEndingAt, type ReportPeriod } from '../../domain/report-period';
import { addTallies, EMPTY_TALLY } from '../../domain/statistics';
import type { FileStorage } from '../ports/files';
import { REPORT_FORMATS, type ReportRenderer } from '../ports/report-renderer';
import type { Repositories, StatsFilter } from '../ports/repositories';
import type { BiweeklyReportRecord, QuestionRecord } from '../ports/records';
import { loadCatalog, type CatalogLookup } from './catalog-lookup';
import { reportDocument, reportFilePath, reportIdFor } from './present-report';
import { answeringUnits, figuresOf, rankedUnits, unitFigures, type UnitFiguresResult } from './statistics';

/**
 * The scheduler's part of the biweekly report: at each generation instant
 * (00:00 on the 12th and the 26th, Asia/Shanghai: shared/domain/report-period.ts)
 * one report for every answering unit and one for the school, then their
 * Excel and Word files.
 *
 * - Idempotent: a report's id is (period, unit), an existing one is never
 *   written again, and the calendar moves on (by a conditional write) only
 *   once every report of the period exists. Two ticks at once, or a rerun
 *   after a crash, add nothing twice.
 * - Bounded: a tick writes at most `reportsPerTick` reports and makes at most
 *   `filesPerTick` reports' files, and stops when the function's time budget
 *   runs low; the rest is done by the next ticks. The period's data is read
 *   once per tick (a few aggregations and three bounded lists), whatever the
 *   number of units.
 * - Files follow the report's version: an edit or the submission makes the
 *   files due again, and the next tick makes them.
 */
export const REPORTS_PER_TICK = 10;
export const FILES_PER_TICK = 10;
/** A report whose files failed is tried again after this long. */
export const FILES_RETRY_MS = 10 * 60_000;
const MAX_OVERDUE = 100;
const MAX_TITLES = 10;
const LIST_LIMIT = 200;

export interface ReportTickDeps {
  repos: Repositories;
  files: FileStorage;
  renderer: ReportRenderer;
  now: number;
  outOfTime?: () => boolean;
  log?: (message: string, detail: Record<string, unknown>) => void;
  reportsPerTick?: number;
  filesPerTick?: number;
}

export interface ReportTickResult {
  /** The period worked on this tick (its key), or null. */
  period: string | null;
  generated: number;
  /** Reports of that period still to write (next tick). */
  remaining: number;
  /** Reports whose files were made, and failed. */
  files: number;
  filesFailed: number;
}

/** Everything a period's reports say, read once for all of them. */
interface PeriodData {
  units: UnitFiguresResult[];
  school: Pick<ReportContent, 'figures' | 'roster'>;
  overdue: OverdueEntry[];
  repeated: (RepeatedGroup & { unitIds: string[] })[];
  cases: (ReportCase & { unitId: string })[];
}

async function readPeriod(repos: Repositories, catalog: CatalogLookup, period: ReportPeriod, now: number): Promise<PeriodData> {
  const filter: StatsFilter = { from: period.from, to: period.to, unitIds: null };
  const [units, missed, candidates, cased, schoolRoster, faqs] = await Promise.all([
    unitFigures(repos, catalog, filter, now),
    repos.questions.listMissedBetween(period.from, period.to, null, LIST_LIMIT),
    repos.search.listCandidatesCreatedBetween(period.from, period.to, LIST_LIMIT),
    repos.questions.listCases({ from: period.from, to: period.to, unitIds: null }, { limit: LIST_LIMIT, after: null }),
    repos.statistics.rosterTotals(null, 'all'),
    repos.search.listFaqs(),
  ]);
  const total = units.map((u) => u.figures).reduce((t, f) => addTallies(t, f), EMPTY_TALLY);
  const [grouped, median] = await Promise.all([
    repos.questions.findManyByIds([...new Set(candidates.flatMap((c) => c.questionIds))].slice(0, 1000)),
    repos.statistics.medianFirstAnswer(filter, total.answeredQuestions),
  ]);
  const sum = (pick: (u: UnitFiguresResult) => number) => units.reduce((n, u) => n + pick(u), 0);
  const school = {
    figures: figuresOf(total, {
      answers: sum((u) => u.figures.answers),
      missed: sum((u) => u.figures.missed),
      cases: { online: sum((u) => u.figures.cases.online), offline: sum((u) => u.figures.cases.offline) },
      median,
    }),
    roster: { experts: schoolRoster[0]?.experts ?? 0, members: schoolRoster[0]?.members ?? 0 },
  };
  const overdue = missed
    .flatMap((q) =>
      missedDeadlines(q.timeline, period.from, period.to).map((m) => ({
        questionId: q._id,
        title: reportTitleOf(q),
        unitId: m.unitId,
        unitName: catalog.unitName(m.unitId),
        askedAt: q.createdAt,
        escalatedAt: m.escalatedAt,
        holderName: m.holderName,
        answeredAt: m.answeredAt,
        answeredByName: m.answeredByName,
      })),
    )
    .sort((a, b) => b.escalatedAt - a.escalatedAt);
  const byId = new Map<string, QuestionRecord>(grouped.map((q) => [q._id, q]));
  const faqTitles = new Map(faqs.map((f) => [f._id, f.title]));
  const repeated = candidates
    .map((c) => {
      const questions = c.questionIds.map((id) => byId.get(id)).filter((q): q is QuestionRecord => q !== undefined);
      return {
        candidateId: c._id,
        questionCount: c.questionIds.length,
        titles: questions.slice(0, MAX_TITLES).map(reportTitleOf),
        state: c.state,
        faqTitle: c.faqId ? faqTitles.get(c.faqId) ?? null : null,
        unitIds: [...new Set(questions.map((q) => q.ownerUnitId))],
      };
    })
    .sort((a, b) => b.questionCount - a.questionCount);
  const cases = cased
    .filter((q) => q.typicalCase !== null)
    .map((q) => ({
      questionId: q._id,
      title: reportTitleOf(q),
      kind: q.typicalCase!.kind,
      writeUp: q.typicalCase!.writeUp,
      unitId: q.typicalCase!.unitId,
      unitName: catalog.unitName(q.typicalCase!.unitId),
      markedAt: q.typicalCase!.markedAt,
      markedByName: q.typicalCase!.markedByName,
    }));
  return { units, school, overdue, repeated, cases };
}

/** One unit's report (or, with `unit` null, the school's) from the period's data. */
function contentFor(data: PeriodData, unitId: string | null): ReportContent {
  const mine = <T extends { unitId: string }>(list: T[]) => (unitId === null ? list : list.filter((x) => x.unitId === unitId));
  const strip = <T extends { unitId: string }>({ unitId: _u, ...rest }: T) => rest;
  const row = unitId === null ? null : data.units.find((u) => u.unit._id === unitId);
  return {
    figures: row ? row.figures : data.school.figures,
    roster: row ? row.roster : data.school.roster,
    overdue: mine(data.overdue).slice(0, MAX_OVERDUE),
    repeated: data.repeated.filter((g) => unitId === null || g.unitIds.includes(unitId)).map(({ unitIds: _u, ...g }) => g),
    cases: mine(data.cases).map(strip),
    units:
      unitId === null
        ? rankedUnits(data.units).map((u) => ({ unitId: u.unit._id, unitName: u.unit.name, figures: u.figures, roster: u.roster, place: u.place }))
        : [],
  };
}

function newReport(period: ReportPeriod, unit: { _id: string; name: string } | null, content: ReportContent, now: number): BiweeklyReportRecord {
  return {
    _id: reportIdFor(period.key, unit?._id ?? null),
    periodKey: period.key,
    periodFrom: period.from,
    periodTo: period.to,
    dueAt: period.dueAt,
    scope: unit ? 'unit' : 'school',
    unitId: unit?._id ?? null,
    unitName: unit?.name ?? '学校（全校汇总）',
    state: 'draft',
    content,
    problems: '',
    generatedAt: now,
    updatedAt: now,
    updatedByName: null,
    submittedAt: null,
    submittedByOpenid: null,
    submittedByName: null,
    lastUrgedAt: null,
    lastUrgedDay: null,
    urgeCount: 0,
    version: 0,
    files: null,
    filesDueAt: now,
  };
}

async function generateDue(deps: ReportTickDeps, result: ReportTickResult): Promise<void> {
  const { repos, now } = deps;
  const outOfTime = deps.outOfTime ?? (() => false);
  let budget = deps.reportsPerTick ?? REPORTS_PER_TICK;
  let cursor = await repos.biweeklyReports.calendar();
  if (cursor === null) {
    // A new installation starts its calendar: the next generation is the first (no report for a past it did not see).
    await repos.biweeklyReports.advanceCalendar(null, nextGenerationAfter(now));
    return;
  }
  while (cursor <= now && !outOfTime()) {
    const period = periodEndingAt(cursor);
    result.period = period.key;
    const catalog = await loadCatalog(repos);
    const units = answeringUnits(catalog);
    const existing = new Set(await repos.biweeklyReports.idsForPeriod(period.key));
    const missing = [null, ...units].filter((u) => !existing.has(reportIdFor(period.key, u?._id ?? null)));
    if (missing.length > 0) {
      if (budget <= 0) {
        result.remaining = missing.length;
        return;
      }
      const data = await readPeriod(repos, catalog, period, now);
      const batch = missing.slice(0, budget);
      for (const unit of batch) {
        if (await repos.biweeklyReports.insert(newReport(period, unit, contentFor(data, unit?._id ?? null), now))) result.generated += 1;
      }
      budget -= batch.length;
      result.remaining = missing.length - batch.length;
      if (result.remaining > 0) return;
    }
    // Every report of the period exists: the calendar moves on (catching up, a period at a time, after an outage).
    const next = nextGeneration(cursor);
    if (!(await repos.biweeklyReports.advanceCalendar(cursor, next))) return;
    cursor = next;
  }
}

async function renderDue(deps: ReportTickDeps, result: ReportTickResult): Promise<void> {
  const { repos, now } = deps;
  const outOfTime = deps.outOfTime ?? (() => false);
  const due = await repos.biweeklyReports.listFilesDue(now, deps.filesPerTick ?? FILES_PER_TICK);
  for (const report of due) {
    if (outOfTime()) return;
    try {
      const doc = reportDocument(report);
      const ids: Record<string, string> = {};
      for (const format of REPORT_FORMATS) {
        const bytes = await deps.renderer.render(doc, format);
        ids[format] = await deps.files.upload(reportFilePath(report, format), Buffer.from(bytes));
      }
      await repos.biweeklyReports.setFiles(report._id, { version: report.version, xlsx: ids.xlsx!, docx: ids.docx!, renderedAt: now });
      result.files += 1;
    } catch (err) {
      result.filesFailed += 1;
      deps.log?.('making a report file failed; trying again later', { report: report._id, error: err instanceof Error ? err.message : String(err) });
      await repos.biweeklyReports.deferFiles(report._id, now + FILES_RETRY_MS).catch(() => undefined);
    }
  }
}

/** The biweekly reports' share of a scheduler tick: generate what is due, then make files. */
export async function runReportTick(deps: ReportTickDeps): Promise<ReportTickResult> {
  const result: ReportTickResult = { period: null, generated: 0, remaining: 0, files: 0, filesFailed: 0 };
  await generateDue(deps, result);
  if (!(deps.outOfTime ?? (() => false))()) await renderDue(deps, result);
  return result;
}

/** For the seed: the calendar as a deployment running since before the last generation would have it. */
export function calendarStartFor(now: number): number {
  return latestGenerationAtOrBefore(now);
}
