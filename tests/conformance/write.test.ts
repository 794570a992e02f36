import { ObjectId } from 'bson';
import { failure, startCloud, type Cloud } from './support';

/**
 * Writes through the real SDK: add, doc().get/set/update/remove, where().update
 * and remove, updateAndReturn, every update command (db.command: set remove inc
 * mul min max rename bit push pull pullAll pop shift unshift addToSet), field-name
 * rules, duplicate _id and unique indexes, db.serverDate(), ObjectId and Date
 * round-trips. Sources: https://docs.cloudbase.net/api-reference/server/node-sdk/database/
 * and the wx-server-sdk reference (the same API),
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/;
 * MongoDB's semantics (https://www.mongodb.com/docs/manual/reference/operator/update/)
 * where those pages are silent.
 */
let cloud: Cloud;
beforeAll(async () => {
  cloud = await startCloud();
});
afterAll(() => cloud.stop());

async function one(c: Awaited<ReturnType<Cloud['collection']>>, id: string | number): Promise<Record<string, unknown>> {
  return (await c.doc(id as string).get()).data[0];
}

describe('add', () => {
  it('adds one document (server-generated id) or many (ids in order)', async () => {
    const c = await cloud.collection('add');
    const single = await c.add({ title: '宿舍热水' });
    expect(single.id).toMatch(/^[0-9a-f]{24}$/);
    const many = await c.add([{ _id: 'x', n: 1 }, { n: 2 }]);
    expect(many.ids![0]).toBe('x');
    expect(many.ids).toHaveLength(2);
    expect((await c.count()).total).toBe(3);
    expect(await one(c, single.id as string)).toEqual({ _id: single.id, title: '宿舍热水' });
  });

  it('takes a number as _id, as doc(123) sends one', async () => {
    const c = await cloud.collection('numid');
    expect((await c.add({ _id: 7, a: 1 })).id).toBe(7);
    expect(await one(c, 7)).toEqual({ _id: 7, a: 1 });
    await c.doc(123 as unknown as string).set({ b: 2 });
    expect(await one(c, 123)).toEqual({ _id: 123, b: 2 });
    // A number id and a string id are different documents.
    await c.add({ _id: '7', a: 'string' });
    expect((await c.count()).total).toBe(3);
  });

  it('refuses by name an ObjectId as _id (CloudBase ids are strings; the SDK doc() takes strings and numbers)', async () => {
    const c = await cloud.collection('oidid');
    const refused = await failure(c.add({ _id: cloud.db.ObjectId({ id: '5f8d0d55b54764421b7156c5' }) }));
    expect(refused).toMatchObject({ code: 'LOCAL_CLOUD_UNSUPPORTED', message: expect.stringMatching(/_id of type objectId/) });
  });

  it('refuses a duplicate _id with DATABASE_DUPLICATE_WRITE (E11000)', async () => {
    // https://docs.cloudbase.net/en/error-code/DATABASE_DUPLICATE_WRITE
    const c = await cloud.collection('dup');
    await c.add({ _id: 'x' });
    const dup = await failure(c.add({ _id: 'x' }));
    expect(dup).toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE', message: expect.stringMatching(/^E11000 duplicate key error collection: dup\d+ index: _id_ dup key: \{ _id: "x" \}/) });
  });

  it('a batch that hits a duplicate keeps the documents before it and writes none after it', async () => {
    // CloudBase's pages are silent; MongoDB's ordered insertMany "returns without
    // processing any remaining write operations" after an error, and what was
    // inserted before it stays. https://www.mongodb.com/docs/manual/reference/method/db.collection.insertMany/#error-handling
    const c = await cloud.collection('batch');
    await c.add({ _id: 'x' });
    expect((await failure(c.add([{ _id: 'n1' }, { _id: 'x' }, { _id: 'n2' }]))).code).toBe('DATABASE_DUPLICATE_WRITE');
    const left = await c.orderBy('_id', 'asc').get();
    expect(left.data.map((d: any) => d._id)).toEqual(['n1', 'x']);
  });

  it('refuses field names that start with $ or contain a dot, at any depth', async () => {
    // The issue checked CloudBase: a field named `$_key` is rejected. CloudBase's pages
    // state no rule; these are MongoDB's storage rules before 5.0.
    const c = await cloud.collection('names');
    expect(await failure(c.add({ $_key: 1 }))).toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringMatching(/\$_key/) });
    expect(await failure(c.add({ a: { $b: 1 } }))).toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringMatching(/'\$b' in 'a\.\$b'/) });
    expect(await failure(c.add({ list: [{ 'x.y': 1 }] }))).toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringMatching(/x\.y/) });
    expect(await failure(c.doc('d').set({ $k: 1 }))).toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
    expect(await failure(c.doc('d').update({ a: cloud._.set({ $k: 1 }) }))).toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
    expect((await c.count()).total).toBe(0);
    // `_key` or a $ inside the name is fine.
    await c.add({ _key: 1, price$: 2 });
    expect((await c.count()).total).toBe(1);
  });
});

describe('doc()', () => {
  it('get returns the document, or no document', async () => {
    const c = await cloud.collection('doc');
    await c.add({ _id: 'q1', a: 1 });
    expect((await c.doc('q1').get()).data).toEqual([{ _id: 'q1', a: 1 }]);
    expect((await c.doc('nope').get()).data).toEqual([]);
  });

  it('set replaces the whole document, or creates it', async () => {
    const c = await cloud.collection('set');
    await c.add({ _id: 'q1', a: 1, b: { c: 2 } });
    const replaced = await c.doc('q1').set({ z: 26 });
    expect(replaced).toMatchObject({ updated: 1 });
    expect(await one(c, 'q1')).toEqual({ _id: 'q1', z: 26 });
    const created = await c.doc('q2').set({ a: 1 });
    expect(created).toMatchObject({ updated: 0, upsertedId: 'q2' });
    expect(await one(c, 'q2')).toEqual({ _id: 'q2', a: 1 });
  });

  it('update merges (nested objects become dotted paths, siblings stay)', async () => {
    const c = await cloud.collection('update');
    await c.add({ _id: 'q1', a: 1, style: { color: 'red', size: 2 } });
    expect(await c.doc('q1').update({ style: { color: 'blue' }, b: 2 })).toMatchObject({ updated: 1 });
    expect(await one(c, 'q1')).toEqual({ _id: 'q1', a: 1, style: { color: 'blue', size: 2 }, b: 2 });
    // _.set replaces the object instead.
    await c.doc('q1').update({ style: cloud._.set({ color: 'green' }) });
    expect(await one(c, 'q1')).toEqual({ _id: 'q1', a: 1, style: { color: 'green' }, b: 2 });
    expect(await c.doc('nope').update({ a: 1 })).toMatchObject({ updated: 0 });
  });

  it('updated counts documents that changed: writing the same values changes nothing', async () => {
    // The HTTP API documents `updated` (changed) and `matched` separately:
    // https://docs.cloudbase.net/en/http-api/nosql/update-documents
    const c = await cloud.collection('same');
    await c.add({ _id: 'q1', a: 1 });
    expect(await c.doc('q1').update({ a: 1 })).toMatchObject({ updated: 0 });
    expect(await c.where({ a: 1 }).update({ a: 1 })).toMatchObject({ updated: 0 });
  });

  it('remove deletes one document', async () => {
    const c = await cloud.collection('remove');
    await c.add([{ _id: 'q1' }, { _id: 'q2' }]);
    expect(await c.doc('q1').remove()).toMatchObject({ deleted: 1 });
    expect(await c.doc('q1').remove()).toMatchObject({ deleted: 0 });
    expect((await c.count()).total).toBe(1);
  });
});

describe('where().update / remove / updateAndReturn', () => {
  it('update and remove act on every match, or the first with options({multiple: false})', async () => {
    const c = await cloud.collection('multi');
    await c.add([
      { _id: '1', done: false, n: 0 },
      { _id: '2', done: false, n: 0 },
      { _id: '3', done: true, n: 0 },
    ]);
    expect(await c.where({ done: false }).update({ n: cloud._.inc(10) })).toMatchObject({ updated: 2 });
    expect(await c.where({ done: false }).options({ multiple: false }).update({ n: cloud._.inc(1) })).toMatchObject({ updated: 1 });
    expect((await c.orderBy('_id', 'asc').get()).data.map((d: any) => d.n)).toEqual([11, 10, 0]);
    expect(await c.where({ done: false }).options({ multiple: false }).remove()).toMatchObject({ deleted: 1 });
    expect(await c.where({ n: cloud._.gte(0) }).remove()).toMatchObject({ deleted: 2 });
  });

  it('update or remove on a collection without where is refused: param.query can\'t be empty', async () => {
    // The SDK sends no query for collection.update()/remove(); CloudBase answers
    // INVALID_PARAM "param.query can't be empty" (https://docs.cloudbase.net/en/http-api/nosql/update-documents).
    const c = await cloud.collection('nowhere');
    await c.add([{ _id: '1', n: 0 }, { _id: '2', n: 0 }]);
    expect(await failure(c.update({ n: 1 }))).toEqual({ code: 'INVALID_PARAM', message: "param.query can't be empty" });
    expect(await failure(c.remove())).toEqual({ code: 'INVALID_PARAM', message: "param.query can't be empty" });
    expect((await c.where({ n: 1 }).count()).total).toBe(0);
    // An explicit where({}) means every document.
    expect(await c.where({}).update({ n: 1 })).toMatchObject({ updated: 2 });
    expect(await c.where({}).remove()).toMatchObject({ deleted: 2 });
  });

  it('updateAndReturn returns the document after the update, or doc: null', async () => {
    const c = await cloud.collection('uar');
    await c.add([{ _id: '1', n: 1 }, { _id: '2', n: 1 }]);
    const hit = await c.where({ n: 1 }).updateAndReturn({ n: cloud._.inc(1) });
    expect(hit).toMatchObject({ updated: 1, doc: { _id: '1', n: 2 } });
    const miss = await c.where({ n: 99 }).updateAndReturn({ n: 1 });
    expect(miss).toHaveProperty('doc', null);
    expect(miss).toMatchObject({ updated: 0 });
  });
});

describe('update commands', () => {
  let c: Awaited<ReturnType<Cloud['collection']>>;
  beforeEach(async () => {
    c = await cloud.collection('cmd');
    await c.add({ _id: 'd', n: 5, f: 1.5, s: 'x', list: [1, 2, 3], objs: [{ k: 'a', v: 1 }, { k: 'b', v: 2 }], nested: { a: 1, b: 2 }, flags: 5 });
  });
  const get = () => one(c, 'd');

  it('set, remove (unset), inc, mul', async () => {
    const { _ } = cloud;
    await c.doc('d').update({ s: _.set('y'), nested: { b: _.remove() }, n: _.inc(-2), f: _.mul(2), fresh: _.inc(3), fresh2: _.mul(4) });
    expect(await get()).toMatchObject({ s: 'y', nested: { a: 1 }, n: 3, f: 3, fresh: 3, fresh2: 0 });
  });

  it('min and max compare in BSON order', async () => {
    const { _ } = cloud;
    await c.doc('d').update({ n: _.min(3), f: _.max(10), s: _.max('a'), newMin: _.min(7) });
    expect(await get()).toMatchObject({ n: 3, f: 10, s: 'x', newMin: 7 });
  });

  it('rename', async () => {
    await c.doc('d').update({ s: cloud._.rename('label') });
    const d = await get();
    expect(d.label).toBe('x');
    expect(d).not.toHaveProperty('s');
  });

  it('bit and, or, xor', async () => {
    const { _ } = cloud;
    await c.doc('d').update({ flags: _.bit({ and: 6 }) });
    expect((await get()).flags).toBe(4);
    await c.doc('d').update({ flags: _.bit({ or: 3 }) });
    expect((await get()).flags).toBe(7);
    await c.doc('d').update({ flags: _.bit({ xor: 5 }) });
    expect((await get()).flags).toBe(2);
  });

  it('push: values, each with position, sort and slice; unshift', async () => {
    const { _ } = cloud;
    await c.doc('d').update({ list: _.push(4, 5) });
    expect((await get()).list).toEqual([1, 2, 3, 4, 5]);
    await c.doc('d').update({ list: _.push({ each: [0], position: 0 }) });
    expect((await get()).list).toEqual([0, 1, 2, 3, 4, 5]);
    await c.doc('d').update({ list: _.push({ each: [9, 7], sort: -1, slice: 3 }) });
    expect((await get()).list).toEqual([9, 7, 5]);
    await c.doc('d').update({ list: _.unshift(-1, -2) });
    expect((await get()).list).toEqual([-1, -2, 9, 7, 5]);
    await c.doc('d').update({ objs: _.push({ each: [{ k: 'c', v: 0 }], sort: { v: 1 } }) });
    expect((await get()).objs).toEqual([{ k: 'c', v: 0 }, { k: 'a', v: 1 }, { k: 'b', v: 2 }]);
    await c.doc('d').update({ created: _.push('first') });
    expect((await get()).created).toEqual(['first']);
  });

  it('pop and shift', async () => {
    const { _ } = cloud;
    await c.doc('d').update({ list: _.pop() });
    expect((await get()).list).toEqual([1, 2]);
    await c.doc('d').update({ list: _.shift() });
    expect((await get()).list).toEqual([2]);
  });

  it('pull (a value, a command, a query on element documents) and pullAll', async () => {
    const { _ } = cloud;
    await c.doc('d').update({ list: _.pull(2) });
    expect((await get()).list).toEqual([1, 3]);
    await c.doc('d').update({ list: _.pull(_.gte(3)) });
    expect((await get()).list).toEqual([1]);
    await c.doc('d').update({ objs: _.pull({ k: 'a' }) });
    expect((await get()).objs).toEqual([{ k: 'b', v: 2 }]);
    await c.doc('d').update({ list: _.push(1, 1, 4) });
    await c.doc('d').update({ list: _.pullAll([1, 9]) });
    expect((await get()).list).toEqual([4]);
  });

  it('addToSet: one value, or each of several, only if absent', async () => {
    const { _ } = cloud;
    await c.doc('d').update({ list: _.addToSet(2) });
    expect((await get()).list).toEqual([1, 2, 3]);
    // The documented form is {$each: [...]}
    // (https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/command/Command.addToSet.html).
    await c.doc('d').update({ list: _.addToSet({ $each: [3, 4, 4, 5] }) });
    expect((await get()).list).toEqual([1, 2, 3, 4, 5]);
    // Unlike push, the SDK does not turn {each} into $each: the object is added as a value.
    await c.doc('d').update({ list: _.addToSet({ each: [6] }) });
    expect((await get()).list).toEqual([1, 2, 3, 4, 5, { each: [6] }]);
  });

  it('array elements by index, the positional $ and $[]', async () => {
    await c.doc('d').update({ 'list.0': 10, 'objs.1.v': 20 });
    expect(await get()).toMatchObject({ list: [10, 2, 3], objs: [{ k: 'a', v: 1 }, { k: 'b', v: 20 }] });
    // Positional: the first element the query matched.
    expect(await c.where({ _id: 'd', 'objs.k': 'b' }).update({ 'objs.$.v': 21 })).toMatchObject({ updated: 1 });
    expect((await get()).objs).toEqual([{ k: 'a', v: 1 }, { k: 'b', v: 21 }]);
    await c.where({ _id: 'd', list: 2 }).update({ 'list.$': 200 });
    expect((await get()).list).toEqual([10, 200, 3]);
    await c.doc('d').update({ 'objs.$[].v': 0 });
    expect((await get()).objs).toEqual([{ k: 'a', v: 0 }, { k: 'b', v: 0 }]);
  });

  it('fails as MongoDB does on a wrong type or a conflicting path, changing nothing', async () => {
    const { _ } = cloud;
    const before = await get();
    expect((await failure(c.doc('d').update({ s: _.inc(1) }))).message).toMatch(/Cannot apply \$inc to a value of non-numeric type/);
    expect((await failure(c.doc('d').update({ s: _.push(1) }))).message).toMatch(/must be an array but is of type string/);
    expect((await failure(c.doc('d').update({ 'n.deep': 1 }))).message).toMatch(/Cannot create field 'deep' in element \{n: 5\}/);
    expect((await failure(c.doc('d').update({ nested: _.set({}), 'nested.a': 2 } as never))).message).toMatch(/would create a conflict/);
    expect(await get()).toEqual(before);
  });
});

describe('server date, ObjectId, Date', () => {
  it('db.serverDate() is the server clock (plus offset), in add, update and where', async () => {
    const { db, _, clock } = cloud;
    const c = await cloud.collection('sd');
    await c.add({ _id: 'a', at: db.serverDate(), later: db.serverDate({ offset: 60_000 }), nested: { at: db.serverDate() } });
    const doc = await one(c, 'a');
    expect(doc.at).toEqual(new Date(clock.now));
    expect(doc.later).toEqual(new Date(clock.now + 60_000));
    expect(doc.nested).toEqual({ at: new Date(clock.now) });
    clock.now += 5000;
    await c.doc('a').update({ touched: db.serverDate(), log: _.push([db.serverDate({ offset: -1000 })]) });
    expect(await one(c, 'a')).toMatchObject({ touched: new Date(clock.now), log: [new Date(clock.now - 1000)] });
    expect((await c.where({ at: _.lt(db.serverDate()) }).count()).total).toBe(1);
    expect((await c.where({ later: _.lt(db.serverDate()) }).count()).total).toBe(0);
  });

  it('ObjectId values keep their bytes and come back as ObjectId', async () => {
    const { db } = cloud;
    const c = await cloud.collection('oid');
    const hex = '5f8d0d55b54764421b7156c5';
    await c.add({ _id: 'a', ref: db.ObjectId({ id: hex }), refs: [db.ObjectId({ id: hex })] });
    // The service answers {"$oid": hex}; aggregate and updateAndReturn hand it on as an ObjectId…
    const [agg] = (await c.aggregate().match({ _id: 'a' }).end()).data as Record<string, unknown>[];
    expect(agg!.ref).toBeInstanceOf(ObjectId);
    expect((agg!.ref as ObjectId).toHexString()).toBe(hex);
    expect((agg!.refs as ObjectId[])[0]!.toHexString()).toBe(hex);
    const returned = await c.where({ _id: 'a' }).updateAndReturn({ seen: true });
    expect((returned.doc.ref as ObjectId).toHexString()).toBe(hex);
    // …while the SDK's get() rebuilds every non-Date object field-by-field
    // (util.js formatField), so there an ObjectId reads as {} — in CloudBase as here.
    expect((await one(c, 'a')).ref).toEqual({});
    expect((await c.where({ ref: db.ObjectId({ id: hex }) }).count()).total).toBe(1);
    expect((await c.where({ ref: db.ObjectId({ id: '5f8d0d55b54764421b7156c6' }) }).count()).total).toBe(0);
    // A string with the same hex is another type: not equal.
    expect((await c.where({ ref: hex }).count()).total).toBe(0);
  });

  it('Dates and numbers round-trip exactly', async () => {
    const c = await cloud.collection('types');
    const when = new Date('2025-03-01T08:30:15.123Z');
    await c.add({ _id: 'a', when, int: 42, neg: -7, float: 0.1, big: 2 ** 40, bool: false, nil: null, list: [when, 1, 'x'], obj: { deep: { er: 1 } } });
    expect(await one(c, 'a')).toEqual({ _id: 'a', when, int: 42, neg: -7, float: 0.1, big: 2 ** 40, bool: false, nil: null, list: [when, 1, 'x'], obj: { deep: { er: 1 } } });
  });
});

describe('unique indexes (shared/server/collections.ts)', () => {
  // CloudBase enforces unique indexes: DATABASE_DUPLICATE_WRITE, "Check if unique
  // index fields have duplicate values" (https://docs.cloudbase.net/en/error-code/DATABASE_DUPLICATE_WRITE).
  // `users` declares openid_unique on openid.
  it('refuses a second document with the same key, on add and on update', async () => {
    const { db } = cloud;
    await db.createCollection('users');
    const users = db.collection('users');
    await users.add([{ _id: 'u1', openid: 'o1' }, { _id: 'u2', openid: 'o2' }]);
    const dup = await failure(users.add({ _id: 'u3', openid: 'o1' }));
    expect(dup).toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE', message: 'E11000 duplicate key error collection: users index: openid_unique dup key: { openid: "o1" }' });
    expect((await failure(users.doc('u2').update({ openid: 'o1' }))).code).toBe('DATABASE_DUPLICATE_WRITE');
    expect((await failure(users.doc('u9').set({ openid: 'o2' }))).code).toBe('DATABASE_DUPLICATE_WRITE');
    // Freeing a key lets another document take it.
    await users.doc('u1').update({ openid: 'o1-old' });
    await users.doc('u2').update({ openid: 'o1' });
    expect((await users.where({ openid: 'o1' }).get()).data.map((d: any) => d._id)).toEqual(['u2']);
  });

  it('a missing key indexes as null: only one document may lack it (MongoDB)', async () => {
    // https://www.mongodb.com/docs/manual/core/index-unique/#missing-document-field-in-a-unique-single-field-index
    const users = cloud.db.collection('users');
    await users.add({ _id: 'n1', name: 'no openid yet' });
    expect((await failure(users.add({ _id: 'n2', name: 'neither' }))).code).toBe('DATABASE_DUPLICATE_WRITE');
  });
});
