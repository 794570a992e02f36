import { COLLECTIONS } from '../../shared/server/collections';
import { constrainedFields, planQuery } from '../../scripts/local-cloud/query-plan';

describe('the local cloud query planner', () => {
  it('finds the fields a filter constrains on every path', () => {
    expect([...constrainedFields({ a: 1, $and: [{ b: 2 }, { $or: [{ c: 1, d: 1 }, { c: 2 }] }] })].sort()).toEqual(['a', 'b', 'c']);
  });

  it('uses an index whose first key is constrained', () => {
    expect(planQuery(COLLECTIONS.questions, { ownerUnitId: { $in: ['c-cs'] }, status: 'routed' })).toEqual({ indexed: true, index: 'inbox_pending' });
    expect(planQuery(COLLECTIONS.questions, { _id: 'q1', status: 'routed' })).toEqual({ indexed: true, index: '_id_' });
  });

  it('flags a query on fields no index leads with', () => {
    expect(planQuery(COLLECTIONS.questions, { title: '宿舍' }).indexed).toBe(false);
    expect(planQuery(COLLECTIONS.questions, { deadlineAt: { $lte: 1 } }).indexed).toBe(false);
    expect(planQuery(COLLECTIONS.questions, {}).indexed).toBe(false);
  });

  it('counts an $or as indexed when every branch is served by some index', () => {
    expect(planQuery(COLLECTIONS.questions, { $or: [{ askerOpenid: 'o' }, { ownerUnitId: 'u', status: 'routed' }] })).toEqual({
      indexed: true,
      index: '$or(by_asker, inbox_pending)',
    });
    expect(planQuery(COLLECTIONS.questions, { $or: [{ askerOpenid: 'o' }, { title: 'x' }] }).indexed).toBe(false);
    expect(planQuery(COLLECTIONS.questions, { $and: [{ title: 'x' }, { $or: [{ _id: 'a' }, { askerOpenid: 'o' }] }] }).indexed).toBe(true);
  });

  it('treats a dotted key into an array as a multikey index, served by $elemMatch too', () => {
    const spec = { name: 'x', purpose: 'test', indexes: [{ name: 'by_answer', keys: { 'answers.id': 1 as const } }] };
    expect(planQuery(spec, { 'answers.id': 'a1' })).toEqual({ indexed: true, index: 'by_answer' });
    expect(planQuery(spec, { answers: { $elemMatch: { id: 'a1', official: true } } })).toEqual({ indexed: true, index: 'by_answer' });
    expect(planQuery(spec, { answers: { $size: 1 } }).indexed).toBe(false);
    expect(planQuery(COLLECTIONS.users, { memberships: { $elemMatch: { unitId: 'c-cs' } } })).toEqual({ indexed: true, index: 'by_unit' });
  });

  it('lets small reference collections be read whole', () => {
    expect(planQuery(COLLECTIONS.units, {}).indexed).toBe(true);
  });
});
