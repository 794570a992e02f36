import { ALL_COLLECTIONS, type CollectionSpec, type IndexSpec } from '../shared/server/collections';
import type { Database } from '../shared/server/adapters/cloudbase';

/**
 * Collections and indexes, as declared in shared/server/collections.ts.
 *
 * - `provisionCollections(db)`: collections through the CloudBase SDK (the
 *   local cloud and the tests use this).
 * - `npm run provision`: a CloudBase environment, through
 *   @cloudbase/manager-node (the library the CloudBase CLI deploys with):
 *   creates missing collections, then missing indexes. Idempotent; never drops
 *   anything: an index that exists with other keys is reported, not replaced.
 *
 *   QNZS_ENV_ID=… TENCENTCLOUD_SECRETID=… TENCENTCLOUD_SECRETKEY=… npm run provision
 *
 *   The variables may also come from the project's `.env` (read the way the
 *   CloudBase CLI reads it: `.env`, `.env.local`, `.env.<--mode>`); the shell
 *   environment wins, as it does for the CLI.
 */
export async function provisionCollections(db: Database): Promise<string[]> {
  const created: string[] = [];
  for (const spec of ALL_COLLECTIONS) {
    try {
      await db.createCollection(spec.name);
      created.push(spec.name);
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (!/ALREADY_EXIST/i.test(code) && !/already exist/i.test(String((err as Error).message))) throw err;
    }
  }
  return created;
}

/** An index as CloudBase's UpdateTable takes it (tcb 2018-06-08, CreateIndex). */
export interface CreateIndexRequest {
  IndexName: string;
  MgoKeySchema: { MgoIndexKeys: { Name: string; Direction: string }[]; MgoIsUnique: boolean };
}

/** An index as CloudBase's DescribeTable reports it. */
export interface ExistingIndex {
  Name: string;
  Keys?: { Name?: string; Direction?: string }[];
  Unique?: boolean;
}

/**
 * The part of @cloudbase/manager-node's `DatabaseService` (4.10.6, the version
 * @cloudbase/cli 2.12.10 bundles) that provisioning uses.
 */
export interface CollectionManager {
  createCollectionIfNotExists(name: string): Promise<{ IsCreated: boolean }>;
  describeCollection(name: string): Promise<{ Indexes?: ExistingIndex[] }>;
  updateCollection(name: string, indexes: { CreateIndexes: CreateIndexRequest[] }): Promise<unknown>;
}

export interface ProvisionReport {
  createdCollections: string[];
  /** `collection.index` */
  createdIndexes: string[];
  alreadyThere: string[];
  /** Declared indexes whose name exists with other keys or uniqueness: left as they are. */
  conflicts: string[];
  /** Indexes in CloudBase that collections.ts does not declare: left as they are. */
  undeclared: string[];
}

export function toCreateIndex(index: IndexSpec): CreateIndexRequest {
  return {
    IndexName: index.name,
    MgoKeySchema: {
      MgoIndexKeys: Object.entries(index.keys).map(([Name, direction]) => ({ Name, Direction: String(direction) })),
      MgoIsUnique: index.unique === true,
    },
  };
}

function describeKeys(keys: { Name?: string; Direction?: string }[]): string {
  return keys.map((k) => `${k.Name}:${k.Direction}`).join(',');
}

function sameIndex(declared: CreateIndexRequest, existing: ExistingIndex): boolean {
  return (
    describeKeys(declared.MgoKeySchema.MgoIndexKeys) === describeKeys(existing.Keys ?? []) &&
    declared.MgoKeySchema.MgoIsUnique === (existing.Unique === true)
  );
}

export async function provisionCloudBase(
  db: CollectionManager,
  specs: CollectionSpec[] = ALL_COLLECTIONS,
  log: (line: string) => void = console.log,
): Promise<ProvisionReport> {
  const report: ProvisionReport = { createdCollections: [], createdIndexes: [], alreadyThere: [], conflicts: [], undeclared: [] };
  for (const spec of specs) {
    const { IsCreated } = await db.createCollectionIfNotExists(spec.name);
    if (IsCreated) report.createdCollections.push(spec.name);
    log(`${spec.name}: ${IsCreated ? 'created' : 'exists'}`);

    const existing = (await db.describeCollection(spec.name)).Indexes ?? [];
    const missing: CreateIndexRequest[] = [];
    for (const index of spec.indexes.map(toCreateIndex)) {
      const id = `${spec.name}.${index.IndexName}`;
      const found = existing.find((e) => e.Name === index.IndexName);
      if (!found) missing.push(index);
      else if (sameIndex(index, found)) report.alreadyThere.push(id);
      else {
        report.conflicts.push(id);
        log(
          `  ${index.IndexName}: exists as {${describeKeys(found.Keys ?? [])}}${found.Unique ? ' unique' : ''}, declared as ` +
            `{${describeKeys(index.MgoKeySchema.MgoIndexKeys)}}${index.MgoKeySchema.MgoIsUnique ? ' unique' : ''}: left as it is ` +
            '(provision never drops an index; replace it in the console if the declaration is right)',
        );
      }
    }
    for (const e of existing) {
      if (e.Name !== '_id_' && !spec.indexes.some((i) => i.name === e.Name)) report.undeclared.push(`${spec.name}.${e.Name}`);
    }
    if (missing.length > 0) {
      await db.updateCollection(spec.name, { CreateIndexes: missing });
      for (const index of missing) {
        report.createdIndexes.push(`${spec.name}.${index.IndexName}`);
        log(`  ${index.IndexName}: created {${describeKeys(index.MgoKeySchema.MgoIndexKeys)}}${index.MgoKeySchema.MgoIsUnique ? ' unique' : ''}`);
      }
    }
  }
  if (report.undeclared.length > 0) log(`indexes not declared in shared/server/collections.ts, left in place: ${report.undeclared.join(', ')}`);
  return report;
}

/** The first line of an error, with CloudBase's request id when there is one: no stack traces. */
export function oneLine(err: unknown): string {
  const e = err as { message?: unknown; requestId?: unknown; code?: unknown };
  const message = (typeof e?.message === 'string' ? e.message : String(err)).split('\n').find((l) => l.trim() !== '') ?? String(err);
  const details = [typeof e?.code === 'string' && e.code ? e.code : null, typeof e?.requestId === 'string' && e.requestId ? `requestId ${e.requestId}` : null].filter(Boolean);
  return details.length > 0 ? `${message.trim()} (${details.join(', ')})` : message.trim();
}

export const PROVISION_VARIABLES = ['QNZS_ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'] as const;

export interface ManagerOptions {
  envId: string;
  secretId: string;
  secretKey: string;
  token?: string;
}

/** What `npm run provision` does; returns the exit code (0 done, 1 failed or conflicts, 2 not configured). */
export async function runProvision(
  env: Record<string, string | undefined> = process.env,
  connect: (options: ManagerOptions) => Promise<CollectionManager> = connectManager,
  out: { log: (line: string) => void; error: (line: string) => void } = console,
): Promise<number> {
  const missing = PROVISION_VARIABLES.filter((name) => !env[name]?.trim());
  if (missing.length > 0) {
    out.error(`provision: set ${missing.join(', ')} (the CloudBase environment id and an API key pair: README → Deploy to CloudBase).`);
    return 2;
  }
  try {
    const db = await connect({
      envId: env.QNZS_ENV_ID!.trim(),
      secretId: env.TENCENTCLOUD_SECRETID!.trim(),
      secretKey: env.TENCENTCLOUD_SECRETKEY!.trim(),
      token: env.TENCENTCLOUD_SESSIONTOKEN?.trim() || undefined,
    });
    const report = await provisionCloudBase(db, ALL_COLLECTIONS, out.log);
    out.log(
      `done: ${report.createdCollections.length} collections and ${report.createdIndexes.length} indexes created, ` +
        `${report.alreadyThere.length} indexes already there` +
        (report.conflicts.length > 0 ? `, ${report.conflicts.length} in conflict (${report.conflicts.join(', ')})` : ''),
    );
    return report.conflicts.length > 0 ? 1 : 0;
  } catch (err) {
    out.error(`provision failed: ${oneLine(err)}`);
    return 1;
  }
}

async function connectManager(options: ManagerOptions): Promise<CollectionManager> {
  // Loaded here only: the local cloud and the tests import this file for provisionCollections.
  const { default: CloudBase } = await import('@cloudbase/manager-node');
  return new CloudBase(options).database;
}

/** The project's .env files as the CloudBase CLI reads them (@cloudbase/toolbox loadEnvVariables). */
export function projectDotEnv(cwd = process.cwd()): Record<string, string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadEnvVariables } = require('@cloudbase/toolbox/lib/config/env') as { loadEnvVariables(from: string): Record<string, unknown> };
  return Object.fromEntries(Object.entries(loadEnvVariables(cwd)).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

if (require.main === module) {
  runProvision({ ...projectDotEnv(), ...process.env }).then(
    (code) => process.exit(code),
    (err) => {
      console.error(`provision failed: ${oneLine(err)}`);
      process.exit(1);
    },
  );
}
