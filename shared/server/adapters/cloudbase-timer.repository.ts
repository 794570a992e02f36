import type { Database } from './cloudbase';
import { COLLECTIONS } from '../collections';
import { isDuplicateKeyError } from './cloudbase-question.repository';
import type { TimerRepository } from '../ports/repositories';
import type { TimerRecord } from '../ports/records';

export class CloudbaseTimerRepository implements TimerRepository {
  constructor(private readonly db: Database) {}

  private get coll() {
    return this.db.collection(COLLECTIONS.timers.name);
  }

  async schedule(timers: TimerRecord[]): Promise<void> {
    if (timers.length === 0) return;
    try {
      await this.coll.add(timers);
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      // Some already exist (a retried request): add the others one by one.
      for (const timer of timers) {
        try {
          await this.coll.add(timer);
        } catch (inner) {
          if (!isDuplicateKeyError(inner)) throw inner;
        }
      }
    }
  }

  async listDue(now: number, limit: number): Promise<TimerRecord[]> {
    const _ = this.db.command;
    const res = await this.coll
      .where({ state: _.in(['pending', 'running']), dueAt: _.lte(now) })
      .orderBy('dueAt', 'asc')
      .limit(limit)
      .get();
    return res.data as TimerRecord[];
  }

  async claim(timer: TimerRecord, now: number, leaseMs: number): Promise<boolean> {
    const _ = this.db.command;
    const res = await this.coll
      .where({ _id: timer._id, state: timer.state, dueAt: timer.dueAt })
      .update({ state: 'running', dueAt: now + leaseMs, attempts: _.inc(1) });
    return res.updated === 1;
  }

  async finish(id: string, state: 'done' | 'skipped', outcome: string, at: number): Promise<void> {
    await this.coll.doc(id).update({ state, outcome, finishedAt: at });
  }
}
