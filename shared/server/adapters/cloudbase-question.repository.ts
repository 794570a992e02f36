import type { Database } from './cloudbase';
import { COLLECTIONS } from '../collections';
import { DuplicateQuestionError, type PageRequest, type QuestionRepository } from '../ports/repositories';
import type { QuestionRecord } from '../ports/records';

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

  async countByAskerSince(askerOpenid: string, since: number, options: { urgentOnly?: boolean } = {}): Promise<number> {
    const filter: Record<string, unknown> = { askerOpenid, createdAt: this.db.command.gte(since) };
    if (options.urgentOnly) filter.urgent = true;
    return (await this.coll.where(filter).count()).total;
  }

  async listWaitingForUnits(unitIds: string[], deadline: { from?: number; to?: number }, page: PageRequest): Promise<QuestionRecord[]> {
    if (unitIds.length === 0) return [];
    const res = await this.paged(this.waiting(unitIds, deadline), 'deadlineAt', 'asc', page).get();
    return res.data as QuestionRecord[];
  }

  async countWaitingForUnits(unitIds: string[], deadline: { from?: number; to?: number }): Promise<number> {
    if (unitIds.length === 0) return 0;
    return (await this.coll.where(this.waiting(unitIds, deadline)).count()).total;
  }

  async countHandlingForUnits(unitIds: string[]): Promise<number> {
    if (unitIds.length === 0) return 0;
    return (await this.coll.where({ ownerUnitId: this.db.command.in(unitIds), status: 'handling' }).count()).total;
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

  async applyChange(id: string, expectedVersion: number, patch: Partial<QuestionRecord>, answerCountDelta = 0): Promise<boolean> {
    const _ = this.db.command;
    const { _id: _ignored, version: _v, ...fields } = patch;
    const update: Record<string, unknown> = { version: _.inc(1) };
    // The SDK flattens plain objects into dotted paths ("rating.satisfied"), which
    // MongoDB refuses inside a null field: replace object values whole.
    for (const [key, value] of Object.entries(fields)) {
      update[key] = value !== null && typeof value === 'object' && !Array.isArray(value) ? _.set(value) : value;
    }
    if (answerCountDelta) update.answerCount = _.inc(answerCountDelta);
    const res = await this.coll.where({ _id: id, version: expectedVersion }).update(update);
    return res.updated === 1;
  }

  async incrementAnswerCount(id: string): Promise<void> {
    await this.coll.doc(id).update({ answerCount: this.db.command.inc(1) });
  }
}
