import { COLLECTIONS } from '../collections';
import {
  DuplicateQuestionError,
  type InboxCountsByBox,
  type PageCursor,
  type PageRequest,
  type PublicFeedFilter,
  type QuestionChange,
  type QuestionRepository,
} from '../ports/repositories';
import type { QuestionRecord } from '../ports/records';
import type { Database } from './cloudbase';

const NAME = COLLECTIONS.questions.name;

interface SortField {
  /** A field of the question, or a dotted path into it (typicalCase.markedAt). */
  field: keyof QuestionRecord | `${string}.${string}`;
  dir: 'asc' | 'desc';
  bool?: boolean;
  /**
   * A kept counter (metooCount, likeCount) that older questions lack: it
   * travels in the cursor as -1 when missing, and a missing value sorts (and
   * pages) below every number, as MongoDB orders them.
   */
  counter?: boolean;
}
const NEWEST: SortField[] = [{ field: 'createdAt', dir: 'desc' }];
/** 待回复 and 超时督办: urgent first, then the soonest (or longest missed) deadline. */
/** 同声同心 sorted by 同问 or by likes of the answers: most first. */
const MOST_METOO: SortField[] = [{ field: 'metooCount', dir: 'desc', counter: true }];
const MOST_LIKED: SortField[] = [{ field: 'likeCount', dir: 'desc', counter: true }];
const PUBLIC_ORDER = { newest: NEWEST, metoo: MOST_METOO, likes: MOST_LIKED } as const;
const URGENT_THEN_DEADLINE: SortField[] = [{ field: 'urgent', dir: 'desc', bool: true }, { field: 'deadlineAt', dir: 'asc' }];

export const ANSWERED_STATES = ['answered', 'handling', 'resolved', 'closed'];

/** CloudBase answers a duplicate _id with DATABASE_DUPLICATE_WRITE; older stacks with MongoDB's E11000. */
export function isDuplicateKeyError(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const { code, message } = err as { code?: unknown; message?: unknown };
  return code === 'DATABASE_DUPLICATE_WRITE' || code === 11000 || /E11000|duplicate key/i.test(String(message ?? ''));
}

export class CloudbaseQuestionRepository implements QuestionRepository {
  constructor(private readonly db: Database) {}

  private get coll() {
    return this.db.collection(NAME);
  }

  /**
   * Keyset pagination on the sort fields then _id: items strictly after the
   * cursor in the sort order, so pages never repeat or skip under concurrent
   * inserts. Booleans (urgent) travel in the cursor as 0/1.
   */
  private paged(base: Record<string, unknown>, sort: SortField[], page: PageRequest) {
    const _ = this.db.command;
    let filter: object = base;
    if (page.after) {
      const missing = (f: SortField, v: unknown) => f.counter === true && v === -1;
      const values = sort.map((f, i) => {
        const v = page.after!.values[i];
        if (f.bool) return v === 1;
        return missing(f, v) ? null : v;
      });
      const beyond = (dir: 'asc' | 'desc') => (dir === 'desc' ? _.lt : _.gt);
      const branches: Record<string, unknown>[] = [];
      sort.forEach((f, i) => {
        const prefix: Record<string, unknown> = {};
        for (let k = 0; k < i; k++) prefix[sort[k]!.field] = values[k];
        if (f.counter && f.dir === 'desc') {
          // Below a number: smaller numbers, then the questions without the counter; below "missing": nothing.
          if (values[i] === null) return;
          branches.push({ ...prefix, [f.field]: beyond(f.dir)(values[i]) }, { ...prefix, [f.field]: null });
          return;
        }
        branches.push({ ...prefix, [f.field]: beyond(f.dir)(values[i]) });
      });
      const tie: Record<string, unknown> = {};
      sort.forEach((f, k) => (tie[f.field] = values[k]));
      tie._id = beyond(sort[0]!.dir)(page.after.id);
      branches.push(tie);
      filter = _.and([base, _.or(branches)]);
    }
    let query = this.coll.where(filter);
    for (const f of sort) query = query.orderBy(f.field, f.dir);
    return query.orderBy('_id', sort[0]!.dir).limit(page.limit);
  }

  async insert(question: QuestionRecord): Promise<void> {
    try {
      await this.coll.add(question);
    } catch (err) {
      if (isDuplicateKeyError(err)) throw new DuplicateQuestionError(question._id);
      throw err;
    }
  }

  async findById(id: string): Promise<QuestionRecord | null> {
    const res = await this.coll.doc(id).get();
    return (res.data[0] as QuestionRecord | undefined) ?? null;
  }

  async findWithAnswerId(id: string, answerId: string): Promise<QuestionRecord[]> {
    const _ = this.db.command;
    const res = await this.coll.where(_.or([{ _id: id }, { 'answers.id': answerId }])).limit(2).get();
    return res.data as QuestionRecord[];
  }

  async listPublic(filter: PublicFeedFilter, page: PageRequest): Promise<QuestionRecord[]> {
    // Everything with an official answer: answered, in handling, resolved or closed.
    // Only what passed moderation: a question under review or hidden is its asker's and handlers' alone.
    const base: Record<string, unknown> = {
      visibility: 'public',
      'moderation.state': 'published',
      status: filter.status ?? this.db.command.in(ANSWERED_STATES),
    };
    if (filter.categoryId) base.categoryId = filter.categoryId;
    // An anonymous asker's college is theirs alone: filtering by college leaves anonymous questions out.
    if (filter.collegeId) Object.assign(base, { collegeId: filter.collegeId, anonymous: false });
    const res = await this.paged(base, PUBLIC_ORDER[filter.sort ?? 'newest'], page).get();
    return res.data as QuestionRecord[];
  }

  async listByAsker(askerOpenid: string, page: PageRequest): Promise<QuestionRecord[]> {
    const res = await this.paged({ askerOpenid }, NEWEST, page).get();
    return res.data as QuestionRecord[];
  }

  private waiting(unitIds: string[], deadline: { from?: number; to?: number }): Record<string, unknown> {
    const _ = this.db.command;
    const base: Record<string, unknown> = { ownerUnitId: _.in(unitIds), status: 'routed' };
    if (deadline.from !== undefined && deadline.to !== undefined) base.deadlineAt = _.gte(deadline.from).and(_.lt(deadline.to));
    else if (deadline.from !== undefined) base.deadlineAt = _.gte(deadline.from);
    else if (deadline.to !== undefined) base.deadlineAt = _.lt(deadline.to);
    return base;
  }

  async listWaitingForUnits(unitIds: string[], deadline: { from?: number; to?: number }, page: PageRequest): Promise<QuestionRecord[]> {
    if (unitIds.length === 0) return [];
    const res = await this.paged(this.waiting(unitIds, deadline), URGENT_THEN_DEADLINE, page).get();
    return res.data as QuestionRecord[];
  }

  /** All four workbench numbers in one aggregation over the units' open questions. */
  async countInbox(unitIds: string[], now: number, dueSoonFrom: number): Promise<InboxCountsByBox> {
    const zero = { pending: 0, dueSoon: 0, overdue: 0, handling: 0 };
    if (unitIds.length === 0) return zero;
    const _ = this.db.command;
    const $ = _.aggregate;
    const routed = $.eq(['$status', 'routed']);
    const count = (condition: unknown) => $.sum($.cond({ if: condition, then: 1, else: 0 }));
    const res = await this.coll
      .aggregate()
      .match({ ownerUnitId: _.in(unitIds), status: _.in(['routed', 'handling']) })
      .group({
        _id: null,
        // 待回复 holds everything still owed a reply; 即将超时 and 已超时 are slices of it.
        pending: count(routed),
        dueSoon: count($.and([routed, $.gte(['$deadlineAt', now]), $.lt(['$deadlineAt', dueSoonFrom])])),
        overdue: count($.and([routed, $.lt(['$deadlineAt', now])])),
        handling: count($.eq(['$status', 'handling'])),
      })
      .end();
    const row = (res as { data?: Partial<InboxCountsByBox>[] }).data?.[0];
    return row ? { pending: row.pending ?? 0, dueSoon: row.dueSoon ?? 0, overdue: row.overdue ?? 0, handling: row.handling ?? 0 } : zero;
  }

  async listHandlingForUnits(unitIds: string[], page: PageRequest): Promise<QuestionRecord[]> {
    if (unitIds.length === 0) return [];
    const _ = this.db.command;
    const res = await this.paged({ ownerUnitId: _.in(unitIds), status: 'handling' }, [{ field: 'deadlineAt', dir: 'asc' }], page).get();
    return res.data as QuestionRecord[];
  }

  async listAnsweredForUnits(unitIds: string[], page: PageRequest): Promise<QuestionRecord[]> {
    if (unitIds.length === 0) return [];
    const _ = this.db.command;
    const res = await this.paged({ ownerUnitId: _.in(unitIds), status: _.in(['answered', 'resolved', 'closed']) }, [{ field: 'answeredAt', dir: 'desc' }], page).get();
    return res.data as QuestionRecord[];
  }

  async listEscalated(page: PageRequest): Promise<QuestionRecord[]> {
    const _ = this.db.command;
    const res = await this.paged({ status: 'routed', escalatedAt: _.gt(0) }, URGENT_THEN_DEADLINE, page).get();
    return res.data as QuestionRecord[];
  }

  async listDueWork(now: number, page: PageRequest): Promise<QuestionRecord[]> {
    const res = await this.paged({ nextWorkAt: this.db.command.lte(now) }, [{ field: 'nextWorkAt', dir: 'asc' }], page).get();
    return res.data as QuestionRecord[];
  }

  async listOutboxDue(now: number, limit: number): Promise<QuestionRecord[]> {
    const res = await this.coll.where({ outboxDueAt: this.db.command.lte(now) }).orderBy('outboxDueAt', 'asc').limit(limit).get();
    return res.data as QuestionRecord[];
  }

  async applyChange(id: string, expectedVersion: number, change: QuestionChange): Promise<boolean> {
    const _ = this.db.command;
    const update: Record<string, unknown> = { version: _.inc(1) };
    // The SDK flattens plain objects into dotted paths ("rating.satisfied"), which
    // MongoDB refuses inside a null field: replace object values whole.
    for (const [key, value] of Object.entries(change.set)) {
      if (key === '_id' || key === 'version') continue;
      update[key] = value !== null && typeof value === 'object' ? _.set(value) : value;
    }
    if (change.replace?.timeline) update.timeline = _.set(change.replace.timeline);
    else if (change.timeline.length > 0) update.timeline = _.push(change.timeline);
    if (change.replace?.answers) update.answers = _.set(change.replace.answers);
    else if (change.answers.length > 0) update.answers = _.push(change.answers);
    if (change.outbox.length > 0) update.outbox = _.push(change.outbox);
    const res = await this.coll.where({ _id: id, version: expectedVersion }).update(update);
    return res.updated === 1;
  }

  async listModerationPending(page: PageRequest): Promise<QuestionRecord[]> {
    const res = await this.paged({ moderationPendingAt: this.db.command.gt(0) }, [{ field: 'moderationPendingAt', dir: 'asc' }], page).get();
    return res.data as QuestionRecord[];
  }

  async listAllByAsker(askerOpenid: string): Promise<QuestionRecord[]> {
    return this.everyPage({ askerOpenid });
  }

  /** What search reads of a question: never the timeline or the outbox. */
  private static readonly SEARCH_FIELDS = { title: true, content: true, categoryId: true, ownerUnitId: true, answeredAt: true, createdAt: true, officialAnswerId: true, answers: true, search: true, faqId: true, status: true, visibility: true, moderation: true };

  async searchCandidates(terms: string[], filter: { categoryId?: string; unitId?: string }, limit: number): Promise<QuestionRecord[]> {
    if (terms.length === 0) return [];
    const _ = this.db.command;
    const where: Record<string, unknown> = { 'search.terms': _.in(terms), visibility: 'public', 'moderation.state': 'published', status: _.in(ANSWERED_STATES) };
    if (filter.categoryId) where.categoryId = filter.categoryId;
    if (filter.unitId) where.ownerUnitId = filter.unitId;
    const res = await this.coll.where(where).field(CloudbaseQuestionRepository.SEARCH_FIELDS).limit(limit).get();
    return res.data as QuestionRecord[];
  }

  async listAnsweredPublicBetween(from: number, to: number, limit: number): Promise<QuestionRecord[]> {
    const _ = this.db.command;
    const where = { createdAt: _.gte(from).and(_.lt(to)), visibility: 'public', 'moderation.state': 'published', status: _.in(ANSWERED_STATES) };
    const res = await this.coll.where(where).field(CloudbaseQuestionRepository.SEARCH_FIELDS).orderBy('createdAt', 'desc').limit(limit).get();
    return res.data as QuestionRecord[];
  }

  async incCounters(id: string, inc: { metooCount?: number; likeCount?: number }): Promise<void> {
    const _ = this.db.command;
    const update: Record<string, unknown> = {};
    if (inc.metooCount) update.metooCount = _.inc(inc.metooCount);
    if (inc.likeCount) update.likeCount = _.inc(inc.likeCount);
    if (Object.keys(update).length === 0) return;
    await this.coll.where({ _id: id }).update(update);
  }

  /** What the boards read of a question: never the timeline, the outbox or the asker. */
  private static readonly BOARD_FIELDS = { title: true, categoryId: true, createdAt: true, visibility: true, moderation: true, anonymous: true };

  async listPublishedBetween(from: number, to: number, limit: number): Promise<QuestionRecord[]> {
    const _ = this.db.command;
    const where = { visibility: 'public', 'moderation.state': 'published', createdAt: _.gte(from).and(_.lt(to)) };
    const res = await this.coll.where(where).field(CloudbaseQuestionRepository.BOARD_FIELDS).orderBy('createdAt', 'desc').limit(limit).get();
    return res.data as QuestionRecord[];
  }

  async listAnsweredSince(from: number, limit: number): Promise<QuestionRecord[]> {
    const _ = this.db.command;
    const res = await this.coll
      .where({ answeredAt: _.gte(from) })
      .field({ createdAt: true, answeredAt: true, officialAnswerId: true, 'answers.id': true, 'answers.responderOpenid': true, rating: true })
      .orderBy('answeredAt', 'desc')
      .limit(limit)
      .get();
    return res.data as QuestionRecord[];
  }

  async findManyByIds(ids: string[]): Promise<QuestionRecord[]> {
    if (ids.length === 0) return [];
    const res = await this.coll.where({ _id: this.db.command.in(ids) }).limit(ids.length).get();
    return res.data as QuestionRecord[];
  }

  /** What a report reads of a question that missed a deadline: never the answers' text or the outbox. */
  private static readonly MISSED_FIELDS = { title: true, visibility: true, crisis: true, createdAt: true, ownerUnitId: true, timeline: true, status: true };

  async listMissedBetween(from: number, to: number, unitIds: string[] | null, limit: number): Promise<QuestionRecord[]> {
    const _ = this.db.command;
    // Inside elemMatch a range is written as MongoDB operators: the SDK does not serialise a chained command there.
    const escalation: Record<string, unknown> = { type: 'escalate', at: { $gte: from, $lt: to } };
    if (unitIds) escalation.unitId = _.in(unitIds);
    const res = await this.coll
      .where({ timeline: _.elemMatch(escalation) })
      .field(CloudbaseQuestionRepository.MISSED_FIELDS)
      .orderBy('createdAt', 'desc')
      .limit(limit)
      .get();
    return res.data as QuestionRecord[];
  }

  async listCases(filter: { from: number; to: number; unitIds: string[] | null; kind?: 'online' | 'offline' }, page: PageRequest): Promise<QuestionRecord[]> {
    const _ = this.db.command;
    const base: Record<string, unknown> = { 'typicalCase.markedAt': _.gte(filter.from).and(_.lt(filter.to)) };
    if (filter.unitIds) base['typicalCase.unitId'] = _.in(filter.unitIds);
    if (filter.kind) base['typicalCase.kind'] = filter.kind;
    const res = await this.paged(base, [{ field: 'typicalCase.markedAt', dir: 'desc' }], page).get();
    return res.data as QuestionRecord[];
  }

  async listPublicChangedAfter(after: PageCursor | null, until: number, limit: number): Promise<QuestionRecord[]> {
    const res = await this.paged({ visibility: 'public', updatedAt: this.db.command.lt(until) }, [{ field: 'updatedAt', dir: 'asc' }], { limit, after }).get();
    return res.data as QuestionRecord[];
  }

  async listActedBy(openid: string): Promise<QuestionRecord[]> {
    return this.everyPage({ 'timeline.actorOpenid': openid });
  }

  /** Every matching question, a page of 100 at a time (export and deletion of one person's data). */
  private async everyPage(filter: Record<string, unknown>): Promise<QuestionRecord[]> {
    const all: QuestionRecord[] = [];
    for (let page: PageRequest = { limit: 100, after: null }; ; ) {
      const rows = (await this.paged(filter, NEWEST, page).get()).data as QuestionRecord[];
      all.push(...rows);
      const last = rows[rows.length - 1];
      if (rows.length < page.limit || !last) return all;
      page = { limit: 100, after: { values: [last.createdAt], id: last._id } };
    }
  }

  async clearOutboxes(ids: string[], now: number): Promise<void> {
    if (ids.length === 0) return;
    const _ = this.db.command;
    await this.coll.where({ _id: _.in(ids), outboxDueAt: _.lte(now) }).update({ outbox: _.set([]), outboxDueAt: null });
  }
}
