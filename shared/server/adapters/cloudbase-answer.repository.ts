import type { Database } from './cloudbase';
import { COLLECTIONS } from '../collections';
import { isDuplicateKeyError } from './cloudbase-question.repository';
import type { AnswerRepository } from '../ports/repositories';
import type { AnswerRecord } from '../ports/records';

export class CloudbaseAnswerRepository implements AnswerRepository {
  constructor(private readonly db: Database) {}

  async insert(answer: AnswerRecord): Promise<boolean> {
    try {
      await this.db.collection(COLLECTIONS.answers.name).add(answer);
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }

  async remove(id: string): Promise<void> {
    await this.db.collection(COLLECTIONS.answers.name).doc(id).remove();
  }

  async listByQuestion(questionId: string): Promise<AnswerRecord[]> {
    const res = await this.db
      .collection(COLLECTIONS.answers.name)
      .where({ questionId })
      .orderBy('createdAt', 'asc')
      .limit(200)
      .get();
    return res.data as AnswerRecord[];
  }
}
