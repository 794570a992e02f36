import { COLLECTIONS } from '../collections';
import type { EntryCodeRepository, InvitationRepository, PageRequest } from '../ports/repositories';
import type { EntryCodeRecord, InvitationRecord } from '../ports/records';
import type { Database } from './cloudbase';

/**
 * Invitations. A join is one conditional update of the invitation (state,
 * expiry, uses below the maximum, this person not in it yet) that counts the
 * use and records the person: MongoDB applies it to one document atomically,
 * so of two people joining with the last use at once exactly one matches.
 */
export class CloudbaseInvitationRepository implements InvitationRepository {
  constructor(private readonly db: Database) {}

  private get coll() {
    return this.db.collection(COLLECTIONS.invitations.name);
  }

  async findByCode(code: string): Promise<InvitationRecord | null> {
    const res = await this.coll.where({ code }).limit(1).get();
    return (res.data[0] as InvitationRecord | undefined) ?? null;
  }

  async findById(id: string): Promise<InvitationRecord | null> {
    const res = await this.coll.doc(id).get();
    return (res.data[0] as InvitationRecord | undefined) ?? null;
  }

  async recordJoin(id: string, joinKey: string, now: number, maxUses: number): Promise<boolean> {
    const _ = this.db.command;
    const res = await this.coll
      .where({ _id: id, state: 'open', expiresAt: _.gt(now), uses: _.lt(maxUses), 'joins.key': _.neq(joinKey) })
      .update({ uses: _.inc(1), joins: _.push({ key: joinKey, at: now }) });
    return res.updated === 1;
  }

  async markUsedUp(id: string, maxUses: number): Promise<void> {
    await this.coll.where({ _id: id, state: 'open', uses: this.db.command.gte(maxUses) }).update({ state: 'usedUp' });
  }

  async listOpen(unitIds: string[] | null, now: number, page: PageRequest): Promise<InvitationRecord[]> {
    const _ = this.db.command;
    if (unitIds && unitIds.length === 0) return [];
    const base: Record<string, unknown> = { state: 'open', expiresAt: _.gt(now) };
    if (unitIds) base.unitId = _.in(unitIds);
    const after = page.after;
    const filter = after ? _.and([base, _.or([{ createdAt: _.lt(after.values[0]) }, { createdAt: after.values[0], _id: _.lt(after.id) }])]) : base;
    const res = await this.coll.where(filter).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(page.limit).get();
    return res.data as InvitationRecord[];
  }
}

/** Mini-program code images already made, one small document each. */
export class CloudbaseEntryCodeRepository implements EntryCodeRepository {
  constructor(private readonly db: Database) {}

  async find(id: string): Promise<EntryCodeRecord | null> {
    const res = await this.db.collection(COLLECTIONS.entryCodes.name).doc(id).get();
    return (res.data[0] as EntryCodeRecord | undefined) ?? null;
  }

  async save(record: EntryCodeRecord): Promise<void> {
    const { _id, ...fields } = record;
    await this.db.collection(COLLECTIONS.entryCodes.name).doc(_id).set(fields);
  }
}
