import { startCloud, type Cloud } from './support';

/**
 * What the statistics (shared/server/adapters/cloudbase-statistics.repository.ts)
 * rely on, through the real SDK against the local database service, with the
 * answers CloudBase (MongoDB) gives:
 *
 * - Aggregate stages match, group, unwind, project, sort, skip, limit and the
 *   expressions floor, divide, add, subtract, cond, sum, max, last, addToSet,
 *   in, eq, neq, and, lte, gt
 *   (https://docs.cloudbase.net/api-reference/server/node-sdk/database/aggregate,
 *   https://www.mongodb.com/docs/manual/reference/operator/aggregation/).
 * - `db.command.elemMatch` (https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/command/Command.elemMatch.html)
 *   with a range written as MongoDB operators. The SDK serialises a plain
 *   command inside elemMatch (`_.in`, `_.gte`) but sends a chained one
 *   (`_.gte(a).and(_.lt(b))`) as the raw command object, which the database
 *   compares as a literal and so matches nothing: the statistics write ranges
 *   inside elemMatch as `{$gte, $lt}`.
 * - Every aggregation ends with an explicit limit: developers report that
 *   CloudBase answers one without a limit with 20 results only (the
 *   documentation is silent), so nothing may depend on a default.
 */
let cloud: Cloud;
let questions: Awaited<ReturnType<Cloud['collection']>>;
let $: Cloud['_']['aggregate'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OFFSET = 8 * HOUR;
/** 2026-03-05 00:00 Asia/Shanghai. */
const MARCH_5 = Date.UTC(2026, 2, 4, 16);

beforeAll(async () => {
  cloud = await startCloud();
  $ = cloud._.aggregate;
  questions = await cloud.collection('stats');
  await questions.add([
    // Asked 2026-03-05 01:00 and 23:30 (Shanghai), and 2026-03-06 00:30.
    { _id: 'a', createdAt: MARCH_5 + HOUR, deadlineAt: MARCH_5 + 25 * HOUR, answeredAt: MARCH_5 + 3 * HOUR, status: 'closed', rating: { satisfied: true }, unit: 'c-cs', answers: [{ at: MARCH_5 + 3 * HOUR, by: 'p1', unit: 'c-cs' }] },
    { _id: 'b', createdAt: MARCH_5 + 23.5 * HOUR, deadlineAt: MARCH_5 + 47.5 * HOUR, answeredAt: MARCH_5 + 50 * HOUR, status: 'answered', rating: null, unit: 'c-cs', answers: [{ at: MARCH_5 + 50 * HOUR, by: 'p1', unit: 'c-cs' }, { at: MARCH_5 + 51 * HOUR, by: 'p2', unit: 'c-cs' }] },
    { _id: 'c', createdAt: MARCH_5 + 24.5 * HOUR, deadlineAt: MARCH_5 + 48.5 * HOUR, answeredAt: null, status: 'routed', rating: null, unit: 'c-econ', answers: [] },
  ]);
});
afterAll(() => cloud.stop());

describe('ranges inside elemMatch', () => {
  it('match with MongoDB operators; a chained command is sent as a literal and matches nothing', async () => {
    const { _ } = cloud;
    const from = MARCH_5 + 49 * HOUR;
    const to = MARCH_5 + 52 * HOUR;
    const raw = await questions.where({ answers: _.elemMatch({ at: { $gte: from, $lt: to }, by: _.in(['p2']) }) }).get();
    expect(raw.data.map((d: { _id: string }) => d._id)).toEqual(['b']);
    const chained = await questions.where({ answers: _.elemMatch({ at: _.gte(from).and(_.lt(to)) }) }).get();
    expect(chained.data).toEqual([]);
    // Outside elemMatch the chained command is serialised as MongoDB's range.
    const top = await questions.where({ createdAt: _.gte(MARCH_5).and(_.lt(MARCH_5 + 24 * HOUR)) }).get();
    expect(top.data.map((d: { _id: string }) => d._id).sort()).toEqual(['a', 'b']);
  });
});

describe('the statistics pipelines', () => {
  const countIf = (condition: unknown) => $.sum($.cond({ if: condition, then: 1, else: 0 }));

  it('groups by campus day computed from epoch milliseconds, counting with cond', async () => {
    const answered = $.neq(['$answeredAt', null]);
    const rows = (
      await questions
        .aggregate()
        .match({ createdAt: cloud._.gte(MARCH_5) })
        .group({
          _id: $.floor($.divide([$.add(['$createdAt', OFFSET]), DAY])),
          questions: $.sum(1),
          onTime: countIf($.and([answered, $.lte(['$answeredAt', '$deadlineAt'])])),
          late: countIf($.and([answered, $.gt(['$answeredAt', '$deadlineAt'])])),
          settled: countIf($.in(['$status', ['resolved', 'closed']])),
          rated: countIf($.neq(['$rating', null])),
          satisfied: countIf($.eq(['$rating.satisfied', true])),
        })
        .sort({ _id: 1 })
        .limit(1000)
        .end()
    ).data;
    const march5 = Math.floor((MARCH_5 + OFFSET) / DAY);
    expect(rows).toEqual([
      { _id: march5, questions: 2, onTime: 1, late: 1, settled: 1, rated: 1, satisfied: 1 },
      { _id: march5 + 1, questions: 1, onTime: 0, late: 0, settled: 0, rated: 0, satisfied: 0 },
    ]);
  });

  it('unwinds embedded answers, matches on the unwound element, and groups people', async () => {
    const rows = (
      await questions
        .aggregate()
        .match({ answers: cloud._.elemMatch({ at: { $gte: MARCH_5, $lt: MARCH_5 + 60 * HOUR } }) })
        .unwind('$answers')
        .match({ 'answers.at': cloud._.gte(MARCH_5 + 10 * HOUR) })
        .group({ _id: '$answers.by', answers: $.sum(1), units: $.addToSet('$answers.unit'), last: $.last('$_id') })
        .sort({ answers: -1, _id: 1 })
        .limit(500)
        .end()
    ).data;
    expect(rows).toEqual([
      { _id: 'p1', answers: 1, units: ['c-cs'], last: 'b' },
      { _id: 'p2', answers: 1, units: ['c-cs'], last: 'b' },
    ]);
  });

  it('groups twice (each person once, then totals) with max of a condition', async () => {
    const rows = (
      await questions
        .aggregate()
        .match({ 'answers.by': cloud._.in(['p1', 'p2']) })
        .unwind('$answers')
        .group({ _id: '$answers.by', late: $.max($.cond({ if: $.gt(['$answeredAt', '$deadlineAt']), then: 1, else: 0 })) })
        .group({ _id: null, people: $.sum(1), late: $.sum('$late') })
        .limit(1)
        .end()
    ).data;
    // p1 answered a (on time) and b (late); p2 only b: both touched a late question.
    expect(rows).toEqual([{ _id: null, people: 2, late: 2 }]);
  });

  it('reads a median by sorting a computed value and fetching the middle', async () => {
    const minutes = (skip: number, limit: number) =>
      questions
        .aggregate()
        .match({ answeredAt: cloud._.neq(null) })
        .project({ _id: 0, minutes: $.floor($.divide([$.subtract(['$answeredAt', '$createdAt']), 60_000])) })
        .sort({ minutes: 1 })
        .skip(skip)
        .limit(limit)
        .end();
    // a: 2 h, b: 26.5 h → the mean of the two middle values.
    expect((await minutes(0, 2)).data).toEqual([{ minutes: 120 }, { minutes: 1590 }]);
    expect((await minutes(1, 1)).data).toEqual([{ minutes: 1590 }]);
  });

  it('returns as many groups as the explicit limit allows', async () => {
    const many = await cloud.collection('many');
    await many.add(Array.from({ length: 25 }, (_, i) => ({ _id: `m${i}`, unit: `u${i}` })));
    expect((await many.aggregate().group({ _id: '$unit', n: $.sum(1) }).limit(1000).end()).data).toHaveLength(25);
    expect((await many.aggregate().group({ _id: '$unit', n: $.sum(1) }).limit(10).end()).data).toHaveLength(10);
  });
});

describe('request accounting for aggregations', () => {
  it('counts an aggregation whose first match no index serves, like a query', async () => {
    const { db, service, _ } = cloud;
    await db.createCollection('questions').catch(() => undefined);
    service.database.resetStats();
    await db.collection('questions').aggregate().match({ createdAt: _.gte(0) }).group({ _id: null, n: $.sum(1) }).limit(1).end();
    await db.collection('questions').aggregate().match({ answers: _.elemMatch({ createdAt: { $gte: 0 } }) }).limit(1).end();
    await db.collection('questions').aggregate().match({ title: 'x' }).limit(1).end();
    await db.collection('questions').aggregate().group({ _id: null, n: $.sum(1) }).limit(1).end();
    expect(service.database.stats().unindexed).toEqual([
      { action: 'database.aggregateDocuments', collection: 'questions', fields: ['title'] },
      { action: 'database.aggregateDocuments', collection: 'questions', fields: [] },
    ]);
  });
});
