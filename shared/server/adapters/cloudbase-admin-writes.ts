import { COLLECTIONS } from '../collections';
import type { AdminTransaction, AdminWrites } from '../ports/repositories';
import type { AuditRecord, CategoryRecord, InvitationRecord, UnitRecord, UserRecord } from '../ports/records';
import type { Database } from './cloudbase';

/**
 * Admin changes with their audit line, in one CloudBase transaction
 * (`db.runTransaction`): snapshot reads by document id, whole-document writes
 * (`doc(id).set`), the audit line added with them; CloudBase retries the work
 * when another transaction wrote the same document (DATABASE_TRANSACTION_CONFLICT),
 * and rolls everything back when the work throws. Only single-document
 * operations are offered inside a transaction, which is all this needs.
 */
type Txn = { collection(name: string): { doc(id: string): { get(): Promise<{ data: unknown }>; set(data: object): Promise<unknown> }; add(data: object): Promise<unknown> } };

function withoutId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id: _ignored, ...fields } = doc;
  return fields;
}

class CloudbaseAdminTransaction implements AdminTransaction {
  constructor(private readonly t: Txn) {}

  private async read<T>(collection: string, id: string): Promise<T | null> {
    const res = await this.t.collection(collection).doc(id).get();
    return (res.data as T | null) ?? null;
  }

  private async put(collection: string, doc: { _id: string }): Promise<void> {
    await this.t.collection(collection).doc(doc._id).set(withoutId(doc));
  }

  user(id: string) {
    return this.read<UserRecord>(COLLECTIONS.users.name, id);
  }
  unit(id: string) {
    return this.read<UnitRecord>(COLLECTIONS.units.name, id);
  }
  category(id: string) {
    return this.read<CategoryRecord>(COLLECTIONS.categories.name, id);
  }
  invitation(id: string) {
    return this.read<InvitationRecord>(COLLECTIONS.invitations.name, id);
  }
  audit(id: string) {
    return this.read<AuditRecord>(COLLECTIONS.audit.name, id);
  }
  putUser(user: UserRecord) {
    return this.put(COLLECTIONS.users.name, user);
  }
  putUnit(unit: UnitRecord) {
    return this.put(COLLECTIONS.units.name, unit);
  }
  putCategory(category: CategoryRecord) {
    return this.put(COLLECTIONS.categories.name, category);
  }
  putInvitation(invitation: InvitationRecord) {
    return this.put(COLLECTIONS.invitations.name, invitation);
  }
  async addAudit(entry: AuditRecord) {
    await this.t.collection(COLLECTIONS.audit.name).add(entry);
  }
}

export class CloudbaseAdminWrites implements AdminWrites {
  constructor(private readonly db: Database) {}

  transact<T>(work: (tx: AdminTransaction) => Promise<T>): Promise<T> {
    return this.db.runTransaction(async (t: Txn) => work(new CloudbaseAdminTransaction(t))) as Promise<T>;
  }
}
