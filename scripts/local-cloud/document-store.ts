import Database from 'better-sqlite3';
import { EJSON } from 'bson';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { IndexSpec } from '../../shared/server/collections';
import { checkPipeline, project, runPipeline, sortDocuments } from './aggregation';
import { CODES, LocalDbError, checkStorable, cloneValue, idKey, isPlainObject, show } from './ejson-values';
import { compileFilter, equalityFields, leavesAt, type MatchContext } from './matcher';
import { applyUpdate, replacement, validateUpdate } from './updater';

export { LocalDbError } from './ejson-values';

/**
 * The local cloud's document database: MongoDB semantics (the ones CloudBase's
 * database inherits) over documents kept durably in SQLite and in memory
 * (write-through). Queries use ./matcher, updates ./updater, aggregation
 * ./aggregation; unique indexes are enforced from the declared specs. Every
 * committed write gets a sequence number, and the store keeps the before-images
 * open transactions still need for their snapshots (./transactions).
 *
 * Anything CloudBase offers that cannot run here throws a LocalDbError naming the
 * operation, so a gap shows up at once instead of silently misbehaving.
 */
export type Doc = Record<string, unknown> & { _id: string };
export type Filter = Record<string, unknown>;
export type UpdateSpec = Record<string, Record<string, unknown>>;

export interface FindOptions {
  sort?: Record<string, 1 | -1>;
  skip?: number;
  limit?: number;
  projection?: Record<string, unknown>;
}

export interface StoreOptions {
  /** SQLite file; ':memory:' keeps nothing after the process ends (tests). */
  file: string;
  /** The indexes declared for a collection (unique ones are enforced). */
  indexes?: (collection: string) => readonly IndexSpec[];
}

export interface UpdateOptions {
  multi: boolean;
  /** false: the data replaces the document (doc().set()). */
  merge: boolean;
  upsert: boolean;
}

export interface UpdateResult {
  updated: number;
  upsertedId: unknown | null;
  /** The documents after the update (or the upserted one). */
  docs: Doc[];
}

/** One committed change: the state of a document before and after. */
export interface Change {
  key: string;
  before: Doc | null;
  after: Doc | null;
}

export class DocumentStore {
  private readonly db: Database.Database;
  private readonly collections = new Map<string, Map<string, Doc>>();
  private readonly stmtUpsert: Database.Statement;
  private readonly stmtDelete: Database.Statement;
  private indexSource: (collection: string) => readonly IndexSpec[];
  /** Unique index contents per collection: index name → key → document keys. */
  private readonly uniqueMaps = new Map<string, Map<string, Map<string, Set<string>>>>();

  /** Sequence number of the last committed write. */
  private seq = 0;
  private readonly lastWrite = new Map<string, number>();
  /** Before-images of documents written since a still-open snapshot was taken. */
  private readonly history = new Map<string, { seq: number; before: Doc | null }[]>();
  /** Set by the transaction manager: is any snapshot still open? */
  snapshotsOpen: () => boolean = () => false;

  constructor(options: StoreOptions) {
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
    this.indexSource = options.indexes ?? (() => []);
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

  /** Where the declared indexes come from (DatabaseService passes shared/server/collections.ts). */
  useIndexes(source: (collection: string) => readonly IndexSpec[]): void {
    this.indexSource = source;
    this.uniqueMaps.clear();
  }

  private load(): void {
    for (const row of this.db.prepare('SELECT name FROM collections').all() as { name: string }[]) {
      this.collections.set(row.name, new Map());
    }
    const rows = this.db.prepare('SELECT collection, id, body FROM documents').iterate() as Iterable<{ collection: string; id: string; body: string }>;
    for (const row of rows) {
      let coll = this.collections.get(row.collection);
      if (!coll) {
        coll = new Map();
        this.collections.set(row.collection, coll);
      }
      coll.set(row.id, EJSON.parse(row.body, { relaxed: true }) as Doc);
    }
  }

  close(): void {
    this.db.close();
  }

  listCollections(): string[] {
    return [...this.collections.keys()].sort();
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name);
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
    // https://docs.cloudbase.net/en/error-code/basic (DATABASE_COLLECTION_NOT_EXIST)
    throw new LocalDbError(CODES.collectionMissing, `collection "${name}" does not exist; run provisioning first`);
  }

  // ---- reads ---------------------------------------------------------------

  /** The committed document with this `_id`, or null. */
  get(collection: string, id: unknown): Doc | null {
    return this.coll(collection).get(idKey(id)) ?? null;
  }

  /** The committed document as it was when sequence number `seq` was current (snapshot reads). */
  getAt(collection: string, id: unknown, seq: number): Doc | null {
    const key = idKey(id);
    const current = this.coll(collection).get(key) ?? null;
    if ((this.lastWrite.get(lockKey(collection, key)) ?? 0) <= seq) return current;
    const versions = this.history.get(lockKey(collection, key)) ?? [];
    const first = versions.find((v) => v.seq > seq);
    return first ? first.before : current;
  }

  get currentSeq(): number {
    return this.seq;
  }

  lastWriteSeq(collection: string, id: unknown): number {
    return this.lastWrite.get(lockKey(collection, idKey(id))) ?? 0;
  }

  /** Documents matching the filter, in natural (insertion) order, with the array position each matched at. */
  private matching(collection: string, filter: Filter): { doc: Doc; position?: number }[] {
    const docs = this.coll(collection);
    const keys = Object.keys(filter);
    if (keys.length === 1 && keys[0] === '_id' && (typeof filter._id === 'string' || typeof filter._id === 'number')) {
      const one = docs.get(idKey(filter._id));
      return one ? [{ doc: one }] : [];
    }
    const pred = compileFilter(filter);
    const out: { doc: Doc; position?: number }[] = [];
    for (const doc of docs.values()) {
      const ctx: MatchContext = {};
      if (pred(doc, ctx)) out.push({ doc, position: ctx.position });
    }
    return out;
  }

  find(collection: string, filter: Filter, options: FindOptions = {}): Doc[] {
    let docs = this.matching(collection, filter).map((m) => m.doc);
    if (options.sort && Object.keys(options.sort).length > 0) docs = sortDocuments(docs, options.sort);
    const skip = options.skip ?? 0;
    const limit = options.limit ?? docs.length;
    docs = docs.slice(skip, skip + limit);
    if (options.projection && Object.keys(options.projection).length > 0) return project(docs, options.projection) as Doc[];
    return docs.map((d) => cloneValue(d));
  }

  /** One document through a find() projection (an empty projection keeps every field). */
  projectOne(doc: Doc, projection: Record<string, unknown>): Doc[] {
    if (Object.keys(projection).length === 0) return [cloneValue(doc)];
    return project([doc], projection) as Doc[];
  }

  count(collection: string, filter: Filter): number {
    return this.matching(collection, filter).length;
  }

  /** Keys of the documents an update or remove would touch (for transaction locks). */
  targetIds(collection: string, filter: Filter, multi: boolean): unknown[] {
    const found = this.matching(collection, filter);
    return (multi ? found : found.slice(0, 1)).map((m) => m.doc._id);
  }

  /**
   * Runs a pipeline. A leading $match is evaluated first, with the same matcher,
   * before anything is copied: what an index does for MongoDB, it does for the
   * emulator's time (the answer is the same either way).
   */
  aggregate(collection: string, pipeline: Record<string, unknown>[]): Record<string, unknown>[] {
    const [first, ...rest] = pipeline;
    const leading = first && Object.keys(first).length === 1 && isPlainObject(first.$match) ? (first.$match as Filter) : null;
    if (leading) checkPipeline([first!]);
    const docs = leading ? this.matching(collection, leading).map((m) => m.doc) : [...this.coll(collection).values()];
    return runPipeline(docs, leading ? rest : pipeline, (name) => (this.collections.has(name) ? [...this.coll(name).values()] : []));
  }

  // ---- writes --------------------------------------------------------------

  /**
   * Inserts in order, as MongoDB's ordered insertMany does: a duplicate `_id` or
   * unique-index key stops the batch; the documents before it stay written.
   * https://www.mongodb.com/docs/manual/reference/method/db.collection.insertMany/#error-handling
   */
  insert(collection: string, docs: object[]): unknown[] {
    const coll = this.coll(collection);
    const changes: Change[] = [];
    const seen = new Set<string>();
    let failure: unknown = null;
    for (const raw of docs as Record<string, unknown>[]) {
      try {
        const doc = this.prepareInsert(raw);
        const key = idKey(doc._id);
        if (coll.has(key) || seen.has(key)) throw duplicateId(collection, doc._id);
        seen.add(key);
        changes.push({ key, before: null, after: doc });
      } catch (err) {
        failure = err;
        break;
      }
    }
    this.commitInOrder(collection, changes);
    if (failure) throw failure;
    return changes.map((c) => c.after!._id);
  }

  /**
   * Commits changes as one write when they can all be written, otherwise one by
   * one up to the first that breaks a unique index (which is thrown): MongoDB
   * writes a batch in order and stops at the first error.
   */
  private commitInOrder(collection: string, changes: Change[]): void {
    if (changes.length === 0) return;
    try {
      this.checkUnique(collection, changes);
    } catch {
      for (const c of changes) this.commit(collection, [c]);
      return;
    }
    this.commit(collection, changes);
  }

  /** A document ready to insert: copied, checked, with an `_id`. */
  prepareInsert(raw: Record<string, unknown>): Doc {
    if (!isPlainObject(raw)) throw new LocalDbError(CODES.invalidParam, 'a document must be an object');
    const doc = cloneValue(raw);
    if (doc._id === undefined) doc._id = newObjectIdLike();
    idKey(doc._id);
    const { _id, ...rest } = doc;
    checkStorable(rest);
    return { _id, ...rest } as Doc;
  }

  /**
   * Applies an update to the first (multi=false) or every matching document, one
   * document at a time as MongoDB does (a failure part-way leaves the earlier
   * documents updated). With merge=false the data replaces the document.
   */
  update(collection: string, filter: Filter, data: Record<string, unknown>, options: UpdateOptions): UpdateResult {
    this.coll(collection);
    const update = normaliseUpdate(data, options.merge);
    const found = this.matching(collection, filter);
    const chosen = options.multi ? found : found.slice(0, 1);

    if (chosen.length === 0) {
      if (!options.upsert) return { updated: 0, upsertedId: null, docs: [] };
      const created = this.upsertDocument(filter, update, options.merge);
      if (this.coll(collection).has(idKey(created._id))) throw duplicateId(collection, created._id);
      this.commit(collection, [{ key: idKey(created._id), before: null, after: created }]);
      return { updated: 0, upsertedId: created._id, docs: [cloneValue(created)] };
    }

    const changes: Change[] = [];
    const docs: Doc[] = [];
    let failure: unknown = null;
    for (const { doc, position } of chosen) {
      try {
        const next = this.updatedDocument(doc, update, options.merge, position);
        if (!sameDocument(doc, next)) changes.push({ key: idKey(doc._id), before: doc, after: next });
        docs.push(cloneValue(next));
      } catch (err) {
        failure = err;
        break;
      }
    }
    this.commitInOrder(collection, changes);
    if (failure) throw failure;
    return { updated: changes.length, upsertedId: null, docs };
  }

  /** The document after an update or replacement (not stored). */
  updatedDocument(doc: Doc, update: Record<string, unknown>, merge: boolean, position?: number): Doc {
    if (!merge) return { _id: doc._id, ...replacement(update) } as Doc;
    const copy = cloneValue(doc);
    applyUpdate(copy, update, { position });
    return copy;
  }

  /** The document an upsert creates: the filter's equality fields, then the update (or the replacement). */
  upsertDocument(filter: Filter, update: Record<string, unknown>, merge: boolean): Doc {
    const fromFilter = equalityFields(filter);
    const id = fromFilter._id ?? newObjectIdLike();
    idKey(id);
    if (!merge) return { _id: id, ...replacement(update) } as Doc;
    const base: Record<string, unknown> = {};
    for (const [path, value] of Object.entries(fromFilter)) {
      if (path !== '_id') applyUpdate(base, { $set: { [path]: value } });
    }
    applyUpdate(base, update);
    const { _id: _ignored, ...rest } = base;
    checkStorable(rest);
    return { _id: id, ...rest } as Doc;
  }

  remove(collection: string, filter: Filter, multi: boolean): number {
    const found = this.matching(collection, filter);
    const chosen = multi ? found : found.slice(0, 1);
    this.commitInOrder(
      collection,
      chosen.map(({ doc }) => ({ key: idKey(doc._id), before: doc, after: null })),
    );
    return chosen.length;
  }

  /**
   * Writes changes atomically (one SQLite transaction, one sequence number),
   * after checking unique indexes. Every write goes through here.
   */
  commit(collection: string, changes: Change[]): void {
    this.commitMany([{ collection, changes }]);
  }

  /** Several collections' changes as one atomic write (a transaction's commit). */
  commitMany(groups: { collection: string; changes: Change[] }[]): void {
    for (const g of groups) {
      this.coll(g.collection);
      this.checkUnique(g.collection, g.changes);
    }
    this.db.transaction(() => {
      for (const g of groups) {
        for (const c of g.changes) {
          if (c.after) this.stmtUpsert.run(g.collection, c.key, EJSON.stringify(c.after, { relaxed: false }));
          else this.stmtDelete.run(g.collection, c.key);
        }
      }
    })();
    this.seq += 1;
    const keepHistory = this.snapshotsOpen();
    if (!keepHistory) this.history.clear();
    for (const g of groups) {
      const coll = this.coll(g.collection);
      for (const c of g.changes) {
        const lk = lockKey(g.collection, c.key);
        if (keepHistory) {
          const list = this.history.get(lk) ?? [];
          list.push({ seq: this.seq, before: c.before });
          this.history.set(lk, list);
        }
        this.lastWrite.set(lk, this.seq);
        if (c.after) coll.set(c.key, c.after);
        else coll.delete(c.key);
        this.indexChange(g.collection, c);
      }
    }
  }

  // ---- unique indexes ------------------------------------------------------

  private uniqueIndexes(collection: string): IndexSpec[] {
    return this.indexSource(collection).filter((i) => i.unique);
  }

  private uniqueMap(collection: string): Map<string, Map<string, Set<string>>> {
    let maps = this.uniqueMaps.get(collection);
    if (maps) return maps;
    maps = new Map();
    for (const index of this.uniqueIndexes(collection)) {
      const map = new Map<string, Set<string>>();
      for (const [key, doc] of this.coll(collection)) for (const k of indexKeys(doc, index)) addTo(map, k, key);
      maps.set(index.name, map);
    }
    this.uniqueMaps.set(collection, maps);
    return maps;
  }

  /** Throws DATABASE_DUPLICATE_WRITE if the changes would break a unique index. */
  checkUnique(collection: string, changes: Change[]): void {
    const indexes = this.uniqueIndexes(collection);
    if (indexes.length === 0) return;
    const maps = this.uniqueMap(collection);
    const changing = new Set(changes.map((c) => c.key));
    for (const index of indexes) {
      const map = maps.get(index.name)!;
      const claimed = new Map<string, string>();
      for (const c of changes) {
        if (!c.after) continue;
        for (const k of indexKeys(c.after, index)) {
          const holders = [...(map.get(k) ?? [])].filter((h) => h !== c.key && !changing.has(h));
          const other = claimed.get(k);
          if (holders.length > 0 || (other !== undefined && other !== c.key)) {
            const fields = Object.keys(index.keys)
              .map((f) => `${f}: ${show(firstValue(c.after, f))}`)
              .join(', ');
            throw new LocalDbError(CODES.duplicate, `E11000 duplicate key error collection: ${collection} index: ${index.name} dup key: { ${fields} }`);
          }
          claimed.set(k, c.key);
        }
      }
    }
  }

  private indexChange(collection: string, c: Change): void {
    const maps = this.uniqueMaps.get(collection);
    if (!maps) return;
    for (const index of this.uniqueIndexes(collection)) {
      const map = maps.get(index.name);
      if (!map) continue;
      if (c.before) for (const k of indexKeys(c.before, index)) map.get(k)?.delete(c.key);
      if (c.after) for (const k of indexKeys(c.after, index)) addTo(map, k, c.key);
    }
  }
}

/** Update data as the SDK sends it: operators, or (merge=false) a replacement. */
function normaliseUpdate(data: Record<string, unknown>, merge: boolean): Record<string, unknown> {
  if (!merge) return data;
  const keys = Object.keys(data);
  if (keys.length > 0 && keys.every((k) => !k.startsWith('$'))) {
    // "When replaceMode is false (default) and data does not contain update operators,
    // it will be automatically wrapped with $set." https://docs.cloudbase.net/en/http-api/nosql/update-documents
    return { $set: data };
  }
  validateUpdate(data);
  return data;
}

function sameDocument(a: Doc, b: Doc): boolean {
  return EJSON.stringify(a, { relaxed: false }) === EJSON.stringify(b, { relaxed: false });
}

export function lockKey(collection: string, key: string): string {
  return `${collection}\u0000${key}`;
}

export function duplicateId(collection: string, id: unknown): LocalDbError {
  return new LocalDbError(CODES.duplicate, `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: ${show(id)} }`);
}

function addTo(map: Map<string, Set<string>>, k: string, docKey: string): void {
  const set = map.get(k) ?? new Set<string>();
  set.add(docKey);
  map.set(k, set);
}

function firstValue(doc: unknown, path: string): unknown {
  const v = leavesAt(doc, path)[0]?.value;
  return v === undefined ? null : v;
}

/**
 * The keys a document has in an index: a missing field indexes as null (so a
 * unique index admits one document without the field); an array field is
 * multikey, one key per element.
 * https://www.mongodb.com/docs/manual/core/index-unique/#missing-document-field-in-a-unique-single-field-index
 */
function indexKeys(doc: unknown, index: IndexSpec): string[] {
  let tuples: unknown[][] = [[]];
  for (const field of Object.keys(index.keys)) {
    const values: unknown[] = [];
    for (const leaf of leavesAt(doc, field)) {
      if (Array.isArray(leaf.value)) values.push(...(leaf.value.length ? leaf.value : [undefined]));
      else values.push(leaf.value);
    }
    const distinct = values.length ? values : [undefined];
    tuples = tuples.flatMap((t) => distinct.map((v) => [...t, v === undefined ? null : v]));
  }
  return [...new Set(tuples.map((t) => canonical(t)))];
}

/** A string equal for values MongoDB considers equal (1 and 1.0 alike). */
function canonical(v: unknown): string {
  return EJSON.stringify(v as never, { relaxed: true });
}

/** 24 hex characters, like the ids CloudBase generates. */
export function newObjectIdLike(): string {
  const time = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0');
  return time + randomBytes(8).toString('hex');
}
