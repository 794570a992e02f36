import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { DatabaseService } from '../../scripts/local-cloud/database-service';
import { DocumentStore } from '../../scripts/local-cloud/document-store';
import { startCloud, type Cloud } from './support';

/**
 * What the benchmark reads from DatabaseService.stats(): requests, documents,
 * unindexed queries, sends (the outbox, the local stand-in for WeChat's send
 * API, is not a database request in the cloud) and round trips.
 */
describe('request accounting', () => {
  let cloud: Cloud;
  beforeAll(async () => {
    cloud = await startCloud();
  });
  afterAll(() => cloud.stop());

  it('counts outbox requests as sends, outside total, byAction, byCollection and documents', async () => {
    const { db, service } = cloud;
    await db.createCollection('outbox');
    await db.createCollection('questions');
    service.database.resetStats();
    await db.collection('outbox').add({ kind: 'reminder' });
    await db.collection('outbox').get();
    await db.collection('questions').add({ title: 'q' });
    await db.collection('questions').where({ _id: 'x' }).get();
    const stats = service.database.stats();
    expect(stats).toMatchObject({
      sends: 2,
      total: 2,
      byAction: { 'database.insertDocument': 1, 'database.getDocument': 1 },
      byCollection: { questions: 2 },
      documents: 1,
    });
    expect(stats.byCollection).not.toHaveProperty('outbox');
    service.database.resetStats();
    expect(service.database.stats()).toMatchObject({ total: 0, sends: 0, rounds: 0, documents: 0 });
  });

  it('flags queries no declared index serves; an $or of indexed branches is served', async () => {
    const { db, service } = cloud;
    service.database.resetStats();
    await db.collection('questions').where({ title: 'q' }).get();
    await db.collection('questions').count();
    await db.collection('questions').where(cloud._.or([{ askerOpenid: 'o' }, { ownerUnitId: 'u' }])).get();
    await db.collection('questions').where(cloud._.or([{ askerOpenid: 'o' }, { title: 'q' }])).get();
    expect(service.database.stats().unindexed).toEqual([
      { action: 'database.getDocument', collection: 'questions', fields: ['title'] },
      { action: 'database.calculateDocument', collection: 'questions', fields: [] },
      { action: 'database.getDocument', collection: 'questions', fields: ['$or'] },
    ]);
  });
});

describe('round trips', () => {
  /** A POST /admin request and a response that records its body. */
  function exchange(params: Record<string, unknown>) {
    const req = Readable.from([Buffer.from(JSON.stringify(params))]) as unknown as IncomingMessage;
    let body = '';
    const res = {
      writeHead() {
        return res;
      },
      end(b: string) {
        body = b;
        return res;
      },
    } as unknown as ServerResponse;
    return { req, res, body: () => JSON.parse(body) as Record<string, unknown> };
  }

  it('requests in flight together are one round; the outbox does not count; each waits latencyMs first', async () => {
    const store = new DocumentStore({ file: ':memory:' });
    store.createCollection('questions');
    store.createCollection('outbox');
    const service = new DatabaseService(store, { latencyMs: 5 });
    const get = { action: 'database.getDocument', collectionName: 'questions', query: '{}' };
    // Three requests sent at once: the number in flight rises from 0 to 1 once.
    const parallel = [exchange(get), exchange(get), exchange(get)];
    await Promise.all(parallel.map((x) => service.handle(x.req, x.res)));
    expect(parallel.every((x) => Array.isArray((x.body().data as { list: unknown[] }).list))).toBe(true);
    expect(service.stats().rounds).toBe(1);
    // Two more, one after the other: two more rounds.
    for (let i = 0; i < 2; i++) {
      const x = exchange(get);
      await service.handle(x.req, x.res);
    }
    expect(service.stats().rounds).toBe(3);
    // A send alone is not a database round trip.
    const send = exchange({ action: 'database.insertDocument', collectionName: 'outbox', data: ['{"kind":"x"}'] });
    await service.handle(send.req, send.res);
    expect(service.stats()).toMatchObject({ rounds: 3, sends: 1, total: 5 });
    store.close();
  });
});
