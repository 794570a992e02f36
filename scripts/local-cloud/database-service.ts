import { EJSON } from 'bson';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ALL_COLLECTIONS } from '../../shared/server/collections';
import { DocumentStore, LocalDbError, type Doc, type Filter } from './document-store';
import { planQuery } from './query-plan';

/**
 * Speaks the HTTP protocol that @cloudbase/node-sdk uses for its database
 * (POST /admin with `{action: "database.*", collectionName, query, data, ...}`,
 * EJSON strings inside), so cloud functions run unchanged against the local
 * cloud. Counts every request, which the benchmark reads.
 */
export interface DbRequestStats {
  total: number;
  byAction: Record<string, number>;
  byCollection: Record<string, number>;
  /** Documents returned to the caller (reads) or written (writes). */
  documents: number;
  /** Queries no declared index serves (shared/server/collections.ts): each would scan a collection. */
  unindexed: { action: string; collection: string; fields: string[] }[];
}

type Params = Record<string, unknown> & { action: string; collectionName?: string };

const SPECS = new Map(ALL_COLLECTIONS.map((spec) => [spec.name, spec]));
const FILTERED_ACTIONS = new Set([
  'database.getDocument',
  'database.calculateDocument',
  'database.modifyDocument',
  'database.modifyAndReturnDoc',
  'database.removeDocument',
]);

function emptyStats(): DbRequestStats {
  return { total: 0, byAction: {}, byCollection: {}, documents: 0, unindexed: [] };
}

function parseEjson<T>(value: unknown, fallback: T): T {
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value !== 'string') throw new LocalDbError('INVALID_PARAM', 'EJSON field must be a string');
  return EJSON.parse(value) as T;
}

function stringify(doc: unknown): string {
  return EJSON.stringify(doc as Parameters<typeof EJSON.stringify>[0], { relaxed: false });
}

export class DatabaseService {
  private counters = emptyStats();

  constructor(readonly store: DocumentStore) {}

  stats(): DbRequestStats {
    return structuredClone(this.counters);
  }

  resetStats(): void {
    this.counters = emptyStats();
  }

  /** Executes one SDK request; returns the body the SDK expects. */
  execute(params: Params): Record<string, unknown> {
    const requestId = randomUUID();
    try {
      const data = this.dispatch(params);
      return { requestId, data };
    } catch (err) {
      if (err instanceof LocalDbError) return { requestId, code: err.code, message: err.message };
      const message = err instanceof Error ? err.message : String(err);
      return { requestId, code: 'DATABASE_REQUEST_FAILED', message };
    }
  }

  private count(params: Params, documents: number): void {
    this.counters.total += 1;
    this.counters.byAction[params.action] = (this.counters.byAction[params.action] ?? 0) + 1;
    const coll = params.collectionName ?? '-';
    this.counters.byCollection[coll] = (this.counters.byCollection[coll] ?? 0) + 1;
    this.counters.documents += documents;
  }

  private checkIndexed(params: Params, filter: Filter): void {
    const collection = params.collectionName ?? '';
    const plan = planQuery(SPECS.get(collection), filter);
    if (!plan.indexed) this.counters.unindexed.push({ action: params.action, collection, fields: Object.keys(filter) });
  }

  private dispatch(params: Params): Record<string, unknown> {
    const { action } = params;
    if (FILTERED_ACTIONS.has(action)) this.checkIndexed(params, parseEjson<Filter>(params.query, {}));
    if (params.transactionId) {
      throw new LocalDbError('DATABASE_REQUEST_FAILED', `${action} inside a transaction is not supported by the local cloud`);
    }
    const collection = params.collectionName ?? '';
    switch (action) {
      case 'database.addCollection': {
        this.store.createCollection(collection);
        this.count(params, 0);
        return {};
      }
      case 'database.getDocument': {
        const filter = parseEjson<Filter>(params.query, {});
        const sort = parseEjson<Record<string, 1 | -1>>(params.order, {});
        const projection = parseEjson<Record<string, unknown>>(params.projection, {});
        const list = this.store.find(collection, filter, {
          sort,
          projection,
          skip: typeof params.offset === 'number' ? params.offset : 0,
          limit: typeof params.limit === 'number' ? params.limit : 100,
        });
        this.count(params, list.length);
        return { list: list.map(stringify), limit: params.limit, offset: params.offset };
      }
      case 'database.calculateDocument': {
        const total = this.store.count(collection, parseEjson<Filter>(params.query, {}));
        this.count(params, 0);
        return { total };
      }
      case 'database.insertDocument': {
        const raw = Array.isArray(params.data) ? params.data : [];
        const docs = raw.map((d) => parseEjson<Record<string, unknown>>(d, {}));
        const insertedIds = this.store.insert(collection, docs);
        this.count(params, insertedIds.length);
        return { insertedIds };
      }
      case 'database.modifyDocument': {
        const filter = parseEjson<Filter>(params.query, {});
        const result = this.store.update(collection, filter, parseEjson(params.data, {}), {
          multi: params.multi === true,
          merge: params.merge !== false,
          upsert: params.upsert === true,
        });
        this.count(params, result.updated);
        return { updated: result.updated, upsert_id: result.upsertedId ?? undefined };
      }
      case 'database.modifyAndReturnDoc': {
        const filter = parseEjson<Filter>(params.query, {});
        const result = this.store.update(collection, filter, parseEjson(params.data, {}), {
          multi: false,
          merge: true,
          upsert: false,
        });
        this.count(params, result.updated);
        const doc: Doc | undefined = result.docs[0];
        return { updated: result.updated, doc: doc ? stringify(doc) : undefined };
      }
      case 'database.removeDocument': {
        const deleted = this.store.remove(collection, parseEjson<Filter>(params.query, {}), params.multi === true);
        this.count(params, deleted);
        return { deleted };
      }
      case 'database.aggregateDocuments': {
        const stages = Array.isArray(params.stages) ? (params.stages as { stageKey: string; stageValue: string }[]) : [];
        const pipeline = stages.map((s) => ({ [s.stageKey]: EJSON.parse(s.stageValue) }));
        const list = this.store.aggregate(collection, pipeline);
        this.count(params, list.length);
        return { list: list.map(stringify) };
      }
      default:
        throw new LocalDbError('DATABASE_REQUEST_FAILED', `${action} is not supported by the local cloud`);
    }
  }

  /** Node http handler for POST /admin. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    let params: Params;
    try {
      params = JSON.parse(body) as Params;
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'INVALID_PARAM', message: 'body must be JSON' }));
      return;
    }
    const result = this.execute(params);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
  }
}

export async function readBody(req: IncomingMessage, limitBytes = 2 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
