import type { Database } from './cloudbase';
import { COLLECTIONS } from '../collections';
import { isDuplicateKeyError } from './cloudbase-question.repository';
import type { EventRepository } from '../ports/repositories';
import type { EventRecord } from '../ports/records';

/** Append-only: there is deliberately no update or remove here. */
export class CloudbaseEventRepository implements EventRepository {
  constructor(private readonly db: Database) {}

  /** Idempotent by id: appending the same event twice (a retried request) keeps one. */
  async append(event: EventRecord): Promise<void> {
    try {
      await this.db.collection(COLLECTIONS.events.name).add(event);
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
  }

  async listByQuestion(questionId: string): Promise<EventRecord[]> {
    const res = await this.db.collection(COLLECTIONS.events.name).where({ questionId }).orderBy('at', 'asc').limit(500).get();
    return res.data as EventRecord[];
  }
}
