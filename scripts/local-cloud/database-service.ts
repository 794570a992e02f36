import { EJSON } from 'bson';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ALL_COLLECTIONS } from '../../shared/server/collections';
import { DocumentStore, type Doc, type Filter } from './document-store';
import { CODES, LocalDbError, isPlainObject, resolveServerDates, unsupported } from './ejson-values';
import { equalityFields } from './matcher';
import { planQuery } from './query-plan';
import { TransactionManager, type Transaction } from './transactions';
import { StorageService } from './storage-service';

/**
 * Speaks the HTTP protocol that @cloudbase/node-sdk uses for its database
 * (POST /admin with `{action: "database.*", collectionName, query, data, ...}`,
 * EJSON strings inside), so cloud functions run unchanged against the local
 * cloud. Answers as CloudBase does or refuses by name (see
 * docs/decisions/0001-local-cloud-speaks-the-sdk-protocol.md and tests/conformance/).
 *
 * Counts every request, which the benchmark reads. Requests on the `outbox`
 * collection are the local stand-in for WeChat's send API, not database requests
 * in the cloud: they are counted as `sends` only.
 */
export interface DbRequestStats {
  total: number;
  byAction: Record<string, number>;
  byCollection: Record<string, number>;
  /** Documents returned to the caller (reads) or written (writes). */
  documents: number;
  /** Queries no declared index serves (shared/server/collections.ts): each would scan a collection. */
  unindexed: { action: string; collection: string; fields: string[] }[];
  /** Requests on the outbox collection (the local stand-in for WeChat's send API). */
  sends: number;
  /**
   * Database round trips: how many times the number of database requests in
   * flight rose from 0 to 1. Requests a caller sends in parallel overlap and
   * count as one round (give the service a latencyMs so that they do overlap).
   */
  rounds: number;
}

export interface DatabaseServiceOptions {
  /** The server's clock: db.serverDate() and transaction expiry. Default Date.now. */
  now?: () => number;
  /** Artificial latency before each response, in ms. Default 0. */
  latencyMs?: number;
  /** CloudBase storage (`storage.*` requests on the same endpoint); an in-memory one when not given. */
  storage?: StorageService;
}

type Params = Record<string, unknown> & { action: string; collectionName?: string };

/** The collection that stands in for WeChat's send API (shared/server/collections.ts). */
const SEND_COLLECTION = 'outbox';
const SPECS = new Map(ALL_COLLECTIONS.map((spec) => [spec.name, spec]));
const FILTERED_ACTIONS = new Set([
  'database.getDocument',
  'database.calculateDocument',
  'database.modifyDocument',
  'database.modifyAndReturnDoc',
  'database.removeDocument',
]);
/** The SDK's Query.get default and maximum (query.js: `limit < 1000 ? limit : 1000`, else 100). */
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

function emptyStats(): DbRequestStats {
  return { total: 0, byAction: {}, byCollection: {}, documents: 0, unindexed: [], sends: 0, rounds: 0 };
}

function stringify(doc: unknown): string {
  return EJSON.stringify(doc as Parameters<typeof EJSON.stringify>[0], { relaxed: false });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export class DatabaseService {
  private counters = emptyStats();
  private inFlight = 0;
  private now: () => number;
  private latencyMs: number;
  readonly transactions: TransactionManager;
  /** Storage requests arrive on the same endpoint as the database's; they are not counted as database requests. */
  readonly storage: StorageService;

  constructor(
    readonly store: DocumentStore,
    options: DatabaseServiceOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.latencyMs = options.latencyMs ?? 0;
    this.storage = options.storage ?? new StorageService(':memory:');
    this.storage.useClock(() => this.now());
    store.useIndexes((name) => SPECS.get(name)?.indexes ?? []);
    this.transactions = new TransactionManager(store, () => this.now());
  }

  /** Points the server clock somewhere else (local-cloud.ts: the DevClock). */
  useClock(now: () => number): void {
    this.now = now;
  }

  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  stats(): DbRequestStats {
    return structuredClone(this.counters);
  }

  resetStats(): void {
    this.counters = emptyStats();
  }

  /** Executes one SDK request; returns the body the SDK expects. */
  async execute(params: Params): Promise<Record<string, unknown>> {
    const requestId = randomUUID();
    try {
      const body = isStorage(params) ? this.storage.execute(params) : await this.dispatch(params);
      return { requestId, ...body };
    } catch (err) {
      if (err instanceof LocalDbError) return { requestId, code: err.code, message: err.message };
      const message = err instanceof Error ? err.message : String(err);
      return { requestId, code: CODES.failed, message };
    }
  }

  private isSend(params: Params): boolean {
    return params.collectionName === SEND_COLLECTION;
  }

  private count(params: Params, documents: number): void {
    if (this.isSend(params)) return;
    this.counters.documents += documents;
  }

  private countRequest(params: Params): void {
    if (this.isSend(params)) {
      this.counters.sends += 1;
      return;
    }
    this.counters.total += 1;
    this.counters.byAction[params.action] = (this.counters.byAction[params.action] ?? 0) + 1;
    const coll = params.collectionName ?? '-';
    this.counters.byCollection[coll] = (this.counters.byCollection[coll] ?? 0) + 1;
  }

  private checkIndexed(params: Params, filter: Filter): void {
    if (this.isSend(params)) return;
    const collection = params.collectionName ?? '';
    const plan = planQuery(SPECS.get(collection), filter);
    if (!plan.indexed) this.counters.unindexed.push({ action: params.action, collection, fields: Object.keys(filter) });
  }

  /** An EJSON string from the SDK, with db.serverDate() markers resolved at the server's clock. */
  private parse<T>(value: unknown, fallback: T): T {
    if (value === undefined || value === null || value === '') return fallback;
    if (typeof value !== 'string') throw new LocalDbError(CODES.invalidParam, 'EJSON field must be a string');
    return resolveServerDates(EJSON.parse(value, { relaxed: true }) as T, this.now());
  }

  /**
   * A write's query. `collection.update()` / `.remove()` without `where` send
   * none, and CloudBase refuses: "param.query can't be empty"
   * (https://docs.cloudbase.net/en/http-api/nosql/update-documents).
   */
  private writeQuery(params: Params): Filter {
    if (params.query === undefined || params.query === null || params.query === '') {
      throw new LocalDbError(CODES.invalidParam, "param.query can't be empty");
    }
    const filter = this.parse<Filter>(params.query, {});
    if (!isPlainObject(filter)) throw new LocalDbError(CODES.invalidParam, 'param.query must be an object');
    return filter;
  }

  /** Waits while a transaction holds a lock on any document this write touches. */
  private async waitForLocks(collection: string, ids: () => unknown[]): Promise<void> {
    for (;;) {
      const blocker = this.transactions.blocker(collection, ids());
      if (!blocker) return;
      await blocker.ended;
    }
  }

  private transaction(params: Params): Transaction | null {
    if (params.transactionId === undefined || params.transactionId === null || params.transactionId === '') return null;
    return this.transactions.get(params.transactionId);
  }

  /** Inside a transaction only single-document operations are offered. */
  private singleDocument(params: Params, txn: Transaction): unknown {
    const filter = params.query === undefined ? {} : this.parse<Filter>(params.query, {});
    const keys = Object.keys(filter);
    if (params.queryType === 'WHERE' || keys.length !== 1 || keys[0] !== '_id' || isPlainObject(filter._id)) {
      this.transactions.abort(txn);
      throw new LocalDbError(
        CODES.invalidOperator,
        `${params.action} with a where query inside a transaction is not offered by CloudBase: 在事务中不支持批量操作（where 语句），只支持单记录操作（collection.doc, collection.add）`,
      );
    }
    return filter._id;
  }

  private async dispatch(params: Params): Promise<Record<string, unknown>> {
    const { action } = params;
    this.countRequest(params);
    this.transactions.sweep();
    // A read without `where` scans the collection; a write without one is refused below.
    const readAll = action === 'database.getDocument' || action === 'database.calculateDocument';
    if (FILTERED_ACTIONS.has(action) && (params.query || readAll)) this.checkIndexed(params, this.parse<Filter>(params.query, {}));
    const collection = params.collectionName ?? '';
    const txn = this.transaction(params);
    switch (action) {
      case 'database.addCollection': {
        this.store.createCollection(collection);
        return { data: {} };
      }
      case 'database.getDocument': {
        const projection = this.parse<Record<string, unknown>>(params.projection, {});
        if (txn) {
          const id = this.singleDocument(params, txn);
          const list = this.transactions.run(txn, () => {
            const doc = this.transactions.read(txn, collection, id);
            return doc ? this.store.projectOne(doc, projection) : [];
          });
          this.count(params, list.length);
          return { data: { list: list.map(stringify) } };
        }
        const filter = this.parse<Filter>(params.query, {});
        const sort = this.parse<Record<string, 1 | -1>>(params.order, {});
        const limit = typeof params.limit === 'number' ? Math.min(params.limit, MAX_LIMIT) : DEFAULT_LIMIT;
        const list = this.store.find(collection, filter, {
          sort,
          projection,
          skip: typeof params.offset === 'number' ? params.offset : 0,
          limit,
        });
        this.count(params, list.length);
        return { data: { list: list.map(stringify), limit: params.limit, offset: params.offset } };
      }
      case 'database.calculateDocument': {
        if (txn) throw new LocalDbError(CODES.invalidOperator, 'count inside a transaction is not offered by CloudBase');
        const total = this.store.count(collection, this.parse<Filter>(params.query, {}));
        return { data: { total } };
      }
      case 'database.insertDocument': {
        const raw = Array.isArray(params.data) ? params.data : [];
        const docs = raw.map((d) => this.parse<Record<string, unknown>>(d, {}));
        if (txn) {
          if (docs.length !== 1) {
            this.transactions.abort(txn);
            throw new LocalDbError(CODES.invalidOperator, 'adding several documents at once inside a transaction is not offered by CloudBase (只支持单记录操作)');
          }
          const id = this.transactions.run(txn, () => this.transactions.insert(txn, collection, docs[0]!));
          this.count(params, 1);
          return { data: { insertedIds: [id] } };
        }
        await this.waitForLocks(collection, () => docs.map((d) => d._id).filter((id) => id !== undefined));
        const insertedIds = this.store.insert(collection, docs);
        this.count(params, insertedIds.length);
        return { data: { insertedIds } };
      }
      case 'database.modifyDocument': {
        const filter = this.writeQuery(params);
        const data = this.parse<Record<string, unknown>>(params.data, {});
        const options = { multi: params.multi === true, merge: params.merge !== false, upsert: params.upsert === true };
        if (txn) {
          const id = this.singleDocument(params, txn);
          const result = this.transactions.run(txn, () => this.updateInTransaction(txn, collection, id, data, options.merge, options.upsert));
          this.count(params, result.updated + (result.upsertedId === null ? 0 : 1));
          return { data: { updated: result.updated, upsert_id: result.upsertedId ?? undefined } };
        }
        await this.waitForLocks(collection, () => this.writeTargets(collection, filter, options.multi, options.upsert));
        const result = this.store.update(collection, filter, data, options);
        this.count(params, result.updated + (result.upsertedId === null ? 0 : 1));
        return { data: { updated: result.updated, upsert_id: result.upsertedId ?? undefined } };
      }
      case 'database.modifyAndReturnDoc': {
        const filter = this.writeQuery(params);
        if (txn) this.singleDocument({ ...params, queryType: 'WHERE' }, txn);
        const data = this.parse<Record<string, unknown>>(params.data, {});
        await this.waitForLocks(collection, () => this.writeTargets(collection, filter, false, false));
        const result = this.store.update(collection, filter, data, { multi: false, merge: true, upsert: false });
        this.count(params, result.docs.length);
        const doc: Doc | undefined = result.docs[0];
        // CloudBase answers `doc: null` when nothing matched (the SDK passes it through).
        return { data: { updated: result.updated, doc: doc ? stringify(doc) : null } };
      }
      case 'database.removeDocument': {
        const filter = this.writeQuery(params);
        if (txn) {
          const id = this.singleDocument(params, txn);
          const deleted = this.transactions.run(txn, () => this.removeInTransaction(txn, collection, id));
          this.count(params, deleted);
          return { data: { deleted } };
        }
        const multi = params.multi === true;
        await this.waitForLocks(collection, () => this.writeTargets(collection, filter, multi, false));
        const deleted = this.store.remove(collection, filter, multi);
        this.count(params, deleted);
        return { data: { deleted } };
      }
      case 'database.aggregateDocuments': {
        if (txn) throw new LocalDbError(CODES.invalidOperator, 'aggregate inside a transaction is not offered by CloudBase');
        const stages = Array.isArray(params.stages) ? (params.stages as { stageKey: string; stageValue: string }[]) : [];
        const pipeline = stages.map((s) => ({ [s.stageKey]: resolveServerDates(EJSON.parse(s.stageValue, { relaxed: true }), this.now()) }));
        // An aggregation reads what its first $match selects: that match must be served by an index, as a query's filter is.
        const first = pipeline[0];
        if (first && isPlainObject(first.$match)) this.checkIndexed(params, first.$match as Filter);
        else this.checkIndexed(params, {});
        const list = this.store.aggregate(collection, pipeline);
        this.count(params, list.length);
        return { data: { list: list.map(stringify) } };
      }
      // ---- transactions (@cloudbase/database transaction/index.js) ----
      case 'database.startTransaction':
        return { transactionId: this.transactions.start() };
      case 'database.commitTransaction': {
        const t = this.transactions.get(params.transactionId);
        this.transactions.commit(t);
        return {};
      }
      case 'database.abortTransaction': {
        const t = this.transactions.get(params.transactionId);
        this.transactions.abort(t);
        return {};
      }
      // ---- the older transaction API (@cloudbase/database transaction.js): top-level EJSON strings ----
      case 'database.getInTransaction': {
        const t = this.transactions.get(params.transactionId);
        const doc = this.transactions.run(t, () => this.transactions.read(t, collection, params._id));
        this.count(params, doc ? 1 : 0);
        return { data: stringify(doc) };
      }
      case 'database.updateDocInTransaction': {
        const t = this.transactions.get(params.transactionId);
        const data = this.parse<Record<string, unknown>>(params.data, {});
        const merge = Object.keys(data).some((k) => k.startsWith('$'));
        const result = this.transactions.run(t, () => this.updateInTransaction(t, collection, params._id, data, merge, params.upsert === true));
        this.count(params, result.updated + (result.upsertedId === null ? 0 : 1));
        return {
          updated: stringify(result.updated),
          upserted: result.upsertedId === null ? null : JSON.stringify([{ _id: result.upsertedId }]),
        };
      }
      case 'database.deleteDocInTransaction': {
        const t = this.transactions.get(params.transactionId);
        const deleted = this.transactions.run(t, () => this.removeInTransaction(t, collection, params._id));
        this.count(params, deleted);
        return { deleted: stringify(deleted) };
      }
      default:
        throw unsupported(`the request ${action}`);
    }
  }

  /** The documents a non-transactional write would touch (and an upsert's new id). */
  private writeTargets(collection: string, filter: Filter, multi: boolean, upsert: boolean): unknown[] {
    const ids = this.store.targetIds(collection, filter, multi);
    if (ids.length === 0 && upsert) {
      const id = equalityFields(filter)._id;
      if (typeof id === 'string' || typeof id === 'number') ids.push(id);
    }
    return ids;
  }

  private updateInTransaction(
    txn: Transaction,
    collection: string,
    id: unknown,
    data: Record<string, unknown>,
    merge: boolean,
    upsert: boolean,
  ): { updated: number; upsertedId: unknown | null } {
    const current = this.transactions.read(txn, collection, id);
    const update = merge && Object.keys(data).every((k) => !k.startsWith('$')) ? { $set: data } : data;
    if (!current) {
      if (!upsert) return { updated: 0, upsertedId: null };
      const created = this.store.upsertDocument({ _id: id }, update, merge);
      this.transactions.write(txn, collection, id, created);
      return { updated: 0, upsertedId: id };
    }
    const next = this.store.updatedDocument(current as Doc, update, merge);
    if (stringify(next) === stringify(current)) return { updated: 0, upsertedId: null };
    this.transactions.write(txn, collection, id, next);
    return { updated: 1, upsertedId: null };
  }

  private removeInTransaction(txn: Transaction, collection: string, id: unknown): number {
    const current = this.transactions.read(txn, collection, id);
    if (!current) return 0;
    this.transactions.write(txn, collection, id, null);
    return 1;
  }

  /** Node http handler for POST /admin. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    let params: Params;
    try {
      params = JSON.parse(body) as Params;
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ code: CODES.invalidParam, message: 'body must be JSON' }));
      return;
    }
    const round = !this.isSend(params) && !isStorage(params);
    if (round) {
      this.inFlight += 1;
      if (this.inFlight === 1) this.counters.rounds += 1;
    }
    try {
      const result = await this.execute(params);
      if (this.latencyMs > 0) await sleep(this.latencyMs);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    } finally {
      if (round) this.inFlight -= 1;
    }
  }
}

function isStorage(params: Params): boolean {
  return typeof params.action === 'string' && params.action.startsWith('storage.');
}

export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`request body larger than ${limitBytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * Reads a request body up to `limitBytes`. A larger one is read to its end and
 * thrown away (so the caller can still answer with a clear error instead of the
 * client seeing its connection reset), unless it is absurdly large.
 */
export async function readBody(req: IncomingMessage, limitBytes = 2 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes * 16) {
      req.destroy();
      break;
    }
    if (size <= limitBytes) chunks.push(chunk as Buffer);
  }
  if (size > limitBytes) throw new BodyTooLargeError(limitBytes);
  return Buffer.concat(chunks).toString('utf8');
}
