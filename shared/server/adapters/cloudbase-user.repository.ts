import type { Role } from '../../domain/organisation';
import type { Database } from './cloudbase';
import { COLLECTIONS } from '../collections';
import type { UserRepository } from '../ports/repositories';
import type { UserRecord } from '../ports/records';

export class CloudbaseUserRepository implements UserRepository {
  constructor(private readonly db: Database) {}

  async findByOpenid(openid: string): Promise<UserRecord | null> {
    const res = await this.db.collection(COLLECTIONS.users.name).where({ openid }).limit(1).get();
    return (res.data[0] as UserRecord | undefined) ?? null;
  }

  async findByOpenids(openids: string[]): Promise<UserRecord[]> {
    if (openids.length === 0) return [];
    const res = await this.coll.where({ openid: this.db.command.in(openids) }).limit(1000).get();
    return res.data as UserRecord[];
  }

  async listResponders(unitId: string): Promise<UserRecord[]> {
    const res = await this.coll.where({ 'memberships.unitId': unitId, roles: 'responder' }).limit(1000).get();
    return res.data as UserRecord[];
  }

  async listByRole(role: Role): Promise<UserRecord[]> {
    const res = await this.coll.where({ roles: role }).limit(1000).get();
    return res.data as UserRecord[];
  }

  private get coll() {
    return this.db.collection(COLLECTIONS.users.name);
  }
}
