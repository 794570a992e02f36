import Database from 'better-sqlite3';
import { Query, Aggregator } from 'mingo';
import { update as applyUpdate } from 'mingo/updater';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { EJSON } from 'bson';

/**
 * The local cloud's document database: MongoDB semantics evaluated by mingo over
 * documents kept durably in SQLite. Every collection is held in memory as well
 * (write-through), so reads never parse the whole table again.
 *
 * Only what @cloudbase/node-sdk sends for this project is supported; anything else
 * throws a LocalDbError naming the operation, so a gap shows up at once instead
 * of silently misbehaving.
 */
export type Doc = Record<string, unknown> & { _id: string };
export type Filter = Record<string, unknown>;
export type UpdateSpec = Record<string, Record<string, unknown>>;

export class LocalDbError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'LocalDbError';
  }
}

export interface FindOptions {
  sort?: Record<string, 1 | -1>;
  skip?: number;
  limit?: number;
  projection?: Record<string, unknown>;
}

export interface StoreOptions {
  /** SQLite file; ':memory:' keeps nothing after the process ends (tests). */
  file: string;
}

const SUPPORTED_UPDATE_OPERATORS = new Set(['$set', '$unset', '$inc', '$push', '$pull', '$addToSet', '$min', '$max', '$mul', '$pop', '$rename']);

export class DocumentStore {
  private readonly db: Database.Database;
  private readonly collections = new Map<string, Map<string, Doc>>();
  private readonly stmtUpsert: Database.Statement;
  private readonly stmtDelete: Database.Statement;

  constructor(options: StoreOptions) {
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY);
      CREATE TABLE IF NOT EXISTS documents (
        collection TEXT NOT NULL,
        id TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (collection, id)
      );
    `);
    this.stmtUpsert = this.db.prepare('INSERT OR REPLACE INTO documents (collection, id, body) VALUES (?, ?, ?)');
    this.stmtDelete = this.db.prepare('DELETE FROM documents WHERE collection = ? AND id = ?');
    this.load();
  }

  private load(): void {
    for (const row of this.db.prepare('SELECT name FROM collections').all() as { name: string }[]) {
      this.collections.set(row.name, new Map());
    }
    const rows = this.db.prepare('SELECT collection, id, body FROM documents').iterate() as Iterable<{
      collection: string;
      id: string;
      body: string;
    }>;
    for (const row of rows) {
      let coll = this.collections.get(row.collection);
      if (!coll) {
        coll = new Map();
        this.collections.set(row.collection, coll);
      }
      coll.set(row.id, EJSON.parse(row.body) as Doc);
    }
  }

  close(): void {
    this.db.close();
  }

  listCollections(): string[] {
    return [...this.collections.keys()].sort();
  }

  createCollection(name: string): boolean {
    if (this.collections.has(name)) return false;
    this.db.prepare('INSERT OR IGNORE INTO collections (name) VALUES (?)').run(name);
    this.collections.set(name, new Map());
    return true;
  }

  private coll(name: string): Map<string, Doc> {
    const existing = this.collections.get(name);
    if (existing) return existing;
    // CloudBase refuses operations on a collection that was never created.
    throw new LocalDbError('DATABASE_COLLECTION_NOT_EXIST', `collection "${name}" does not exist; run provisioning first`);
  }

  private persist(collection: string, doc: Doc): void {
    // EJSON keeps dates and other BSON types intact across a restart.
    this.stmtUpsert.run(collection, doc._id, EJSON.stringify(doc));
  }

  private matching(collection: string, filter: Filter): Doc[] {
    const docs = this.coll(collection);
    // Fast path: the SDK's doc(id) calls filter on _id alone.
    const keys = Object.keys(filter);
    if (keys.length === 1 && keys[0] === '_id' && typeof filter._id === 'string') {
      const one = docs.get(filter._id);
      return one ? [one] : [];
    }
    const query = new Query(filter);
    const out: Doc[] = [];
    for (const doc of docs.values()) if (query.test(doc)) out.push(doc);
    return out;
  }

  find(collection: string, filter: Filter, options: FindOptions = {}): Doc[] {
    let docs = this.matching(collection, filter);
    if (options.sort && Object.keys(options.sort).length > 0) {
      docs = new Aggregator([{ $sort: options.sort }]).run(docs) as Doc[];
    }
    const skip = options.skip ?? 0;
    const limit = options.limit ?? docs.length;
    docs = docs.slice(skip, skip + limit);
    if (options.projection && Object.keys(options.projection).length > 0) {
      return new Aggregator([{ $project: options.projection }]).run(docs) as Doc[];
    }
    return docs.map((d) => structuredClone(d));
  }

  count(collection: string, filter: Filter): number {
    return this.matching(collection, filter).length;
  }

  /** Inserts all or nothing: a duplicate _id fails the whole batch, like a unique index would. */
  insert(collection: string, docs: object[]): string[] {
    const coll = this.coll(collection);
    const prepared: Doc[] = (docs as Record<string, unknown>[]).map((d) => {
      const id = d._id === undefined ? newObjectIdLike() : d._id;
      if (typeof id !== 'string') throw new LocalDbError('DATABASE_REQUEST_FAILED', '_id must be a string');
      return { ...structuredClone(d), _id: id };
    });
    const seen = new Set<string>();
    for (const doc of prepared) {
      if (coll.has(doc._id) || seen.has(doc._id)) {
        throw new LocalDbError(
          'DATABASE_DUPLICATE_WRITE',
          `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: "${doc._id}" }`,
        );
      }
      seen.add(doc._id);
    }
    this.db.transaction(() => {
      for (const doc of prepared) this.persist(collection, doc);
    })();
    for (const doc of prepared) coll.set(doc._id, doc);
    return prepared.map((d) => d._id);
  }

  /**
   * Applies an update to the first (multi=false) or every matching document.
   * With merge=false the data replaces the document (doc().set()). Returns the
   * number of documents changed and, for upserts, the new id.
   */
  update(
    collection: string,
    filter: Filter,
    data: Record<string, unknown>,
    options: { multi: boolean; merge: boolean; upsert: boolean },
  ): { updated: number; upsertedId: string | null; docs: Doc[] } {
    const coll = this.coll(collection);
    const targets = this.matching(collection, filter);
    const chosen = options.multi ? targets : targets.slice(0, 1);

    if (chosen.length === 0) {
      if (!options.upsert) return { updated: 0, upsertedId: null, docs: [] };
      const id = typeof filter._id === 'string' ? filter._id : newObjectIdLike();
      const base: Doc = { _id: id };
      const created = options.merge ? this.applied(base, data) : { ...stripOperators(data), _id: id };
      this.db.transaction(() => this.persist(collection, created))();
      coll.set(id, created);
      return { updated: 0, upsertedId: id, docs: [created] };
    }

    const next = chosen.map((doc) =>
      options.merge ? this.applied(doc, data) : ({ ...stripOperators(data), _id: doc._id } as Doc),
    );
    this.db.transaction(() => {
      for (const doc of next) this.persist(collection, doc);
    })();
    for (const doc of next) coll.set(doc._id, doc);
    return { updated: next.length, upsertedId: null, docs: next.map((d) => structuredClone(d)) };
  }

  private applied(doc: Doc, data: Record<string, unknown>): Doc {
    const copy = structuredClone(doc);
    const operators = Object.keys(data);
    const plain = operators.filter((k) => !k.startsWith('$'));
    if (plain.length > 0) {
      // The SDK always sends operators when merging; plain keys mean a client bug.
      throw new LocalDbError('DATABASE_REQUEST_FAILED', `update with plain fields ${plain.join(', ')} is not supported`);
    }
    for (const op of operators) {
      if (!SUPPORTED_UPDATE_OPERATORS.has(op)) {
        throw new LocalDbError('DATABASE_REQUEST_FAILED', `update operator ${op} is not supported by the local cloud`);
      }
      const expr = data[op] as Record<string, unknown>;
      if ('_id' in expr) throw new LocalDbError('DATABASE_REQUEST_FAILED', '不能更新_id的值');
      for (const path of Object.keys(expr)) refuseFieldInsideScalar(copy, path);
      applyUpdate(copy, { [op]: expr } as never);
    }
    return copy;
  }

  remove(collection: string, filter: Filter, multi: boolean): number {
    const coll = this.coll(collection);
    const targets = this.matching(collection, filter);
    const chosen = multi ? targets : targets.slice(0, 1);
    this.db.transaction(() => {
      for (const doc of chosen) this.stmtDelete.run(collection, doc._id);
    })();
    for (const doc of chosen) coll.delete(doc._id);
    return chosen.length;
  }

  aggregate(collection: string, pipeline: Record<string, unknown>[]): Record<string, unknown>[] {
    const docs = [...this.coll(collection).values()];
    for (const stage of pipeline) {
      const op = Object.keys(stage)[0];
      if (op === '$lookup' || op === '$out' || op === '$merge' || op === '$geoNear') {
        throw new LocalDbError('DATABASE_REQUEST_FAILED', `aggregate stage ${op} is not supported by the local cloud`);
      }
    }
    return new Aggregator(pipeline).run(docs) as Record<string, unknown>[];
  }
}

/**
 * MongoDB refuses to create `a.b` when `a` holds null or a scalar ("Cannot create
 * field 'b' in element {a: null}"); mingo would quietly make `a` an object.
 */
function refuseFieldInsideScalar(doc: Record<string, unknown>, path: string): void {
  const parts = path.split('.');
  let node: unknown = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    if (node === undefined) return;
    const value = (node as Record<string, unknown>)[parts[i]!];
    if (value === undefined) return;
    if (value === null || typeof value !== 'object') {
      throw new LocalDbError('DATABASE_REQUEST_FAILED', `Cannot create field '${parts[i + 1]}' in element {${parts.slice(0, i + 1).join('.')}: ${JSON.stringify(value)}}`);
    }
    node = value;
  }
}

function stripOperators(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if (k.startsWith('$')) throw new LocalDbError('DATABASE_REQUEST_FAILED', 'update operator complicit');
    if (k !== '_id') out[k] = v;
  }
  return out;
}

/** 24 hex characters, like the ids CloudBase generates. */
function newObjectIdLike(): string {
  const time = Math.floor(Date.now() / 1000).toString(16).padStart(8, '0');
  return time + randomBytes(8).toString('hex');
}
