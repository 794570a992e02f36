import { randomUUID } from 'node:crypto';
import { type Change, type Doc, type DocumentStore, duplicateId, lockKey } from './document-store';
import { CODES, LocalDbError, cloneValue, idKey } from './ejson-values';

/**
 * CloudBase database transactions, as documented:
 *
 * - Snapshot isolation: reads inside a transaction see the database as it was
 *   when the transaction started, plus the transaction's own writes; nobody else
 *   sees those writes until commit, when they become visible at once.
 * - A write puts a transaction lock on the document. Another transaction's write
 *   to a locked document fails at once with DATABASE_TRANSACTION_CONFLICT; an
 *   ordinary (non-transactional) write waits until the lock is released (commit,
 *   rollback or expiry).
 *   https://developers.weixin.qq.com/minigame/dev/wxcloud/guide/database/transaction.html
 *   ("其它事务的写入会直接失败；普通的更新操作会被阻塞，直到事务锁释放或者超时")
 * - A transaction writing a document someone committed after its snapshot also
 *   conflicts (first committer wins), as MongoDB's snapshot transactions do
 *   (WriteConflict); CloudBase's docs are silent on this case.
 * - Only single-document operations (doc().get/set/update/remove, add) run in a
 *   transaction; batch (where) operations do not.
 *   https://developers.weixin.qq.com/minigame/dev/wxcloud/guide/database/transaction.html ("在事务中不支持批量操作（where 语句）")
 * - A transaction must be committed or aborted within 30 seconds; afterwards it
 *   no longer exists (rolled back) and using it fails with DATABASE_TRANSACTION_FAIL.
 *   https://docs.cloudbase.net/en/error-code/DATABASE_TRANSACTION_FAIL
 * - A conflict aborts the transaction (the SDK's runTransaction then retries with
 *   a new one, without rolling the old one back); CloudBase's docs are silent on
 *   other failed operations, so, as MongoDB does, any failed operation aborts it.
 */
export const TRANSACTION_LIFETIME_MS = 30_000;

interface Write {
  collection: string;
  key: string;
  after: Doc | null;
}

export class Transaction {
  readonly writes = new Map<string, Write>();
  readonly ended: Promise<void>;
  private finish!: () => void;
  state: 'active' | 'committed' | 'aborted' = 'active';

  constructor(
    readonly id: string,
    readonly startedAt: number,
    readonly snapshotSeq: number,
  ) {
    this.ended = new Promise((resolve) => {
      this.finish = resolve;
    });
  }

  end(state: 'committed' | 'aborted'): void {
    this.state = state;
    this.finish();
  }
}

export class TransactionManager {
  private readonly active = new Map<string, Transaction>();
  private readonly locks = new Map<string, Transaction>();
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: DocumentStore,
    private readonly now: () => number,
  ) {
    store.snapshotsOpen = () => this.active.size > 0;
  }

  get openCount(): number {
    return this.active.size;
  }

  start(): string {
    this.sweep();
    const txn = new Transaction(randomUUID(), this.now(), this.store.currentSeq);
    this.active.set(txn.id, txn);
    if (!this.sweeper) {
      // Expiry also happens without further requests, so blocked writers wake up.
      this.sweeper = setInterval(() => this.sweep(), 1000);
      this.sweeper.unref();
    }
    return txn.id;
  }

  /** Rolls back every transaction older than its lifetime. */
  sweep(): void {
    const now = this.now();
    for (const txn of [...this.active.values()]) {
      if (now - txn.startedAt >= TRANSACTION_LIFETIME_MS) this.finish(txn, 'aborted');
    }
  }

  /** The open transaction with this id, or DATABASE_TRANSACTION_FAIL. */
  get(id: unknown): Transaction {
    this.sweep();
    const txn = typeof id === 'string' ? this.active.get(id) : undefined;
    if (!txn) {
      throw new LocalDbError(
        CODES.txnFail,
        `transaction ${String(id)} does not exist: it was committed, rolled back, or not committed within ${TRANSACTION_LIFETIME_MS / 1000} seconds`,
      );
    }
    return txn;
  }

  /** Runs one operation of a transaction; any failure aborts the transaction. */
  run<T>(txn: Transaction, op: () => T): T {
    try {
      return op();
    } catch (err) {
      this.finish(txn, 'aborted');
      throw err;
    }
  }

  private finish(txn: Transaction, state: 'committed' | 'aborted'): void {
    if (txn.state !== 'active') return;
    this.active.delete(txn.id);
    for (const [lk, holder] of this.locks) if (holder === txn) this.locks.delete(lk);
    if (this.active.size === 0 && this.sweeper) {
      clearInterval(this.sweeper);
      this.sweeper = null;
    }
    txn.end(state);
  }

  /** The document as the transaction sees it. */
  read(txn: Transaction, collection: string, id: unknown): Doc | null {
    const key = idKey(id);
    const own = txn.writes.get(lockKey(collection, key));
    if (own) return own.after ? cloneValue(own.after) : null;
    const doc = this.store.getAt(collection, id, txn.snapshotSeq);
    return doc ? cloneValue(doc) : null;
  }

  /** Takes the write lock on a document, or fails with a conflict. */
  private lock(txn: Transaction, collection: string, id: unknown): string {
    const lk = lockKey(collection, idKey(id));
    const holder = this.locks.get(lk);
    if (holder && holder !== txn) {
      throw new LocalDbError(CODES.txnConflict, `database transaction conflict: document ${String(id)} in ${collection} is locked by another transaction`);
    }
    if (this.store.lastWriteSeq(collection, id) > txn.snapshotSeq) {
      throw new LocalDbError(CODES.txnConflict, `database transaction conflict: document ${String(id)} in ${collection} was written after the transaction started`);
    }
    this.locks.set(lk, txn);
    return lk;
  }

  /** Records a write after checking the collection's unique indexes against it. */
  write(txn: Transaction, collection: string, id: unknown, after: Doc | null): void {
    const lk = this.lock(txn, collection, id);
    const write: Write = { collection, key: idKey(id), after };
    const pending: Change[] = [...txn.writes.values(), write]
      .filter((w) => w.collection === collection)
      .map((w) => ({ key: w.key, before: this.store.get(collection, w.key), after: w.after }));
    this.store.checkUnique(collection, pending);
    txn.writes.set(lk, write);
  }

  insert(txn: Transaction, collection: string, raw: Record<string, unknown>): unknown {
    const doc = this.store.prepareInsert(raw);
    if (this.read(txn, collection, doc._id)) throw duplicateId(collection, doc._id);
    this.write(txn, collection, doc._id, doc);
    return doc._id;
  }

  commit(txn: Transaction): void {
    const groups = new Map<string, Change[]>();
    for (const w of txn.writes.values()) {
      const list = groups.get(w.collection) ?? [];
      list.push({ key: w.key, before: this.store.get(w.collection, w.key), after: w.after });
      groups.set(w.collection, list);
    }
    try {
      this.store.commitMany([...groups].map(([collection, changes]) => ({ collection, changes })));
    } catch (err) {
      this.finish(txn, 'aborted');
      throw err;
    }
    this.finish(txn, 'committed');
  }

  abort(txn: Transaction): void {
    this.finish(txn, 'aborted');
  }

  /** The transaction holding a lock on any of these documents, if one does. */
  blocker(collection: string, ids: unknown[]): Transaction | undefined {
    this.sweep();
    for (const id of ids) {
      const holder = this.locks.get(lockKey(collection, idKey(id)));
      if (holder) return holder;
    }
    return undefined;
  }
}
