import { COLLECTIONS } from '../collections';
import type { AskLimitWindows, AskQuotaRepository, QuotaEntry, QuotaOutcome } from '../ports/repositories';
import type { AskQuotaRecord } from '../ports/records';
import type { Database } from './cloudbase';
import { isDuplicateKeyError } from './cloudbase-question.repository';

/**
 * The asking limits as one conditional update: the ask is appended to the
 * person's recent asks only if fewer than the limit fall inside the window
 * (counted by an aggregation expression in the filter, `_.expr`), so twenty
 * concurrent asks cannot slip past a limit of ten. Only the newest entries are
 * kept: as many as the limit, which is all the count can ever need.
 */

const MAX_ATTEMPTS = 5;

function overLimit(quota: AskQuotaRecord, urgent: boolean, limits: AskLimitWindows): boolean {
  const count = (entries: { at: number }[], since: number) => entries.filter((e) => e.at >= since).length;
  return count(quota.recent ?? [], limits.hourSince) >= limits.perHour || (urgent && count(quota.urgent ?? [], limits.daySince) >= limits.urgentPerDay);
}

export class CloudbaseAskQuotaRepository implements AskQuotaRepository {
  constructor(private readonly db: Database) {}

  private get coll() {
    return this.db.collection(COLLECTIONS.askQuotas.name);
  }

  async record(openid: string, entry: QuotaEntry, limits: AskLimitWindows): Promise<QuotaOutcome> {
    const _ = this.db.command;
    const $ = _.aggregate;
    const within = (field: string, since: number, limit: number) =>
      $.lt([$.size($.filter({ input: `$${field}`, as: 'ask', cond: $.gte(['$$ask.at', since]) })), limit]);
    const conditions: object[] = [{ _id: openid }, { 'recent.id': _.neq(entry.id) }, _.expr(within('recent', limits.hourSince, limits.perHour))];
    if (entry.urgent) conditions.push(_.expr(within('urgent', limits.daySince, limits.urgentPerDay)));
    const item = { id: entry.id, at: entry.at };
    const update: Record<string, unknown> = { recent: _.push({ each: [item], slice: -limits.perHour }) };
    if (entry.urgent) update.urgent = _.push({ each: [item], slice: -limits.urgentPerDay });

    for (let attempt = 1; ; attempt++) {
      const res = await this.coll.where(_.and(conditions)).update(update);
      if (res.updated === 1) return 'recorded';
      // Not recorded: find out why (one more read, only on this path).
      const found = (await this.coll.doc(openid).get()).data[0] as AskQuotaRecord | undefined;
      if (!found) return 'noRecord';
      if (found.recent.some((r) => r.id === entry.id)) return 'alreadyRecorded';
      if (overLimit(found, entry.urgent, limits)) return 'limited';
      // Within the limits after all: the quota was created (or trimmed) between our write and our read. Write again.
      if (attempt >= MAX_ATTEMPTS) throw new Error(`ask quota of ${openid} kept changing under ${MAX_ATTEMPTS} attempts`);
    }
  }

  async find(openid: string): Promise<AskQuotaRecord | null> {
    return ((await this.coll.doc(openid).get()).data[0] as AskQuotaRecord | undefined) ?? null;
  }

  async remove(openid: string): Promise<void> {
    await this.coll.where({ _id: openid }).remove();
  }

  async create(openid: string, entry: QuotaEntry): Promise<boolean> {
    const item = { id: entry.id, at: entry.at };
    const doc: AskQuotaRecord = { _id: openid, recent: [item], urgent: entry.urgent ? [item] : [] };
    try {
      await this.coll.add(doc);
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }
}
