import type { Database } from '../cloudbase';
import { COLLECTIONS } from '../collections';
import type { UserRepository } from './ports';
import type { UserRecord } from './records';

export class CloudbaseUserRepository implements UserRepository {
  constructor(private readonly db: Database) {}

  async findByOpenid(openid: string): Promise<UserRecord | null> {
    const res = await this.db.collection(COLLECTIONS.users.name).where({ openid }).limit(1).get();
    return (res.data[0] as UserRecord | undefined) ?? null;
  }
}
