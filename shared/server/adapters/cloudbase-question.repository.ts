import { COLLECTIONS } from '../collections';
import {
  DuplicateQuestionError,
  type InboxCountsByBox,
  type PageRequest,
  type QuestionChange,
  type QuestionRepository,
} from '../ports/repositories';
import type { QuestionRecord } from '../ports/records';
import type { Database } from './cloudbase';

const NAME = COLLECTIONS.questions.name;
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
   * Keyset pagination on (field, _id): items strictly after the cursor in the
   * sort order, so pages never repeat or skip under concurrent inserts.
   */
  private paged(base: Record<string, unknown>, field: keyof QuestionRecord, direction: 'asc' | 'desc', page: PageRequest) {
    const _ = this.db.command;
    let filter: object = base;
    if (page.after) {
      const beyond = direction === 'desc' ? _.lt : _.gt;
      filter = _.and([
        base,
        _.or([{ [field]: beyond(page.after.value) }, { [field]: page.after.value, _id: beyond(page.after.id) }]),
      ]);
    }
    return this.coll.where(filter).orderBy(field, direction).orderBy('_id', direction).limit(page.limit);
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

  async listPublic(filter: { categoryId?: string }, page: PageRequest): Promise<QuestionRecord[]> {
    // Everything with an official answer: answered, in handling, resolved or closed.
    const base: Record<string, unknown> = { visibility: 'public', status: this.db.command.in(ANSWERED_STATES) };
    if (filter.categoryId) base.categoryId = filter.categoryId;
    const res = await this.paged(base, 'createdAt', 'desc', page).get();
    return res.data as QuestionRecord[];
  }

  async listByAsker(askerOpenid: string, page: PageRequest): Promise<QuestionRecord[]> {
    const res = await this.paged({ askerOpenid }, 'createdAt', 'desc', page).get();
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
    const res = await this.paged(this.waiting(unitIds, deadline), 'deadlineAt', 'asc', page).get();
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
        pending: count($.and([routed, $.gte(['$deadlineAt', dueSoonFrom])])),
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
    const res = await this.paged({ ownerUnitId: _.in(unitIds), status: 'handling' }, 'deadlineAt', 'asc', page).get();
    return res.data as QuestionRecord[];
  }

  async listAnsweredForUnits(unitIds: string[], page: PageRequest): Promise<QuestionRecord[]> {
    if (unitIds.length === 0) return [];
    const _ = this.db.command;
    const res = await this.paged({ ownerUnitId: _.in(unitIds), status: _.in(['answered', 'resolved', 'closed']) }, 'answeredAt', 'desc', page).get();
    return res.data as QuestionRecord[];
  }

  async listEscalated(page: PageRequest): Promise<QuestionRecord[]> {
    const _ = this.db.command;
    const res = await this.paged({ status: 'routed', escalatedAt: _.gt(0) }, 'escalatedAt', 'asc', page).get();
    return res.data as QuestionRecord[];
  }

  async listDueWork(now: number, page: PageRequest): Promise<QuestionRecord[]> {
    const res = await this.paged({ nextWorkAt: this.db.command.lte(now) }, 'nextWorkAt', 'asc', page).get();
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
    if (change.timeline.length > 0) update.timeline = _.push(change.timeline);
    if (change.answers.length > 0) update.answers = _.push(change.answers);
    if (change.outbox.length > 0) update.outbox = _.push(change.outbox);
    const res = await this.coll.where({ _id: id, version: expectedVersion }).update(update);
    return res.updated === 1;
  }

  async clearOutboxes(ids: string[], now: number): Promise<void> {
    if (ids.length === 0) return;
    const _ = this.db.command;
    await this.coll.where({ _id: _.in(ids), outboxDueAt: _.lte(now) }).update({ outbox: _.set([]), outboxDueAt: null });
  }
}
