import { EMPTY_CORPUS_STATS, type CorpusStats } from '../../domain/search/search-index';
import { COLLECTIONS } from '../collections';
import type { PageRequest, SearchRepository } from '../ports/repositories';
import type { DeflectionRecord, FaqCandidateRecord, FaqRecord, SearchStatsRecord } from '../ports/records';
import type { Database } from './cloudbase';
import { isDuplicateKeyError } from './cloudbase-question.repository';

const STATS_ID = 'questions';
const FAQ_VERSION_ID = 'faq-version';
const GROUPING_ID = 'faq-grouping';

/**
 * Search statistics are one document updated with `_.inc` per field
 * (`documentFrequency.<term>`), so concurrent asks add up in any order; a
 * term is letters and digits only, safe as a field name. The statistics feed
 * IDF and length normalisation: if a function dies between writing a
 * question and counting it, ranking is off by one document in thousands.
 */
export class CloudbaseSearchRepository implements SearchRepository {
  constructor(private readonly db: Database) {}

  private coll(name: string) {
    return this.db.collection(name);
  }

  async stats(): Promise<CorpusStats> {
    const res = await this.coll(COLLECTIONS.searchStats.name).doc(STATS_ID).get();
    const doc = res.data[0] as SearchStatsRecord | undefined;
    return doc ? { documents: doc.documents, totalLength: doc.totalLength, documentFrequency: doc.documentFrequency ?? {} } : EMPTY_CORPUS_STATS;
  }

  async changeStats(change: CorpusStats): Promise<void> {
    if (change.documents === 0 && change.totalLength === 0 && Object.keys(change.documentFrequency).length === 0) return;
    const _ = this.db.command;
    const update: Record<string, unknown> = { documents: _.inc(change.documents), totalLength: _.inc(change.totalLength) };
    for (const [term, delta] of Object.entries(change.documentFrequency)) update[`documentFrequency.${term}`] = _.inc(delta);
    const stats = this.coll(COLLECTIONS.searchStats.name);
    if ((await stats.where({ _id: STATS_ID }).update(update)).updated === 1) return;
    try {
      const fresh: SearchStatsRecord = { _id: STATS_ID, documents: change.documents, totalLength: change.totalLength, documentFrequency: change.documentFrequency };
      await stats.add(fresh);
    } catch (err) {
      // Created meanwhile by a concurrent first ask: add to it.
      if (!isDuplicateKeyError(err)) throw err;
      await stats.where({ _id: STATS_ID }).update(update);
    }
  }

  async faqVersion(): Promise<number> {
    const res = await this.coll(COLLECTIONS.searchMeta.name).doc(FAQ_VERSION_ID).get();
    return (res.data[0] as { version?: number } | undefined)?.version ?? 0;
  }

  async bumpFaqVersion(): Promise<void> {
    const meta = this.coll(COLLECTIONS.searchMeta.name);
    if ((await meta.where({ _id: FAQ_VERSION_ID }).update({ version: this.db.command.inc(1) })).updated === 1) return;
    try {
      await meta.add({ _id: FAQ_VERSION_ID, version: 1 });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      await meta.where({ _id: FAQ_VERSION_ID }).update({ version: this.db.command.inc(1) });
    }
  }

  async listFaqs(): Promise<FaqRecord[]> {
    const res = await this.coll(COLLECTIONS.faqs.name).where({}).limit(1000).get();
    return res.data as FaqRecord[];
  }

  async findFaq(id: string): Promise<FaqRecord | null> {
    const res = await this.coll(COLLECTIONS.faqs.name).doc(id).get();
    return (res.data[0] as FaqRecord | undefined) ?? null;
  }

  async insertFaq(faq: FaqRecord): Promise<boolean> {
    try {
      await this.coll(COLLECTIONS.faqs.name).add(faq);
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }

  async updateFaq(id: string, expectedVersion: number, set: Partial<FaqRecord>): Promise<boolean> {
    const _ = this.db.command;
    const update: Record<string, unknown> = { version: expectedVersion + 1 };
    for (const [key, value] of Object.entries(set)) if (key !== '_id' && key !== 'version') update[key] = value !== null && typeof value === 'object' ? _.set(value) : value;
    const res = await this.coll(COLLECTIONS.faqs.name).where({ _id: id, version: expectedVersion }).update(update);
    return res.updated === 1;
  }

  async listOpenCandidates(page: PageRequest): Promise<FaqCandidateRecord[]> {
    const _ = this.db.command;
    const after = page.after;
    const filter = after
      ? _.and([{ state: 'open' }, _.or([{ periodFrom: _.lt(after.values[0]) }, { periodFrom: after.values[0], _id: _.gt(after.id) }])])
      : { state: 'open' };
    const res = await this.coll(COLLECTIONS.faqCandidates.name).where(filter).orderBy('periodFrom', 'desc').orderBy('_id', 'asc').limit(page.limit).get();
    return res.data as FaqCandidateRecord[];
  }

  async insertCandidates(candidates: FaqCandidateRecord[]): Promise<void> {
    for (const c of candidates) {
      try {
        await this.coll(COLLECTIONS.faqCandidates.name).add(c);
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
      }
    }
  }

  async findCandidate(id: string): Promise<FaqCandidateRecord | null> {
    const res = await this.coll(COLLECTIONS.faqCandidates.name).doc(id).get();
    return (res.data[0] as FaqCandidateRecord | undefined) ?? null;
  }

  async listCandidatesCreatedBetween(from: number, to: number, limit: number): Promise<FaqCandidateRecord[]> {
    const _ = this.db.command;
    const res = await this.coll(COLLECTIONS.faqCandidates.name).where({ createdAt: _.gte(from).and(_.lt(to)) }).orderBy('createdAt', 'desc').limit(limit).get();
    return res.data as FaqCandidateRecord[];
  }

  async closeCandidate(id: string, state: 'published' | 'dismissed'): Promise<boolean> {
    const res = await this.coll(COLLECTIONS.faqCandidates.name).where({ _id: id, state: 'open' }).update({ state });
    return res.updated === 1;
  }

  async groupingCursor(): Promise<number | null> {
    const res = await this.coll(COLLECTIONS.searchMeta.name).doc(GROUPING_ID).get();
    return (res.data[0] as { next?: number } | undefined)?.next ?? null;
  }

  async advanceGrouping(expected: number | null, next: number): Promise<boolean> {
    const meta = this.coll(COLLECTIONS.searchMeta.name);
    if (expected === null) {
      try {
        await meta.add({ _id: GROUPING_ID, next });
        return true;
      } catch (err) {
        if (isDuplicateKeyError(err)) return false;
        throw err;
      }
    }
    return (await meta.where({ _id: GROUPING_ID, next: expected }).update({ next })).updated === 1;
  }

  async recordDeflection(deflection: DeflectionRecord): Promise<boolean> {
    try {
      await this.coll(COLLECTIONS.deflections.name).add(deflection);
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }

  async countDeflections(since: number): Promise<number> {
    const res = await this.coll(COLLECTIONS.deflections.name).where({ at: this.db.command.gte(since) }).count();
    return res.total;
  }
}

/**
 * Per container: the statistics for a few minutes (they move slowly and only
 * weight terms), the FAQ entries until their version changes — one tiny read
 * per call, sent beside the candidate fetch.
 */
export class CachedSearchRepository implements SearchRepository {
  private statsCache: { stats: CorpusStats; at: number } | null = null;
  private faqCache: { version: number; faqs: FaqRecord[] } | null = null;

  constructor(
    private readonly inner: SearchRepository,
    private readonly statsMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async stats(): Promise<CorpusStats> {
    if (this.statsCache && this.now() - this.statsCache.at < this.statsMs) return this.statsCache.stats;
    const stats = await this.inner.stats();
    this.statsCache = { stats, at: this.now() };
    return stats;
  }

  /** The FAQ entries as of now: a version read, and the whole list only when it changed. */
  async listFaqs(): Promise<FaqRecord[]> {
    const version = await this.inner.faqVersion();
    if (this.faqCache && this.faqCache.version === version) return this.faqCache.faqs;
    const faqs = await this.inner.listFaqs();
    this.faqCache = { version, faqs };
    return faqs;
  }

  changeStats = (change: CorpusStats) => this.inner.changeStats(change);
  faqVersion = () => this.inner.faqVersion();
  bumpFaqVersion = () => this.inner.bumpFaqVersion();
  findFaq = (id: string) => this.inner.findFaq(id);
  insertFaq = (faq: FaqRecord) => this.inner.insertFaq(faq);
  updateFaq = (id: string, v: number, set: Partial<FaqRecord>) => this.inner.updateFaq(id, v, set);
  listOpenCandidates = (page: PageRequest) => this.inner.listOpenCandidates(page);
  insertCandidates = (c: FaqCandidateRecord[]) => this.inner.insertCandidates(c);
  findCandidate = (id: string) => this.inner.findCandidate(id);
  listCandidatesCreatedBetween = (from: number, to: number, limit: number) => this.inner.listCandidatesCreatedBetween(from, to, limit);
  closeCandidate = (id: string, s: 'published' | 'dismissed') => this.inner.closeCandidate(id, s);
  groupingCursor = () => this.inner.groupingCursor();
  advanceGrouping = (e: number | null, n: number) => this.inner.advanceGrouping(e, n);
  recordDeflection = (d: DeflectionRecord) => this.inner.recordDeflection(d);
  countDeflections = (since: number) => this.inner.countDeflections(since);
}
