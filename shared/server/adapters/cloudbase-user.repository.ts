import type { Role } from '../../domain/organisation';
import type { Database } from './cloudbase';
import { COLLECTIONS } from '../collections';
import type { PageRequest, UserRepository } from '../ports/repositories';
import type { UserRecord } from '../ports/records';

export class CloudbaseUserRepository implements UserRepository {
  constructor(private readonly db: Database) {}

  async findByOpenid(openid: string): Promise<UserRecord | null> {
    const res = await this.db.collection(COLLECTIONS.users.name).where({ openid }).limit(1).get();
    return (res.data[0] as UserRecord | undefined) ?? null;
  }

  /**
   * Only active memberships count: a deactivated responder hears nothing about
   * the unit's questions (`active` is missing on memberships never deactivated).
   */
  async listResponders(unitId: string, options: { withAdmins?: boolean } = {}): Promise<UserRecord[]> {
    const _ = this.db.command;
    const roles = options.withAdmins ? _.in(['responder', 'unitAdmin']) : 'responder';
    const res = await this.coll.where({ memberships: _.elemMatch({ unitId, active: _.neq(false) }), roles }).limit(1000).get();
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

  async findById(id: string): Promise<UserRecord | null> {
    const res = await this.coll.doc(id).get();
    return (res.data[0] as UserRecord | undefined) ?? null;
  }

  /** By `_id` (the cursor), on the `memberships.unitId` index. */
  async listInUnits(unitIds: string[], page: PageRequest): Promise<UserRecord[]> {
    if (unitIds.length === 0) return [];
    const _ = this.db.command;
    const filter: Record<string, unknown> = { 'memberships.unitId': _.in(unitIds) };
    if (page.after) filter._id = _.gt(page.after.id);
    const res = await this.coll.where(filter).orderBy('_id', 'asc').limit(page.limit).get();
    return res.data as UserRecord[];
  }

  async listAllInUnits(unitIds: string[]): Promise<UserRecord[]> {
    if (unitIds.length === 0) return [];
    const res = await this.coll.where({ 'memberships.unitId': this.db.command.in(unitIds) }).limit(1000).get();
    return res.data as UserRecord[];
  }

  private get coll() {
    return this.db.collection(COLLECTIONS.users.name);
  }
}
