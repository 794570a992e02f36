import { failure, startCloud, type Cloud } from './support';

/**
 * Transactions, as CloudBase documents them:
 * - https://docs.cloudbase.net/en/database/transaction: startTransaction, commit,
 *   rollback, runTransaction; inside: get, add, delete, update, set (server side, node-sdk only).
 * - https://developers.weixin.qq.com/minigame/dev/wxcloud/guide/database/transaction.html
 *   (the same database): snapshot isolation — reads see the snapshot, a write
 *   changes the snapshot and locks the document; another transaction's write to a
 *   locked document fails at once, an ordinary write waits until the lock is
 *   released or times out; on commit the snapshot is written atomically. Only
 *   single-document operations (doc, add), no where.
 * - https://docs.cloudbase.net/en/error-code/DATABASE_TRANSACTION_FAIL: a transaction
 *   must be committed or aborted within 30 seconds, after that it does not exist.
 * - https://docs.cloudbase.net/error-code/DATABASE_TRANSACTION_CONFLICT: two
 *   transactions writing the same data; runTransaction retries on this code.
 * Silent in the docs, MongoDB's behaviour is used: a transaction also conflicts when
 * it writes a document someone committed after it started (first committer wins),
 * and any failed operation aborts the transaction.
 */
let cloud: Cloud;
let c: Awaited<ReturnType<Cloud['collection']>>;

beforeAll(async () => {
  cloud = await startCloud();
});
afterAll(() => cloud.stop());
beforeEach(async () => {
  c = await cloud.collection('tx');
  await c.add([
    { _id: 'alice', balance: 100 },
    { _id: 'bob', balance: 50 },
  ]);
});

const balance = async (id: string) => ((await c.doc(id).get()).data[0] as { balance?: number } | undefined)?.balance;

describe('startTransaction / commit / rollback', () => {
  it('commits every write at once; nobody sees them before', async () => {
    const t = await cloud.db.startTransaction();
    const tc = t.collection(c.name);
    expect((await tc.doc('alice').get()).data).toEqual({ _id: 'alice', balance: 100 });
    await tc.doc('alice').update({ balance: cloud._.inc(-30) });
    await tc.doc('bob').update({ balance: cloud._.inc(30) });
    expect(await tc.add({ _id: 'log1', amount: 30 })).toMatchObject({ inserted: 1, ok: 1, id: 'log1' });
    await tc.doc('carol').set({ balance: 1 });
    // Inside, the transaction reads its own writes…
    expect((await tc.doc('alice').get()).data).toEqual({ _id: 'alice', balance: 70 });
    expect((await tc.doc('log1').get()).data).toEqual({ _id: 'log1', amount: 30 });
    // …outside, nothing has changed yet.
    expect(await balance('alice')).toBe(100);
    expect((await c.doc('log1').get()).data).toEqual([]);
    await t.commit();
    expect(await balance('alice')).toBe(70);
    expect(await balance('bob')).toBe(80);
    expect(await balance('carol')).toBe(1);
    expect((await c.doc('log1').get()).data).toEqual([{ _id: 'log1', amount: 30 }]);
  });

  it('rollback discards every write', async () => {
    const t = await cloud.db.startTransaction();
    await t.collection(c.name).doc('alice').update({ balance: 0 });
    await t.collection(c.name).doc('bob').remove();
    await t.collection(c.name).add({ _id: 'ghost' });
    await t.rollback();
    expect(await balance('alice')).toBe(100);
    expect(await balance('bob')).toBe(50);
    expect((await c.doc('ghost').get()).data).toEqual([]);
    // The transaction no longer exists.
    expect((await failure(t.collection(c.name).doc('alice').get())).code).toBe('DATABASE_TRANSACTION_FAIL');
    expect((await failure(t.commit())).code).toBe('DATABASE_TRANSACTION_FAIL');
  });

  it('remove inside a transaction; get of a missing document is null', async () => {
    const t = await cloud.db.startTransaction();
    expect(await t.collection(c.name).doc('bob').remove()).toMatchObject({ deleted: 1 });
    expect((await t.collection(c.name).doc('bob').get()).data).toBeNull();
    expect(await balance('bob')).toBe(50);
    await t.commit();
    expect(await balance('bob')).toBeUndefined();
  });
});

describe('isolation', () => {
  it('a transaction does not see writes committed after it started', async () => {
    const t = await cloud.db.startTransaction();
    await c.doc('bob').update({ balance: 999 });
    await c.add({ _id: 'late', balance: 1 });
    expect((await t.collection(c.name).doc('bob').get()).data).toEqual({ _id: 'bob', balance: 50 });
    expect((await t.collection(c.name).doc('late').get()).data).toBeNull();
    await t.rollback();
  });

  it('others see a transaction\'s writes only after commit, all together', async () => {
    const t = await cloud.db.startTransaction();
    await t.collection(c.name).doc('alice').update({ balance: 1 });
    await t.collection(c.name).doc('bob').update({ balance: 2 });
    const other = await cloud.db.startTransaction();
    expect((await other.collection(c.name).doc('alice').get()).data).toEqual({ _id: 'alice', balance: 100 });
    expect((await c.where({ balance: cloud._.lt(10) }).count()).total).toBe(0);
    await t.commit();
    expect((await c.where({ balance: cloud._.lt(10) }).count()).total).toBe(2);
    // A transaction that started before the commit still reads its snapshot.
    expect((await other.collection(c.name).doc('alice').get()).data).toEqual({ _id: 'alice', balance: 100 });
    await other.rollback();
  });
});

describe('conflicts', () => {
  it('a second transaction writing a locked document fails at once and is aborted', async () => {
    const t1 = await cloud.db.startTransaction();
    const t2 = await cloud.db.startTransaction();
    await t1.collection(c.name).doc('alice').update({ balance: 1 });
    const conflict = await failure(t2.collection(c.name).doc('alice').update({ balance: 2 }));
    expect(conflict.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect((await failure(t2.commit())).code).toBe('DATABASE_TRANSACTION_FAIL');
    await t1.commit();
    expect(await balance('alice')).toBe(1);
  });

  it('a transaction writing a document committed after its start conflicts (first committer wins)', async () => {
    const t = await cloud.db.startTransaction();
    await t.collection(c.name).doc('alice').get();
    await c.doc('alice').update({ balance: 500 });
    expect((await failure(t.collection(c.name).doc('alice').update({ balance: 0 }))).code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(await balance('alice')).toBe(500);
  });

  it('an ordinary write to a locked document waits for the commit, then applies', async () => {
    const t = await cloud.db.startTransaction();
    await t.collection(c.name).doc('alice').update({ balance: cloud._.inc(-10) });
    let done = false;
    const waiting = c
      .doc('alice')
      .update({ balance: cloud._.inc(1000) })
      .then((r) => {
        done = true;
        return r;
      });
    // Other documents are not blocked, and the waiting write has not happened.
    await c.doc('bob').update({ balance: 51 });
    expect(done).toBe(false);
    expect(await balance('alice')).toBe(100);
    await t.commit();
    expect(await waiting).toMatchObject({ updated: 1 });
    expect(await balance('alice')).toBe(1090);
  });

  it('runTransaction retries on a conflict and returns the callback\'s value', async () => {
    let attempts = 0;
    const result = await cloud.db.runTransaction(async (t: any) => {
      attempts += 1;
      const { data } = await t.collection(c.name).doc('alice').get();
      if (attempts === 1) await c.doc('alice').update({ balance: cloud._.inc(5) }); // someone else commits meanwhile
      await t.collection(c.name).doc('alice').update({ balance: data.balance - 20 });
      return data.balance;
    });
    expect(attempts).toBe(2);
    expect(result).toBe(105);
    expect(await balance('alice')).toBe(85);
  });

  it('runTransaction rolls back when the callback throws, or calls rollback', async () => {
    const boom = new Error('not enough money');
    await expect(
      cloud.db.runTransaction(async (t: any) => {
        await t.collection(c.name).doc('alice').update({ balance: -1 });
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await balance('alice')).toBe(100);
    await expect(
      cloud.db.runTransaction(async (t: any) => {
        await t.collection(c.name).doc('bob').update({ balance: -1 });
        await t.rollback('changed my mind');
      }),
    ).rejects.toBe('changed my mind');
    expect(await balance('bob')).toBe(50);
  });
});

describe('lifetime', () => {
  it('a transaction not committed within 30 s is rolled back and no longer exists', async () => {
    const t = await cloud.db.startTransaction();
    await t.collection(c.name).doc('alice').update({ balance: 0 });
    cloud.clock.now += 30_000;
    const gone = await failure(t.commit());
    expect(gone).toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL', message: expect.stringMatching(/30 seconds/) });
    expect(await balance('alice')).toBe(100);
  });

  it('expiry releases an ordinary write waiting on the lock', async () => {
    const t = await cloud.db.startTransaction();
    await t.collection(c.name).doc('bob').update({ balance: 0 });
    const waiting = c.doc('bob').update({ balance: cloud._.inc(1) });
    cloud.clock.now += 30_000;
    await c.doc('alice').get(); // any request: the server notices the expiry
    expect(await waiting).toMatchObject({ updated: 1 });
    expect(await balance('bob')).toBe(51);
  });
});

describe('what a transaction does not offer', () => {
  it('where queries and batch adds are refused by name; Query.update/remove/count do not carry the transaction', async () => {
    const t = await cloud.db.startTransaction();
    const refused = await failure(t.collection(c.name).where({ balance: 100 }).get());
    expect(refused).toMatchObject({ code: 'DATABASE_INVALID_OPERRATOR', message: expect.stringMatching(/不支持批量操作/) });
    const t2 = await cloud.db.startTransaction();
    expect((await failure(t2.collection(c.name).add([{ a: 1 }, { a: 2 }]))).code).toBe('DATABASE_INVALID_OPERRATOR');
    // The SDK's Query.update sends no transactionId (query.js): the write is an ordinary one, at once.
    const t3 = await cloud.db.startTransaction();
    await t3.collection(c.name).where({ _id: 'bob' }).update({ balance: 7 });
    expect(await balance('bob')).toBe(7);
    await t3.rollback();
    expect(await balance('bob')).toBe(7);
  });
});

describe('the older transaction API (transaction.js: getInTransaction, updateDocInTransaction, deleteDocInTransaction)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const legacy = require('@cloudbase/database/dist/commonjs/transaction') as { startTransaction(this: unknown): Promise<any> };

  it('get, update, set, delete, commit', async () => {
    const t = await legacy.startTransaction.call(cloud.db);
    expect((await t.get(c.doc('alice'))).data()).toEqual({ _id: 'alice', balance: 100 });
    expect((await t.update(c.doc('alice'), { balance: 60 })).updated).toBe(1);
    expect((await t.set(c.doc('dora'), { balance: 5 })).upserted).toEqual([{ _id: 'dora' }]);
    expect((await t.delete(c.doc('bob'))).deleted).toBe(1);
    expect((await t.get(c.doc('alice'))).data()).toEqual({ _id: 'alice', balance: 60 });
    expect((await t.get(c.doc('bob'))).data()).toBeNull();
    expect(await balance('alice')).toBe(100);
    await t.commit();
    expect(await balance('alice')).toBe(60);
    expect(await balance('dora')).toBe(5);
    expect(await balance('bob')).toBeUndefined();
  });

  it('rollback', async () => {
    const t = await legacy.startTransaction.call(cloud.db);
    await t.update(c.doc('alice'), { balance: 1 });
    await t.rollback();
    expect(await balance('alice')).toBe(100);
  });
});
