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

  async listResponders(unitId: string, options: { withAdmins?: boolean } = {}): Promise<UserRecord[]> {
    const roles = options.withAdmins ? this.db.command.in(['responder', 'unitAdmin']) : 'responder';
    const res = await this.coll.where({ 'memberships.unitId': unitId, roles }).limit(1000).get();
    return res.data as UserRecord[];
  }

  async listByRoles(roles: Role[]): Promise<UserRecord[]> {
    if (roles.length === 0) return [];
    const res = await this.coll.where({ roles: this.db.command.in(roles) }).limit(1000).get();
    return res.data as UserRecord[];
  }

  async findManyByOpenid(openids: string[]): Promise<UserRecord[]> {
    if (openids.length === 0) return [];
    const res = await this.coll.where({ openid: this.db.command.in(openids) }).limit(1000).get();
    return res.data as UserRecord[];
  }

  async setPhone(openid: string, phone: { number: string; boundAt: number }): Promise<boolean> {
    const res = await this.coll.where({ openid }).update({ phone: this.db.command.set(phone) });
    return res.updated === 1;
  }

  async remove(openid: string): Promise<void> {
    await this.coll.where({ openid }).remove();
  }

  private get coll() {
    return this.db.collection(COLLECTIONS.users.name);
  }
}
