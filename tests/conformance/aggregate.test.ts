import { failure, startCloud, type Cloud } from './support';

/**
 * Aggregation through the SDK's Aggregate (collection.aggregate()...end()):
 * every stage CloudBase offers (https://docs.cloudbase.net/api-reference/server/node-sdk/database/aggregate,
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/Aggregate.html:
 * addFields bucket bucketAuto count geoNear group limit lookup match project
 * replaceRoot sample skip sort sortByCount unwind) and each family of
 * expressions of db.command.aggregate, with MongoDB's answers
 * (https://www.mongodb.com/docs/manual/reference/operator/aggregation/).
 */
let cloud: Cloud;
let sales: Awaited<ReturnType<Cloud['collection']>>;
let people: Awaited<ReturnType<Cloud['collection']>>;
let $: Cloud['_']['aggregate'];

beforeAll(async () => {
  cloud = await startCloud();
  $ = cloud._.aggregate;
  sales = await cloud.collection('sales');
  await sales.add([
    { _id: 1, item: 'tea', price: 10, qty: 2, tags: ['hot', 'green'], at: new Date('2025-03-01T08:00:00Z'), who: 'p1' },
    { _id: 2, item: 'tea', price: 10, qty: 1, tags: ['hot'], at: new Date('2025-03-02T09:30:00Z'), who: 'p2' },
    { _id: 3, item: 'coffee', price: 25, qty: 3, tags: [], at: new Date('2025-04-10T12:00:00Z'), who: 'p1' },
    { _id: 4, item: 'juice', price: 15, qty: 0, at: new Date('2025-04-11T00:00:00Z') },
  ]);
  people = await cloud.collection('people');
  await people.add([
    { _id: 'p1', name: '张晓雨', unit: 'c-cs' },
    { _id: 'p2', name: '李明', unit: 'c-econ' },
  ]);
});
afterAll(() => cloud.stop());

async function run(build: (a: ReturnType<typeof sales.aggregate>) => { end(): Promise<any> }): Promise<any[]> {
  return (await build(sales.aggregate()).end()).data;
}

describe('stages', () => {
  it('match (with commands), project, sort, skip, limit', async () => {
    const { _ } = cloud;
    const got = await run((a) => a.match({ price: _.gte(10), item: _.neq('juice') }).project({ _id: 0, item: 1, total: $.multiply(['$price', '$qty']) }).sort({ total: -1, item: 1 }).skip(1).limit(2));
    expect(got).toEqual([
      { item: 'tea', total: 20 },
      { item: 'tea', total: 10 },
    ]);
  });

  it('group with accumulators', async () => {
    const got = await run((a) =>
      a
        .group({
          _id: '$item',
          n: $.sum(1),
          units: $.sum('$qty'),
          avgPrice: $.avg('$price'),
          first: $.first('$_id'),
          last: $.last('$_id'),
          most: $.max('$qty'),
          least: $.min('$qty'),
          ids: $.push('$_id'),
          buyers: $.addToSet('$who'),
        })
        .sort({ _id: 1 }),
    );
    expect(got).toEqual([
      { _id: 'coffee', n: 1, units: 3, avgPrice: 25, first: 3, last: 3, most: 3, least: 3, ids: [3], buyers: ['p1'] },
      { _id: 'juice', n: 1, units: 0, avgPrice: 15, first: 4, last: 4, most: 0, least: 0, ids: [4], buyers: [] },
      { _id: 'tea', n: 2, units: 3, avgPrice: 10, first: 1, last: 2, most: 2, least: 1, ids: [1, 2], buyers: ['p1', 'p2'] },
    ]);
    const dev = await run((a) => a.group({ _id: null, pop: $.stdDevPop('$qty'), samp: $.stdDevSamp('$qty') }));
    expect(dev[0].pop).toBeCloseTo(Math.sqrt(1.25), 10);
    expect(dev[0].samp).toBeCloseTo(Math.sqrt(5 / 3), 10);
  });

  it('count, sortByCount, unwind', async () => {
    expect(await run((a) => a.match({ qty: cloud._.gt(0) }).count('n'))).toEqual([{ n: 3 }]);
    expect(await run((a) => a.unwind('$tags').sortByCount('$tags'))).toEqual([
      { _id: 'hot', count: 2 },
      { _id: 'green', count: 1 },
    ]);
    const kept = await run((a) => a.unwind({ path: '$tags', includeArrayIndex: 'i', preserveNullAndEmptyArrays: true }).project({ tags: 1, i: 1 }));
    expect(kept).toEqual([
      { _id: 1, tags: 'hot', i: 0 },
      { _id: 1, tags: 'green', i: 1 },
      { _id: 2, tags: 'hot', i: 0 },
      { _id: 3, i: null },
      { _id: 4, i: null },
    ]);
  });

  it('addFields and replaceRoot', async () => {
    const got = await run((a) => a.match({ _id: 1 }).addFields({ total: $.multiply(['$price', '$qty']) }).replaceRoot({ newRoot: { item: '$item', total: '$total' } }));
    expect(got).toEqual([{ item: 'tea', total: 20 }]);
  });

  it('bucket and bucketAuto', async () => {
    const b = await run((a) => a.bucket({ groupBy: '$price', boundaries: [0, 12, 30], default: 'other', output: { n: $.sum(1) } }));
    expect(b).toEqual([
      { _id: 0, n: 2 },
      { _id: 12, n: 2 },
    ]);
    const auto = await run((a) => a.bucketAuto({ groupBy: '$qty', buckets: 2 }));
    expect(auto).toEqual([
      { _id: { min: 0, max: 2 }, count: 2 },
      { _id: { min: 2, max: 3 }, count: 2 },
    ]);
  });

  it('lookup: by fields, and with let + pipeline', async () => {
    const joined = await run((a) => a.match({ _id: 1 }).lookup({ from: people.name, localField: 'who', foreignField: '_id', as: 'buyer' }).project({ buyer: 1 }));
    expect(joined).toEqual([{ _id: 1, buyer: [{ _id: 'p1', name: '张晓雨', unit: 'c-cs' }] }]);
    const piped = await run((a) =>
      a
        .match({ _id: 2 })
        .lookup({ from: people.name, let: { w: '$who' }, pipeline: $.pipeline().match(cloud._.expr($.eq(['$_id', '$$w']))).project({ _id: 0, name: 1 }).done(), as: 'buyer' })
        .project({ buyer: 1 }),
    );
    expect(piped).toEqual([{ _id: 2, buyer: [{ name: '李明' }] }]);
    const none = await run((a) => a.match({ _id: 1 }).lookup({ from: 'no_such_collection', localField: 'who', foreignField: '_id', as: 'x' }).project({ x: 1 }));
    expect(none).toEqual([{ _id: 1, x: [] }]);
  });

  it('sample returns that many distinct documents', async () => {
    const got = await run((a) => a.sample({ size: 3 }));
    expect(got).toHaveLength(3);
    expect(new Set(got.map((d) => d._id)).size).toBe(3);
  });
});

describe('expressions', () => {
  async function value(expr: unknown, id = 1): Promise<unknown> {
    const [row] = await run((a) => a.match({ _id: id }).project({ _id: 0, v: expr }));
    return row.v;
  }

  it('arithmetic', async () => {
    expect(await value($.add(['$price', 5]))).toBe(15);
    expect(await value($.subtract(['$price', '$qty']))).toBe(8);
    expect(await value($.divide(['$price', 4]))).toBe(2.5);
    expect(await value($.mod(['$price', 3]))).toBe(1);
    expect(await value($.abs(-3))).toBe(3);
    expect(await value($.ceil(2.1))).toBe(3);
    expect(await value($.floor(2.9))).toBe(2);
    expect(await value($.trunc(-2.9))).toBe(-2);
    expect(await value($.sqrt(16))).toBe(4);
    expect(await value($.pow([2, 10]))).toBe(1024);
    expect(await value($.log10(1000))).toBe(3);
    expect(await value($.ln(1))).toBe(0);
    expect(await value($.exp(0))).toBe(1);
    expect(await value($.log([8, 2]))).toBe(3);
  });

  it('array', async () => {
    expect(await value($.arrayElemAt(['$tags', 1]))).toBe('green');
    expect(await value($.concatArrays(['$tags', ['x']]))).toEqual(['hot', 'green', 'x']);
    expect(await value($.filter({ input: [1, 2, 3, 4], as: 'n', cond: $.gt(['$$n', 2]) }))).toEqual([3, 4]);
    expect(await value($.in(['hot', '$tags']))).toBe(true);
    expect(await value($.indexOfArray(['$tags', 'green']))).toBe(1);
    expect(await value($.isArray('$tags'))).toBe(true);
    expect(await value($.map({ input: [1, 2], as: 'n', in: $.multiply(['$$n', 10]) }))).toEqual([10, 20]);
    expect(await value($.range([0, 6, 2]))).toEqual([0, 2, 4]);
    expect(await value($.reduce({ input: [1, 2, 3], initialValue: 0, in: $.add(['$$value', '$$this']) }))).toBe(6);
    expect(await value($.reverseArray('$tags'))).toEqual(['green', 'hot']);
    expect(await value($.size('$tags'))).toBe(2);
    // $size of a missing field or a non-array is an error, not 0 (MongoDB $size; CloudBase: "解析为数组的表达式").
    expect(await failure(sales.aggregate().match({ _id: 4 }).project({ n: $.size('$tags') }).end())).toMatchObject({ message: expect.stringMatching(/must be an array/) });
    expect(await failure(sales.where(cloud._.expr($.lt([$.size('$nothing'), 3]))).get())).toMatchObject({ message: expect.stringMatching(/must be an array/) });
    expect(await value($.slice(['$tags', 1]))).toEqual(['hot']);
    expect(await value($.zip({ inputs: [[1, 2], ['a', 'b']] }))).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    expect(await value($.arrayToObject([[['k', 'v']]]))).toEqual({ k: 'v' });
    expect(await value($.objectToArray({ a: 1 }))).toEqual([{ k: 'a', v: 1 }]);
  });

  it('boolean and comparison (BSON order across types)', async () => {
    expect(await value($.and([true, $.gt(['$qty', 1])]))).toBe(true);
    expect(await value($.or([false, $.eq(['$item', 'coffee'])]))).toBe(false);
    expect(await value($.not([$.lt(['$price', 5])]))).toBe(true);
    expect(await value($.cmp(['$price', 20]))).toBe(-1);
    expect(await value($.gte(['$price', 10]))).toBe(true);
    expect(await value($.lte(['$price', 9]))).toBe(false);
    expect(await value($.neq(['$item', 'tea']))).toBe(false);
    expect(await value($.gt(['a', 100]))).toBe(true);
    expect(await value($.lt([null, 0]))).toBe(true);
  });

  it('conditional', async () => {
    expect(await value($.cond({ if: $.gte(['$qty', 2]), then: 'bulk', else: 'single' }))).toBe('bulk');
    expect(await value($.cond([false, 1, 2]))).toBe(2);
    expect(await value($.ifNull(['$missing', 'fallback']))).toBe('fallback');
    expect(await value($.switch({ branches: [{ case: $.eq(['$item', 'coffee']), then: 'c' }], default: 'other' }))).toBe('other');
  });

  it('date (UTC)', async () => {
    expect(await value($.year('$at'), 2)).toBe(2025);
    expect(await value($.month('$at'), 2)).toBe(3);
    expect(await value($.dayOfMonth('$at'), 2)).toBe(2);
    expect(await value($.hour('$at'), 2)).toBe(9);
    expect(await value($.minute('$at'), 2)).toBe(30);
    expect(await value($.second('$at'), 2)).toBe(0);
    expect(await value($.millisecond('$at'), 2)).toBe(0);
    expect(await value($.dayOfWeek('$at'), 2)).toBe(1); // a Sunday
    expect(await value($.dayOfYear('$at'), 2)).toBe(61);
    expect(await value($.isoDayOfWeek('$at'), 2)).toBe(7);
    expect(await value($.week('$at'), 2)).toBe(9);
    expect(await value($.isoWeek('$at'), 2)).toBe(9);
    expect(await value($.isoWeekYear('$at'), 2)).toBe(2025);
    expect(await value($.dateToString({ date: '$at', format: '%Y-%m-%d %H:%M' }), 2)).toBe('2025-03-02 09:30');
    expect(await value($.dateFromParts({ year: 2025, month: 3, day: 1 }), 2)).toEqual(new Date('2025-03-01T00:00:00Z'));
    expect(await value($.dateFromString({ dateString: '2025-03-01T08:00:00Z' }), 2)).toEqual(new Date('2025-03-01T08:00:00Z'));
  });

  it('string', async () => {
    expect(await value($.concat(['$item', '-', 'x']))).toBe('tea-x');
    expect(await value($.toUpper('$item'))).toBe('TEA');
    expect(await value($.toLower('TeA'))).toBe('tea');
    expect(await value($.substr(['$item', 1, 2]))).toBe('ea');
    expect(await value($.substrCP(['张晓雨', 1, 2]))).toBe('晓雨');
    expect(await value($.substrBytes(['张晓雨', 3, 3]))).toBe('晓');
    expect(await value($.strLenBytes('张晓雨'))).toBe(9);
    expect(await value($.strLenCP('张晓雨'))).toBe(3);
    expect(await value($.split(['a,b,c', ',']))).toEqual(['a', 'b', 'c']);
    expect(await value($.indexOfBytes(['tea', 'a']))).toBe(2);
    expect(await value($.indexOfCP(['张晓雨', '雨']))).toBe(2);
    expect(await value($.strcasecmp(['Tea', 'TEA']))).toBe(0);
  });

  it('set', async () => {
    expect(await value($.setUnion([[1, 2], [2, 3]]))).toEqual(expect.arrayContaining([1, 2, 3]));
    expect(await value($.setIntersection([[1, 2], [2, 3]]))).toEqual([2]);
    expect(await value($.setDifference([[1, 2], [2, 3]]))).toEqual([1]);
    expect(await value($.setEquals([[1, 2], [2, 1]]))).toBe(true);
    expect(await value($.setIsSubset([[1], [1, 2]]))).toBe(true);
    expect(await value($.allElementsTrue([[true, 1]]))).toBe(true);
    expect(await value($.anyElementTrue([[false, 0]]))).toBe(false);
  });

  it('literal, let, mergeObjects', async () => {
    expect(await value($.literal('$price'))).toBe('$price');
    expect(await value($.let({ vars: { t: $.multiply(['$price', '$qty']) }, in: $.add(['$$t', 1]) }))).toBe(21);
    expect(await value($.mergeObjects([{ a: 1 }, { b: 2 }]))).toEqual({ a: 1, b: 2 });
  });
});

describe('refused by name', () => {
  it('geoNear cannot run offline', async () => {
    const geo = await failure(sales.aggregate().geoNear({ distanceField: 'd', near: new cloud.db.Geo.Point(120, 30) }).end());
    expect(geo).toMatchObject({ code: 'LOCAL_CLOUD_UNSUPPORTED', message: expect.stringMatching(/\$geoNear/) });
  });

  it('text-search scores and server-side JavaScript', async () => {
    const meta = await failure(sales.aggregate().project({ score: $.meta('textScore') }).end());
    expect(meta).toMatchObject({ code: 'LOCAL_CLOUD_UNSUPPORTED', message: expect.stringMatching(/\$meta/) });
    const fn = await failure(sales.aggregate().project({ x: { $function: { body: 'function(){return 1}', args: [], lang: 'js' } } }).end());
    expect(fn).toMatchObject({ code: 'DATABASE_INVALID_OPERRATOR', message: expect.stringMatching(/\$function/) });
  });

  it('stages CloudBase does not offer, sent as a raw pipeline', async () => {
    const raw = cloud.db.collection(sales.name).options({ raw: true });
    for (const stage of [{ $out: 'copy' }, { $merge: { into: 'copy' } }, { $facet: { a: [] } }, { $unionWith: 'x' }, { $graphLookup: {} }]) {
      const refused = await failure(raw.aggregate([stage]).end());
      expect(refused).toMatchObject({ code: 'DATABASE_INVALID_OPERRATOR', message: expect.stringContaining(Object.keys(stage)[0]!) });
    }
  });
});
