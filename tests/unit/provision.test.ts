import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ALL_COLLECTIONS, COLLECTIONS } from '../../shared/server/collections';
import { provisionCloudBase, runProvision, toCreateIndex, type CollectionManager, type CreateIndexRequest, type ExistingIndex } from '../../scripts/provision';

/**
 * `npm run provision` against a mocked @cloudbase/manager-node DatabaseService:
 * what it asks CloudBase to do for an environment that already has some of
 * the collections and indexes.
 */
const ROOT = resolve(__dirname, '..', '..');
const ID_INDEX: ExistingIndex = { Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true };

function fakeCloudBase(initial: Record<string, ExistingIndex[]>) {
  const tables = new Map(Object.entries(initial).map(([name, indexes]) => [name, [...indexes]]));
  const db = {
    createCollectionIfNotExists: jest.fn(async (name: string) => {
      if (tables.has(name)) return { IsCreated: false };
      tables.set(name, [ID_INDEX]);
      return { IsCreated: true };
    }),
    describeCollection: jest.fn(async (name: string) => {
      const indexes = tables.get(name);
      if (!indexes) throw Object.assign(new Error(`table ${name} not found`), { code: 'ResourceNotFound' });
      return { Indexes: indexes };
    }),
    updateCollection: jest.fn(async (name: string, info: { CreateIndexes: CreateIndexRequest[] }) => {
      for (const index of info.CreateIndexes) {
        tables.get(name)!.push({ Name: index.IndexName, Keys: index.MgoKeySchema.MgoIndexKeys, Unique: index.MgoKeySchema.MgoIsUnique });
      }
      return { RequestId: 'req-1' };
    }),
  } satisfies CollectionManager;
  return { db, tables };
}

const existing = (name: string, keys: Record<string, 1 | -1>, unique = false): ExistingIndex => ({
  Name: name,
  Keys: Object.entries(keys).map(([Name, d]) => ({ Name, Direction: String(d) })),
  Unique: unique,
});

describe('provisioning a CloudBase environment', () => {
  it('creates what is missing, keeps what is there, drops nothing', async () => {
    const { db } = fakeCloudBase({
      units: [ID_INDEX],
      users: [
        ID_INDEX,
        existing('openid_unique', { openid: 1 }, true),
        existing('by_unit', { unitId: 1 }), // same name, other keys: a conflict
        existing('legacy_by_name', { name: 1 }), // not declared
      ],
      questions: [ID_INDEX, existing('published_feed', { visibility: 1, 'moderation.state': 1, status: 1, createdAt: -1 })],
    });
    const lines: string[] = [];
    const report = await provisionCloudBase(db, ALL_COLLECTIONS, (l) => lines.push(l));

    expect(db.createCollectionIfNotExists.mock.calls.map(([name]) => name)).toEqual(ALL_COLLECTIONS.map((c) => c.name));
    const created = ALL_COLLECTIONS.map((c) => c.name).filter((n) => !['units', 'users', 'questions'].includes(n));
    expect(report.createdCollections).toEqual(created);

    // One UpdateTable per collection that misses indexes, with exactly the missing ones.
    const updates = Object.fromEntries(db.updateCollection.mock.calls.map(([name, info]) => [name, info]));
    expect(Object.keys(updates).sort()).toEqual(ALL_COLLECTIONS.filter((c) => c.indexes.length > 0).map((c) => c.name).sort());
    expect(updates.users).toEqual({ CreateIndexes: [toCreateIndex(COLLECTIONS.users.indexes[2]), toCreateIndex(COLLECTIONS.users.indexes[3])] });
    expect(updates.users!.CreateIndexes[0]).toEqual({
      IndexName: 'by_role',
      MgoKeySchema: { MgoIndexKeys: [{ Name: 'roles', Direction: '1' }], MgoIsUnique: false },
    });
    expect(updates.questions!.CreateIndexes.map((i) => i.IndexName)).toEqual(COLLECTIONS.questions.indexes.slice(1).map((i) => i.name));
    expect(updates.questions!.CreateIndexes[0]).toEqual({
      IndexName: 'published_by_category',
      MgoKeySchema: {
        MgoIndexKeys: [
          { Name: 'visibility', Direction: '1' },
          { Name: 'moderation.state', Direction: '1' },
          { Name: 'status', Direction: '1' },
          { Name: 'categoryId', Direction: '1' },
          { Name: 'createdAt', Direction: '-1' },
        ],
        MgoIsUnique: false,
      },
    });
    for (const [, info] of db.updateCollection.mock.calls) expect(Object.keys(info)).toEqual(['CreateIndexes']);

    expect(report.alreadyThere).toEqual(['users.openid_unique', 'questions.published_feed']);
    expect(report.conflicts).toEqual(['users.by_unit']);
    expect(report.undeclared).toEqual(['users.legacy_by_name']);
    expect(lines.join('\n')).toMatch(/by_unit: exists as \{unitId:1\}, declared as \{memberships\.unitId:1\}: left as it is/);
  });

  it('does nothing the second time', async () => {
    const { db } = fakeCloudBase({});
    await provisionCloudBase(db, ALL_COLLECTIONS, () => {});
    db.createCollectionIfNotExists.mockClear();
    db.updateCollection.mockClear();
    const again = await provisionCloudBase(db, ALL_COLLECTIONS, () => {});
    expect(db.updateCollection).not.toHaveBeenCalled();
    expect(again.createdCollections).toEqual([]);
    expect(again.createdIndexes).toEqual([]);
    expect(again.alreadyThere).toHaveLength(ALL_COLLECTIONS.flatMap((c) => c.indexes).length);
  });

  it('says in one line what is missing and exits 2 without connecting', async () => {
    const connect = jest.fn();
    const out = { log: jest.fn(), error: jest.fn() };
    await expect(runProvision({ QNZS_ENV_ID: 'campus-prod-1a2b' }, connect, out)).resolves.toBe(2);
    expect(connect).not.toHaveBeenCalled();
    expect(out.error).toHaveBeenCalledTimes(1);
    expect(out.error.mock.calls[0]![0]).toMatch(/^provision: set TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY \(/);
  });

  it('reports a CloudBase failure in one line with its request id, and exits 1', async () => {
    const failing = fakeCloudBase({}).db;
    failing.createCollectionIfNotExists.mockRejectedValue(
      Object.assign(new Error('[DescribeEnvs] The SecretId is not found.\n    at CloudService.request (x.js:1:1)'), { code: 'AuthFailure.SecretIdNotFound', requestId: 'abc-123' }),
    );
    const out = { log: jest.fn(), error: jest.fn() };
    const env = { QNZS_ENV_ID: 'campus-prod-1a2b', TENCENTCLOUD_SECRETID: 'AKIDexample', TENCENTCLOUD_SECRETKEY: 'secret' };
    await expect(runProvision(env, async () => failing, out)).resolves.toBe(1);
    expect(out.error.mock.calls).toEqual([['provision failed: [DescribeEnvs] The SecretId is not found. (AuthFailure.SecretIdNotFound, requestId abc-123)']]);
  });

  describe('run as `npm run provision`', () => {
    let cwd: string;
    beforeEach(() => {
      cwd = mkdtempSync(join(tmpdir(), 'qnzs-provision-'));
    });
    afterEach(() => rmSync(cwd, { recursive: true, force: true }));
    const provision = (extra: Record<string, string> = {}) => {
      const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(QNZS_|TENCENTCLOUD_|https?_proxy$)/i.test(k))), ...extra } as unknown as NodeJS.ProcessEnv;
      return spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'scripts', 'provision.ts')], { cwd, env, encoding: 'utf8' });
    };

    it('without secrets: one line on stderr, exit code 2, no stack', () => {
      const run = provision();
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^provision: set QNZS_ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY \(/)]);
    }, 30_000);

    it('reads the project .env the way the CloudBase CLI does', () => {
      writeFileSync(join(cwd, '.env'), 'QNZS_ENV_ID=campus-prod-1a2b\n');
      writeFileSync(join(cwd, '.env.local'), 'TENCENTCLOUD_SECRETID=AKIDexample\n');
      const run = provision();
      expect(run.status).toBe(2);
      expect(run.stderr.trim()).toMatch(/^provision: set TENCENTCLOUD_SECRETKEY \(/);
    }, 30_000);

    it('when CloudBase cannot be reached: one line on stderr, exit code 1, no stack', () => {
      // manager-node sends its cloud-API requests through http_proxy: a closed local port, so nothing leaves the machine.
      const run = provision({ QNZS_ENV_ID: 'campus-prod-1a2b', TENCENTCLOUD_SECRETID: 'AKIDexample', TENCENTCLOUD_SECRETKEY: 'secret', http_proxy: 'http://127.0.0.1:9' });
      expect(run.status).toBe(1);
      expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^provision failed: .*ECONNREFUSED 127\.0\.0\.1:9/)]);
    }, 30_000);
  });
});
