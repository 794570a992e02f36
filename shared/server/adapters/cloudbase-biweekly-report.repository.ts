import { COLLECTIONS } from '../collections';
import type { BiweeklyReportRepository, PeriodProgressRow } from '../ports/repositories';
import type { BiweeklyReportRecord } from '../ports/records';
import type { Database } from './cloudbase';
import { isDuplicateKeyError } from './cloudbase-question.repository';

const CALENDAR_ID = 'biweekly';
/** A period has one report per answering unit and one for the school: a few hundred at the very most. */
const PERIOD_LIMIT = 1000;

export class CloudbaseBiweeklyReportRepository implements BiweeklyReportRepository {
  constructor(private readonly db: Database) {}

  private get coll() {
    return this.db.collection(COLLECTIONS.biweeklyReports.name);
  }

  private get calendarColl() {
    return this.db.collection(COLLECTIONS.reportCalendar.name);
  }

  async calendar(): Promise<number | null> {
    const res = await this.calendarColl.doc(CALENDAR_ID).get();
    return (res.data[0] as { next?: number } | undefined)?.next ?? null;
  }

  async advanceCalendar(expected: number | null, next: number): Promise<boolean> {
    if (expected === null) {
      try {
        await this.calendarColl.add({ _id: CALENDAR_ID, next });
        return true;
      } catch (err) {
        if (isDuplicateKeyError(err)) return false;
        throw err;
      }
    }
    return (await this.calendarColl.where({ _id: CALENDAR_ID, next: expected }).update({ next })).updated === 1;
  }

  async idsForPeriod(periodKey: string): Promise<string[]> {
    const res = await this.coll.where({ periodKey }).field({ _id: true }).limit(PERIOD_LIMIT).get();
    return (res.data as { _id: string }[]).map((r) => r._id);
  }

  async insert(report: BiweeklyReportRecord): Promise<boolean> {
    try {
      await this.coll.add(report);
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }

  async findById(id: string): Promise<BiweeklyReportRecord | null> {
    const res = await this.coll.doc(id).get();
    return (res.data[0] as BiweeklyReportRecord | undefined) ?? null;
  }

  async listForPeriod(periodKey: string, unitIds: string[] | null): Promise<BiweeklyReportRecord[]> {
    const _ = this.db.command;
    const where: Record<string, unknown> = { periodKey };
    if (unitIds) where.unitId = _.in(unitIds);
    // The list never needs the content's long lists: only the headline figures.
    const res = await this.coll
      .where(where)
      .field({ 'content.overdue': false, 'content.repeated': false, 'content.cases': false, 'content.units': false })
      .limit(PERIOD_LIMIT)
      .get();
    return (res.data as BiweeklyReportRecord[]).map((r) => ({ ...r, content: { ...r.content, overdue: [], repeated: [], cases: [], units: [] } }));
  }

  async periods(limit: number): Promise<PeriodProgressRow[]> {
    const $ = this.db.command.aggregate;
    const res = await this.coll
      .aggregate()
      .match({ periodKey: this.db.command.exists(true) })
      .group({ _id: '$periodKey', total: $.sum(1), submitted: $.sum($.cond({ if: $.eq(['$state', 'submitted']), then: 1, else: 0 })) })
      .sort({ _id: -1 })
      .limit(limit)
      .end();
    return (res.data as { _id: string; total: number; submitted: number }[]).map((r) => ({ key: r._id, total: r.total, submitted: r.submitted }));
  }

  async update(id: string, expectedVersion: number, set: Partial<BiweeklyReportRecord>): Promise<boolean> {
    const _ = this.db.command;
    const update: Record<string, unknown> = { version: _.inc(1) };
    for (const [key, value] of Object.entries(set)) {
      if (key === '_id' || key === 'version') continue;
      update[key] = value !== null && typeof value === 'object' ? _.set(value) : value;
    }
    const res = await this.coll.where({ _id: id, version: expectedVersion }).update(update);
    return res.updated === 1;
  }

  async markUrged(id: string, day: string, at: number): Promise<boolean> {
    const _ = this.db.command;
    const res = await this.coll.where({ _id: id, state: 'draft', lastUrgedDay: _.neq(day) }).update({ lastUrgedAt: at, lastUrgedDay: day, urgeCount: _.inc(1) });
    return res.updated === 1;
  }

  async listFilesDue(now: number, limit: number): Promise<BiweeklyReportRecord[]> {
    const res = await this.coll.where({ filesDueAt: this.db.command.lte(now) }).orderBy('filesDueAt', 'asc').limit(limit).get();
    return res.data as BiweeklyReportRecord[];
  }

  async setFiles(id: string, files: NonNullable<BiweeklyReportRecord['files']>): Promise<void> {
    // Files made from the version still current clear the due time; files of an older version are kept
    // (better than none) and the newer version's files stay due.
    const _ = this.db.command;
    const current = await this.coll.where({ _id: id, version: files.version }).update({ files: _.set(files), filesDueAt: null });
    if (current.updated === 0) await this.coll.where({ _id: id, version: _.gt(files.version) }).update({ files: _.set(files) });
  }

  async deferFiles(id: string, until: number): Promise<void> {
    await this.coll.where({ _id: id, filesDueAt: this.db.command.lt(until) }).update({ filesDueAt: until });
  }
}
