import type { Database } from '../cloudbase';
import { COLLECTIONS } from '../collections';
import { DuplicateQuestionError, type PageRequest, type QuestionRepository } from './ports';
import type { QuestionRecord } from './records';

const NAME = COLLECTIONS.questions.name;

export function isDuplicateKeyError(err: unknown): boolean {
  const message = err instanceof Error ? err.message : typeof err === 'object' && err ? String((err as { message?: unknown }).message) : '';
  return /E11000|duplicate key/i.test(message);
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
    const base: Record<string, unknown> = { visibility: 'public', status: 'answered' };
    if (filter.categoryId) base.categoryId = filter.categoryId;
    const res = await this.paged(base, 'createdAt', 'desc', page).get();
    return res.data as QuestionRecord[];
  }

  async listByAsker(askerOpenid: string, page: PageRequest): Promise<QuestionRecord[]> {
    const res = await this.paged({ askerOpenid }, 'createdAt', 'desc', page).get();
    return res.data as QuestionRecord[];
  }

  async listPendingForUnits(unitIds: string[], page: PageRequest): Promise<QuestionRecord[]> {
    if (unitIds.length === 0) return [];
    const _ = this.db.command;
    const res = await this.paged({ ownerUnitId: _.in(unitIds), status: 'routed' }, 'deadlineAt', 'asc', page).get();
    return res.data as QuestionRecord[];
  }

  async listAnsweredForUnits(unitIds: string[], page: PageRequest): Promise<QuestionRecord[]> {
    if (unitIds.length === 0) return [];
    const _ = this.db.command;
    const res = await this.paged({ ownerUnitId: _.in(unitIds), status: 'answered' }, 'answeredAt', 'desc', page).get();
    return res.data as QuestionRecord[];
  }

  async markAnswered(id: string, answerId: string, at: number): Promise<boolean> {
    const res = await this.coll
      .where({ _id: id, status: 'routed' })
      .update({ status: 'answered', answeredAt: at, officialAnswerId: answerId, answerCount: this.db.command.inc(1) });
    return res.updated === 1;
  }

  async incrementAnswerCount(id: string): Promise<void> {
    await this.coll.doc(id).update({ answerCount: this.db.command.inc(1) });
  }
}
