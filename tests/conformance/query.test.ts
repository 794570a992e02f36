import { failure, startCloud, type Cloud } from './support';

/**
 * Every query command @cloudbase/node-sdk 3.18.3 exposes (db.command: eq neq lt
 * lte gt gte in nin all elemMatch exists size mod and or nor not expr; regular
 * expressions), against the local database service, with the answers CloudBase
 * gives. CloudBase documents the commands at
 * https://docs.cloudbase.net/api-reference/server/node-sdk/database/command and
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/Command.html;
 * their matching semantics are MongoDB's
 * (https://www.mongodb.com/docs/manual/reference/operator/query/), which the
 * expected answers below follow wherever CloudBase's pages are silent.
 */
let cloud: Cloud;
let people: Awaited<ReturnType<Cloud['collection']>>;

const JAN = new Date('2025-01-01T00:00:00Z');
const FEB = new Date('2025-02-01T00:00:00Z');

beforeAll(async () => {
  cloud = await startCloud();
  people = await cloud.collection('people');
  await people.add([
    {
      _id: 'a',
      name: 'Alice',
      age: 30,
      tags: ['x', 'y'],
      scores: [1, 5, 9],
      address: { city: '杭州', zip: '310000' },
      items: [
        { sku: 'p1', qty: 2 },
        { sku: 'p2', qty: 0 },
      ],
      recent: [1, 2, 3],
      note: 'Hello\nworld',
      when: JAN,
    },
    { _id: 'b', name: 'bob', age: 25, tags: ['y'], scores: [3], address: { city: '北京' }, items: [{ sku: 'p1', qty: 5 }], recent: [], note: 'abc', when: FEB },
    { _id: 'c', name: 'Carol', age: 35, tags: [], scores: [], items: [], status: null, recent: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], values: [1, 2, 3], note: 'the end\n' },
    { _id: 'd', name: 'dave', age: '40', nickname: 'D' },
  ]);
});
afterAll(() => cloud.stop());

async function ids(query: Record<string, unknown>): Promise<string[]> {
  const { data } = await people.where(query).get();
  return (data as { _id: string }[]).map((d) => d._id);
}

describe('comparison commands', () => {
  it('eq and neq (neq also matches documents without the field)', async () => {
    const { _ } = cloud;
    expect(await ids({ age: 30 })).toEqual(['a']);
    expect(await ids({ age: _.eq(30) })).toEqual(['a']);
    expect(await ids({ age: _.neq(30) })).toEqual(['b', 'c', 'd']);
    expect(await ids({ nickname: _.neq('D') })).toEqual(['a', 'b', 'c']);
  });

  it('gt gte lt lte compare only values of the same BSON type (the string "40" is not > 25)', async () => {
    const { _ } = cloud;
    expect(await ids({ age: _.gt(25) })).toEqual(['a', 'c']);
    expect(await ids({ age: _.gte(30) })).toEqual(['a', 'c']);
    expect(await ids({ age: _.lt(30) })).toEqual(['b']);
    expect(await ids({ age: _.lte(30) })).toEqual(['a', 'b']);
    expect(await ids({ age: _.gt('3') })).toEqual(['d']);
    expect(await ids({ when: _.gt(new Date('2025-01-15T00:00:00Z')) })).toEqual(['b']);
  });

  it('in and nin (nin also matches documents without the field)', async () => {
    const { _ } = cloud;
    expect(await ids({ age: _.in([25, 35]) })).toEqual(['b', 'c']);
    expect(await ids({ age: _.nin([25, 35]) })).toEqual(['a', 'd']);
    expect(await ids({ tags: _.in(['x']) })).toEqual(['a']);
    expect(await ids({ nickname: _.nin(['D']) })).toEqual(['a', 'b', 'c']);
  });

  it('null matches a null field and a missing one', async () => {
    const { _ } = cloud;
    expect(await ids({ status: null })).toEqual(['a', 'b', 'c', 'd']);
    expect(await ids({ status: _.eq(null) })).toEqual(['a', 'b', 'c', 'd']);
    expect(await ids({ status: _.exists(true) })).toEqual(['c']);
  });

  it('embedded documents compare field by field, in order', async () => {
    // A nested object in where() is flattened by the SDK into dotted paths…
    expect(await ids({ address: { city: '北京' } })).toEqual(['b']);
    // …while _.eq keeps it whole: equal only with the same fields in the same order.
    expect(await ids({ address: cloud._.eq({ city: '杭州', zip: '310000' }) })).toEqual(['a']);
    expect(await ids({ address: cloud._.eq({ zip: '310000', city: '杭州' }) })).toEqual([]);
  });
});

describe('array commands', () => {
  it('a value matches an array containing it; a dotted path reaches into arrays of documents', async () => {
    expect(await ids({ tags: 'y' })).toEqual(['a', 'b']);
    expect(await ids({ 'items.sku': 'p2' })).toEqual(['a']);
    expect(await ids({ 'items.0.qty': 5 })).toEqual(['b']);
    expect(await ids({ 'scores.1': 5 })).toEqual(['a']);
    expect(await ids({ 'address.city': '杭州' })).toEqual(['a']);
  });

  it('all', async () => {
    const { _ } = cloud;
    expect(await ids({ tags: _.all(['x', 'y']) })).toEqual(['a']);
    expect(await ids({ tags: _.all(['y']) })).toEqual(['a', 'b']);
    expect(await ids({ tags: _.all([]) })).toEqual([]);
  });

  it('elemMatch: one element satisfies every condition', async () => {
    const { _ } = cloud;
    expect(await ids({ items: _.elemMatch({ sku: 'p1', qty: _.gt(3) }) })).toEqual(['b']);
    // Without elemMatch the two conditions may hold on different elements.
    expect(await ids({ 'items.sku': 'p2', 'items.qty': _.gt(1) })).toEqual(['a']);
    expect(await ids({ items: _.elemMatch({ sku: 'p2', qty: _.gt(1) }) })).toEqual([]);
    // Operator form: conditions on the element itself.
    expect(await ids({ scores: _.elemMatch(_.gt(8)) })).toEqual(['a']);
  });

  it('elemMatch with field conditions never matches scalar elements', async () => {
    const { _ } = cloud;
    expect(await ids({ values: _.elemMatch({ value: _.gt(0) }) })).toEqual([]);
    expect(await ids({ values: _.elemMatch({ value: _.exists(false) }) })).toEqual([]);
    expect(await ids({ values: _.elemMatch(_.gt(2)) })).toEqual(['c']);
  });

  it('size', async () => {
    const { _ } = cloud;
    expect(await ids({ scores: _.size(1) })).toEqual(['b']);
    expect(await ids({ recent: _.size(0) })).toEqual(['b']);
  });

  it('exists, on dotted paths and array indexes; a scalar has no sub-fields', async () => {
    const { _ } = cloud;
    expect(await ids({ nickname: _.exists(true) })).toEqual(['d']);
    expect(await ids({ nickname: _.exists(false) })).toEqual(['a', 'b', 'c']);
    expect(await ids({ 'address.zip': _.exists(true) })).toEqual(['a']);
    expect(await ids({ 'age.value': _.exists(true) })).toEqual([]);
    expect(await ids({ 'recent.9': _.exists(false) })).toEqual(['a', 'b', 'd']);
    expect(await ids({ 'recent.9': _.exists(true) })).toEqual(['c']);
  });
});

describe('arithmetic and logic commands', () => {
  it('mod (divisor, remainder)', async () => {
    expect(await ids({ age: (cloud._.mod as (d: number, r: number) => unknown)(10, 5) })).toEqual(['b', 'c']);
    expect((await failure(people.where({ age: (cloud._.mod as (d: number, r: number) => unknown)(0, 1) }).get())).message).toMatch(/divisor cannot be 0/);
  });

  it('and, or, nor, not — as commands and chained on a field', async () => {
    const { _ } = cloud;
    expect(await ids(_.and([{ age: _.gt(20) }, { age: _.lt(32) }]) as never)).toEqual(['a', 'b']);
    expect(await ids({ age: _.gt(20).and(_.lt(32)) })).toEqual(['a', 'b']);
    expect(await ids(_.or([{ name: 'bob' }, { age: 35 }]) as never)).toEqual(['b', 'c']);
    expect(await ids({ age: _.lt(26).or(_.gt(34)) })).toEqual(['b', 'c']);
    expect(await ids(_.nor([{ age: 30 }, { age: 25 }]) as never)).toEqual(['c', 'd']);
    // not: documents whose age is not > 26, including those where age is a string.
    expect(await ids({ age: _.not(_.gt(26)) })).toEqual(['b', 'd']);
  });

  it('expr brings aggregation expressions into where (BSON order across types: a string is greater than any number)', async () => {
    // "expr 可用在普通查询语句（where）中引入聚合表达式"
    // https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/command/Command.expr.html
    const { _ } = cloud;
    const $ = _.aggregate;
    expect(await ids(_.expr($.eq(['$name', 'bob'])) as never)).toEqual(['b']);
    expect(await ids(_.expr($.gt(['$age', 28])) as never)).toEqual(['a', 'c', 'd']);
    expect(await ids(_.expr($.gt([$.size($.ifNull(['$tags', []])), 1])) as never)).toEqual(['a']);
  });
});

describe('regular expressions', () => {
  // db.RegExp options: i, m, s (https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/Database.RegExp.html);
  // MongoDB also takes x. Semantics are PCRE's (MongoDB), not JavaScript's.
  it('JavaScript RegExp and db.RegExp both match', async () => {
    expect(await ids({ name: /^a/i })).toEqual(['a']);
    expect(await ids({ name: cloud.db.RegExp({ regexp: '^B', options: 'i' }) })).toEqual(['b']);
    expect(await ids({ name: /^B/ })).toEqual([]);
    expect(await ids({ tags: /^x$/ })).toEqual(['a']);
  });

  it('m, s and x flags', async () => {
    const { db } = cloud;
    expect(await ids({ note: /^world/ })).toEqual([]);
    expect(await ids({ note: /^world/m })).toEqual(['a']);
    expect(await ids({ note: db.RegExp({ regexp: 'hello.world', options: 'i' }) })).toEqual([]);
    expect(await ids({ note: db.RegExp({ regexp: 'hello.world', options: 'is' }) })).toEqual(['a']);
    expect(await ids({ note: db.RegExp({ regexp: 'a b c  # letters', options: 'x' }) })).toEqual(['b']);
  });

  it('$ also matches before a final newline, as in PCRE', async () => {
    expect(await ids({ note: /end$/ })).toEqual(['c']);
    expect(await ids({ note: cloud.db.RegExp({ regexp: 'end\\z', options: '' }) })).toEqual([]);
  });

  it('_.not takes a regular expression', async () => {
    expect(await ids({ name: cloud._.not(/^[a-z]/) })).toEqual(['a', 'c']);
  });

  it('a regular expression selects documents to remove', async () => {
    const scratch = await cloud.collection('scratch');
    await scratch.add([{ _id: 'r1' }, { _id: 'r2' }, { _id: 'x1' }]);
    expect((await scratch.where({ _id: /^r/ }).remove()).deleted).toBe(2);
    expect((await scratch.where({ _id: /.*/ }).remove()).deleted).toBe(1);
    expect((await scratch.count()).total).toBe(0);
  });

  it('refuses a regular expression inside a command, and flags MongoDB does not know', async () => {
    // "注意正则表达式不可用于 db.command 内（如 db.command.in）" (db.RegExp page above).
    const inside = await failure(people.where({ name: cloud._.in([/^a/i]) }).get());
    expect(inside).toMatchObject({ code: 'DATABASE_INVALID_OPERRATOR', message: expect.stringMatching(/\$in/) });
    // MongoDB rejects a flag it does not know ("invalid flag in regex options"); a JS /re/g sends "g".
    const flag = await failure(people.where({ name: /a/g }).get());
    expect(flag).toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringMatching(/option \[g\] is not supported/) });
  });

  it('refuses by name a PCRE construct JavaScript cannot run', async () => {
    const refused = await failure(people.where({ name: cloud.db.RegExp({ regexp: '(?i)alice', options: '' }) }).get());
    expect(refused).toMatchObject({ code: 'LOCAL_CLOUD_UNSUPPORTED', message: expect.stringMatching(/\(\?i\)/) });
  });
});

describe('ordering, paging, projection and count', () => {
  it('orderBy on several fields', async () => {
    const c = await cloud.collection('order');
    await c.add([
      { _id: '1', g: 1, n: 2 },
      { _id: '2', g: 2, n: 0 },
      { _id: '3', g: 1, n: 1 },
      { _id: '4', g: 1, n: 3 },
    ]);
    const got = await c.orderBy('g', 'asc').orderBy('n', 'desc').get();
    expect(got.data.map((d: any) => d._id)).toEqual(['4', '1', '3', '2']);
    const desc = await c.orderBy('g', 'desc').orderBy('n', 'asc').get();
    expect(desc.data.map((d: any) => d._id)).toEqual(['2', '3', '1', '4']);
  });

  it('orders mixed types in BSON order; an array sorts by its smallest (asc) or largest (desc) element', async () => {
    // https://www.mongodb.com/docs/manual/reference/bson-type-comparison-order/
    const c = await cloud.collection('mixed');
    await c.add([
      { _id: 'date', v: JAN },
      { _id: 'true', v: true },
      { _id: 'obj', v: { x: 1 } },
      { _id: 'str', v: 'a' },
      { _id: 'one', v: 1 },
      { _id: 'arr', v: [0, 5] },
      { _id: 'null', v: null },
      { _id: 'empty', v: [] },
    ]);
    const asc = await c.orderBy('v', 'asc').get();
    expect(asc.data.map((d: any) => d._id)).toEqual(['empty', 'null', 'arr', 'one', 'str', 'obj', 'true', 'date']);
    const desc = await c.orderBy('v', 'desc').get();
    expect(desc.data.map((d: any) => d._id)).toEqual(['date', 'true', 'obj', 'str', 'arr', 'one', 'null', 'empty']);
  });

  it('skip and limit', async () => {
    const got = await people.orderBy('_id', 'asc').skip(1).limit(2).get();
    expect(got.data.map((d: any) => d._id)).toEqual(['b', 'c']);
  });

  it('returns 100 documents by default and at most 1000 (the SDK caps limit)', async () => {
    const c = await cloud.collection('many');
    await c.add(Array.from({ length: 1005 }, (_, i) => ({ i })));
    expect((await c.get()).data).toHaveLength(100);
    expect((await c.limit(1000).get()).data).toHaveLength(1000);
    expect((await c.limit(5000).get()).data).toHaveLength(1000);
    expect((await c.count()).total).toBe(1005);
    expect((await c.where({ i: cloud._.gte(1000) }).count()).total).toBe(5);
  });

  it('field(): inclusion, exclusion, dotted paths, slice and elemMatch', async () => {
    const { _ } = cloud;
    const only = await people.where({ _id: 'a' }).field({ name: true, 'address.city': true }).get();
    expect(only.data).toEqual([{ _id: 'a', name: 'Alice', address: { city: '杭州' } }]);
    const noId = await people.doc('a').field({ _id: false, age: true }).get();
    expect(noId.data).toEqual([{ age: 30 }]);
    const without = await people.doc('b').field({ scores: false, items: false, address: false, tags: false, recent: false, when: false, note: false }).get();
    expect(without.data).toEqual([{ _id: 'b', name: 'bob', age: 25 }]);
    const through = await people.doc('a').field({ 'items.sku': true }).get();
    expect(through.data).toEqual([{ _id: 'a', items: [{ sku: 'p1' }, { sku: 'p2' }] }]);
    const sliced = await people.doc('a').field({ scores: _.project.slice(-2), name: true }).get();
    expect(sliced.data).toEqual([{ _id: 'a', name: 'Alice', scores: [5, 9] }]);
    const matched = await people.doc('a').field({ items: _.project.elemMatch({ qty: 0 }), name: true }).get();
    expect(matched.data).toEqual([{ _id: 'a', name: 'Alice', items: [{ sku: 'p2', qty: 0 }] }]);
    // The SDK does not serialise a command inside project.elemMatch: it sends
    // {qty: {operator: 'lt', operands: [1], fieldName: {}}}, an embedded document no
    // element equals, so CloudBase (and the local cloud) project no element at all.
    const garbled = await people.doc('a').field({ items: _.project.elemMatch({ qty: _.lt(1) }), name: true }).get();
    expect(garbled.data).toEqual([{ _id: 'a', name: 'Alice' }]);
    const mixed = await failure(people.field({ name: true, age: false }).get());
    expect(mixed).toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringMatching(/Cannot do exclusion on field age in inclusion projection/) });
  });

  it('count', async () => {
    expect((await people.where({ age: cloud._.gt(0) }).count()).total).toBe(3);
    expect((await people.count()).total).toBe(4);
  });
});

describe('refused by name', () => {
  it('geo queries cannot run offline', async () => {
    const { _, db } = cloud;
    const near = await failure(people.where({ loc: _.geoNear({ geometry: new db.Geo.Point(120, 30), maxDistance: 10 }) }).get());
    expect(near).toMatchObject({ code: 'LOCAL_CLOUD_UNSUPPORTED', message: expect.stringMatching(/\$nearSphere/) });
  });

  it('full-text search and server-side JavaScript', async () => {
    const raw = cloud.db.collection(people.name).options({ raw: true });
    expect(await failure(raw.where({ $text: { $search: 'x' } }).get())).toMatchObject({ code: 'LOCAL_CLOUD_UNSUPPORTED', message: expect.stringMatching(/\$text/) });
    expect(await failure(raw.where({ $where: 'this.age > 1' }).get())).toMatchObject({ code: 'LOCAL_CLOUD_UNSUPPORTED', message: expect.stringMatching(/\$where/) });
    expect(await failure(raw.where({ age: { $foo: 1 } }).get())).toMatchObject({ code: 'DATABASE_INVALID_OPERRATOR', message: expect.stringMatching(/\$foo/) });
    expect(await failure(people.where(cloud._.jsonSchema({ required: ['name'] }) as never).get())).toMatchObject({ code: 'LOCAL_CLOUD_UNSUPPORTED', message: expect.stringMatching(/\$jsonSchema/) });
  });

  it('a collection that was never created', async () => {
    const missing = await failure(cloud.db.collection('never_created').get());
    expect(missing.code).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect((await failure(cloud.db.collection('never_created').add({ a: 1 }))).code).toBe('DATABASE_COLLECTION_NOT_EXIST');
  });
});
