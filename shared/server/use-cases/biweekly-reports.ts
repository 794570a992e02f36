import type { ReportSummary } from '../../contracts/report.contract';
import { DomainError } from '../../domain/errors';
import { canEditReport, canUrgeReports, oversightScope, scopeIncludes } from '../../domain/permissions';
import { adminMemberships } from '../../domain/roster';
import { periodByKey, periodLabel } from '../../domain/report-period';
import { campusDateKey, campusDayIndex } from '../../domain/statistics';
import { REPORT_FORMATS } from '../ports/report-renderer';
import type { BiweeklyReportRecord } from '../ports/records';
import type { ActionContext, ActionDefinition, PrepareContext } from './action';
import { deliveryDeps } from './apply-case-action';
import { loadCatalog } from './catalog-lookup';
import { deliverNew, reportUrgeRecords } from './notification-delivery';
import { isLate, periodOf, presentPeriod, presentSummary, reportFileName, reportName } from './present-report';

/**
 * 双周报 for people: report.list (who has submitted), report.get (one report,
 * its files), report.save (a unit writes its problems and suggestions),
 * report.submit, report.urge (催交). The scheduler writes the reports
 * (report-generation.ts); here they are read, edited by a write conditional
 * on the version read, and submitted once.
 */
export const REPORT_PAGE = 'admin/pages/report/index';
const PERIODS_SHOWN = 24;
/** A report's download links last an hour (the page asks again for fresh ones). */
export const REPORT_URL_MAX_AGE_S = 3600;
const NOT_ALLOWED = '只有协管、主管老师、工作小组组长和单位管理员可以查看双周报';

function scopeOf(ctx: ActionContext) {
  const scope = oversightScope(ctx.viewer);
  if (!scope) throw new DomainError('AUTH.FORBIDDEN', NOT_ALLOWED);
  return scope;
}

/** The report, if the viewer may read it: every report for those who oversee all units, a unit admin their units'. */
function readable(ctx: ActionContext, report: BiweeklyReportRecord | null): BiweeklyReportRecord {
  const scope = scopeOf(ctx);
  if (!report) throw new DomainError('REPORT.NOT_FOUND');
  if (!scope.all && (report.unitId === null || !scopeIncludes(scope, report.unitId))) throw new DomainError('AUTH.FORBIDDEN', '只能查看本单位的双周报');
  return report;
}

function editable(ctx: ActionContext, report: BiweeklyReportRecord): void {
  if (!canEditReport(ctx.viewer, report)) throw new DomainError('AUTH.FORBIDDEN', report.scope === 'school' ? '学校汇总报告由工作小组组长或协管填写' : '只有本单位管理员可以填写和提交双周报');
}

const prepare = ({ id }: { id: string }, ctx: PrepareContext) => ctx.repos.biweeklyReports.findById(id);

/** 双周报 list: a period's reports (the school's first, then drafts, then submitted, in unit order), and the recent periods. */
export const listReports: ActionDefinition<'report.list'> = {
  viewer: 'required',
  async run({ period }, ctx) {
    const scope = scopeOf(ctx);
    const { repos, now } = ctx;
    if (period !== undefined && !periodByKey(period)) throw new DomainError('INPUT.INVALID', '报告期不存在');
    const [periods, catalog, given] = await Promise.all([
      repos.biweeklyReports.periods(PERIODS_SHOWN),
      loadCatalog(repos),
      period !== undefined ? repos.biweeklyReports.listForPeriod(period, scope.all ? null : [...scope.unitIds]) : Promise.resolve(null),
    ]);
    const key = period ?? periods[0]?.key ?? null;
    const viewerCanUrge = canUrgeReports(ctx.viewer);
    const progress = periods.map((p) => ({ key: p.key, label: periodLabel(periodByKey(p.key)!), total: p.total, submitted: p.submitted }));
    if (key === null) return { period: null, periods: progress, items: [], viewerCanUrge };
    const reports = given ?? (await repos.biweeklyReports.listForPeriod(key, scope.all ? null : [...scope.unitIds]));
    const order = (r: BiweeklyReportRecord) => (r.unitId === null ? -1 : catalog.unit(r.unitId)?.order ?? 999);
    const items: ReportSummary[] = reports
      .sort((a, b) => order(a) - order(b))
      .sort((a, b) => Number(a.unitId !== null) - Number(b.unitId !== null) || Number(a.state === 'submitted') - Number(b.state === 'submitted'))
      .map((r) => presentSummary(r, now));
    return { period: presentPeriod(periodByKey(key)!), periods: progress, items, viewerCanUrge };
  },
};

/** One report: its content, the problems section, download links for its files. */
export const getReport: ActionDefinition<'report.get', BiweeklyReportRecord | null> = {
  viewer: 'required',
  prepare,
  async run(_input, ctx, found) {
    const report = readable(ctx, found);
    const links = report.files ? await ctx.files.temporaryUrls([report.files.xlsx, report.files.docx], REPORT_URL_MAX_AGE_S) : new Map<string, string | null>();
    const link = (fileId: string, format: (typeof REPORT_FORMATS)[number]) => ({ url: links.get(fileId) ?? '', fileName: reportFileName(report, format) });
    return {
      ...presentSummary(report, ctx.now),
      content: report.content,
      problems: report.problems,
      generatedAt: report.generatedAt,
      updatedAt: report.updatedAt,
      files: report.files
        ? { xlsx: link(report.files.xlsx, 'xlsx'), docx: link(report.files.docx, 'docx'), version: report.files.version, current: report.files.version === report.version }
        : null,
      viewerCanEdit: report.state === 'draft' && canEditReport(ctx.viewer, report),
    };
  },
};

/** Saves the problems section of a draft; the files are made again by the next tick. */
export const saveReport: ActionDefinition<'report.save', BiweeklyReportRecord | null> = {
  viewer: 'required',
  prepare,
  async run({ problems, version }, ctx, found) {
    const report = readable(ctx, found);
    editable(ctx, report);
    if (report.state === 'submitted') throw new DomainError('REPORT.CONFLICT', '双周报已经提交，不能再修改');
    if (report.version !== version) {
      // A retry of a save that went through finds its own words there: the same answer.
      if (report.problems === problems) return { id: report._id, state: report.state, version: report.version };
      throw new DomainError('REPORT.CONFLICT');
    }
    const set = { problems, updatedAt: ctx.now, updatedByName: ctx.viewer.displayName ?? '单位管理员', filesDueAt: ctx.now };
    if (!(await ctx.repos.biweeklyReports.update(report._id, version, set))) throw new DomainError('REPORT.CONFLICT');
    return { id: report._id, state: report.state, version: version + 1 };
  },
};

/** Submits a draft once; a retry answers with the submission that happened. */
export const submitReport: ActionDefinition<'report.submit', BiweeklyReportRecord | null> = {
  viewer: 'required',
  prepare,
  async run({ version, problems }, ctx, found) {
    const report = readable(ctx, found);
    editable(ctx, report);
    if (report.state === 'submitted') {
      if (report.submittedByOpenid === ctx.viewer.openid && report.version === version + 1) {
        return { id: report._id, state: report.state, version: report.version, submittedAt: report.submittedAt!, late: isLate(report, ctx.now) };
      }
      throw new DomainError('REPORT.CONFLICT', '双周报已经提交');
    }
    if (report.version !== version) throw new DomainError('REPORT.CONFLICT');
    const now = ctx.now;
    const set: Partial<BiweeklyReportRecord> = {
      state: 'submitted',
      problems: problems ?? report.problems,
      submittedAt: now,
      submittedByOpenid: ctx.viewer.openid,
      submittedByName: ctx.viewer.displayName ?? '单位管理员',
      updatedAt: now,
      updatedByName: ctx.viewer.displayName ?? '单位管理员',
      filesDueAt: now,
    };
    if (!(await ctx.repos.biweeklyReports.update(report._id, version, set))) throw new DomainError('REPORT.CONFLICT');
    return { id: report._id, state: 'submitted' as const, version: version + 1, submittedAt: now, late: now > report.dueAt };
  },
};

/**
 * 催交: the admins of each unit whose report is still a draft are reminded
 * (by subscription, else the unit's WeCom group), at most once a day per
 * report. Messages are identified by (report, day, recipient) and those already
 * recorded are not sent again, so a retry or a second urge the same day sends nothing twice.
 */
export const urgeReports: ActionDefinition<'report.urge'> = {
  viewer: 'required',
  async run({ period: key, unitIds, note }, ctx) {
    if (!canUrgeReports(ctx.viewer)) throw new DomainError('AUTH.FORBIDDEN', '只有协管、主管老师和工作小组组长可以催交双周报');
    const period = periodByKey(key);
    if (!period) throw new DomainError('INPUT.INVALID', '报告期不存在');
    const { repos, now } = ctx;
    const reports = (await repos.biweeklyReports.listForPeriod(period.key, unitIds ?? null)).filter((r) => r.scope === 'unit' && r.unitId !== null);
    const day = campusDateKey(campusDayIndex(now));
    const out = { urged: [] as string[], alreadyToday: [] as string[], submitted: [] as string[], messages: { delivered: 0, undeliverable: 0 } };
    const deps = deliveryDeps(ctx);
    for (const report of reports) {
      if (report.state === 'submitted') {
        out.submitted.push(report._id);
        continue;
      }
      if (report.lastUrgedDay === day) {
        out.alreadyToday.push(report._id);
        continue;
      }
      const people = await repos.users.listResponders(report.unitId!, { withAdmins: true });
      // Its admins: those whose membership of this unit administers it (not an admin of another unit who answers here).
      const admins = people.filter((p) => adminMemberships(p).some((m) => m.unitId === report.unitId));
      // A unit without an admin: everyone who answers for it hears (someone must).
      const recipients = (admins.length > 0 ? admins : people).map((p) => ({ openid: p.openid, name: p.name }));
      const records = reportUrgeRecords(
        { id: report._id, name: reportName(report), unitId: report.unitId!, unitName: report.unitName, dueAt: periodOf(report).dueAt, page: `${REPORT_PAGE}?id=${report._id}` },
        recipients,
        day,
        note,
        now,
      );
      const existing = await repos.notifications.existingIds(records.map((r) => r._id));
      const tally = await deliverNew(deps, records.filter((r) => !existing.has(r._id)), now);
      out.messages.delivered += tally.sent + tally.fallback;
      out.messages.undeliverable += tally.undeliverable;
      await repos.biweeklyReports.markUrged(report._id, day, now);
      out.urged.push(report._id);
    }
    return out;
  },
};
