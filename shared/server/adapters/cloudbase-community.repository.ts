import type { Database } from './cloudbase';
import { COLLECTIONS } from '../collections';
import { isDuplicateKeyError } from './cloudbase-question.repository';
import type { BoardRepository, CounterRepository, ReactionRepository } from '../ports/repositories';
import type { BoardRecord, CounterRecord, ReactionRecord } from '../ports/records';

/**
 * 同问, follows and likes: one record per person per thing, its id derived
 * from (kind, target, person), so the primary key decides who did it first;
 * counters move only after a record was created or removed (decision 19).
 */
export class CloudbaseReactionRepository implements ReactionRepository {
  constructor(private readonly db: Database) {}

  private get coll() {
    return this.db.collection(COLLECTIONS.reactions.name);
  }

  async add(reaction: ReactionRecord): Promise<boolean> {
    try {
      await this.coll.add(reaction);
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }

  async remove(id: string): Promise<boolean> {
    const res = await this.coll.where({ _id: id }).remove();
    return (res as { deleted?: number }).deleted === 1;
  }

  async findMany(ids: string[]): Promise<ReactionRecord[]> {
    if (ids.length === 0) return [];
    const res = await this.coll.where({ _id: this.db.command.in(ids) }).limit(ids.length).get();
    return res.data as ReactionRecord[];
  }

  async listWatchers(questionId: string, limit: number): Promise<ReactionRecord[]> {
    const _ = this.db.command;
    const res = await this.coll
      .where({ targetId: questionId, kind: _.in(['metoo', 'follow']), targetType: 'question' })
      .orderBy('at', 'asc')
      .limit(limit)
      .get();
    return res.data as ReactionRecord[];
  }

  async count(targetId: string, kind: ReactionRecord['kind']): Promise<number> {
    const res = await this.coll.where({ targetId, kind }).count();
    return res.total as number;
  }

  async listMineOn(openid: string, questionId: string): Promise<ReactionRecord[]> {
    const res = await this.coll.where({ openid, questionId }).limit(200).get();
    return res.data as ReactionRecord[];
  }

  async listByPerson(openid: string, limit: number): Promise<ReactionRecord[]> {
    const res = await this.coll.where({ openid }).orderBy('at', 'desc').limit(limit).get();
    return res.data as ReactionRecord[];
  }

  async removeByPerson(openid: string): Promise<void> {
    await this.coll.where({ openid }).remove();
  }
}

export class CloudbaseCounterRepository implements CounterRepository {
  constructor(private readonly db: Database) {}

  private get coll() {
    return this.db.collection(COLLECTIONS.counters.name);
  }

  async inc(id: string, delta: number, at: number): Promise<void> {
    const inc = () => this.coll.where({ _id: id }).update({ count: this.db.command.inc(delta), updatedAt: at });
    if ((await inc()).updated === 1) return;
    try {
      await this.coll.add({ _id: id, count: delta, updatedAt: at } satisfies CounterRecord);
    } catch (err) {
      // Another request created it first: add to theirs.
      if (!isDuplicateKeyError(err)) throw err;
      await inc();
    }
  }

  async get(ids: string[]): Promise<CounterRecord[]> {
    if (ids.length === 0) return [];
    const res = await this.coll.where({ _id: this.db.command.in(ids) }).limit(ids.length).get();
    return res.data as CounterRecord[];
  }
}

export class CloudbaseBoardRepository implements BoardRepository {
  constructor(private readonly db: Database) {}

  private get coll() {
    return this.db.collection(COLLECTIONS.boards.name);
  }

  async find<T extends BoardRecord>(id: T['_id']): Promise<T | null> {
    const res = await this.coll.where({ _id: id }).limit(1).get();
    return ((res.data as T[])[0] ?? null) as T | null;
  }

  async save(board: BoardRecord): Promise<void> {
    const { _id, ...fields } = board;
    await this.coll.doc(_id).set(fields);
  }
}
