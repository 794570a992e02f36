import { COLLECTIONS } from '../collections';
import type { AuditRepository, PageRequest, ReportRepository, SettingsRepository } from '../ports/repositories';
import type { AuditRecord, ModerationWordsRecord, ReportRecord } from '../ports/records';
import type { Database } from './cloudbase';
import { isDuplicateKeyError } from './cloudbase-question.repository';

/** Reports (举报): the id is (reporter, target), so the unique _id makes a person's second report of a thing a no-op. */
export class CloudbaseReportRepository implements ReportRepository {
  constructor(private readonly db: Database) {}

  private get coll() {
    return this.db.collection(COLLECTIONS.reports.name);
  }

  async insert(report: ReportRecord): Promise<boolean> {
    try {
      await this.coll.add(report);
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }

  async listByReporter(openid: string): Promise<ReportRecord[]> {
    const res = await this.coll.where({ reporterOpenid: openid }).limit(1000).get();
    return res.data as ReportRecord[];
  }

  async removeByReporter(openid: string): Promise<void> {
    await this.coll.where({ reporterOpenid: openid }).remove();
  }
}

/** The audit log: append-only, idempotent by id (a retried action writes its line once). */
export class CloudbaseAuditRepository implements AuditRepository {
  constructor(private readonly db: Database) {}

  private get coll() {
    return this.db.collection(COLLECTIONS.audit.name);
  }

  async append(entry: AuditRecord): Promise<void> {
    try {
      await this.coll.add(entry);
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
  }

  async list(page: PageRequest): Promise<AuditRecord[]> {
    const _ = this.db.command;
    const after = page.after;
    const filter = after ? _.or([{ at: _.lt(after.values[0]) }, { at: after.values[0], _id: _.lt(after.id) }]) : {};
    const res = await this.coll.where(filter).orderBy('at', 'desc').orderBy('_id', 'desc').limit(page.limit).get();
    return res.data as AuditRecord[];
  }
}

/** Configuration kept in the database, one document per setting. */
export class CloudbaseSettingsRepository implements SettingsRepository {
  constructor(private readonly db: Database) {}

  async moderationWords(): Promise<ModerationWordsRecord | null> {
    const res = await this.db.collection(COLLECTIONS.settings.name).doc('moderation-words').get();
    return (res.data[0] as ModerationWordsRecord | undefined) ?? null;
  }
}
