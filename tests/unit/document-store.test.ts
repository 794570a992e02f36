import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BSONRegExp, ObjectId } from 'bson';
import type { IndexSpec } from '../../shared/server/collections';
import { DocumentStore, LocalDbError } from '../../scripts/local-cloud/document-store';

describe('the local cloud document store', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'qnzs-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps documents across a restart', () => {
    const file = join(dir, 'db.sqlite');
    const first = new DocumentStore({ file });
    first.createCollection('questions');
    first.insert('questions', [{ _id: 'q1', title: '宿舍热水', createdAt: 1 }]);
    first.update('questions', { _id: 'q1' }, { $set: { status: 'answered' }, $inc: { answerCount: 1 } }, { multi: false, merge: true, upsert: false });
    first.close();

    const second = new DocumentStore({ file });
    expect(second.find('questions', {})).toEqual([{ _id: 'q1', title: '宿舍热水', createdAt: 1, status: 'answered', answerCount: 1 }]);
    second.close();
  });

  it('evaluates MongoDB operators, sorting and paging', () => {
    const store = new DocumentStore({ file: ':memory:' });
    store.createCollection('q');
    store.insert('q', [1, 2, 3, 4, 5].map((n) => ({ _id: `q${n}`, n, unit: n % 2 ? 'odd' : 'even' })));
    expect(store.find('q', { n: { $gt: 2 }, unit: { $in: ['odd'] } }, { sort: { n: -1 } }).map((d) => d._id)).toEqual(['q5', 'q3']);
    expect(store.find('q', {}, { sort: { n: 1 }, skip: 1, limit: 2 }).map((d) => d._id)).toEqual(['q2', 'q3']);
    expect(store.count('q', { unit: 'even' })).toBe(2);
  });

  it('applies a conditional update to at most one document when multi is false', () => {
    const store = new DocumentStore({ file: ':memory:' });
    store.createCollection('q');
    store.insert('q', [{ _id: 'a', status: 'routed' }]);
    const opts = { multi: false, merge: true, upsert: false };
    expect(store.update('q', { _id: 'a', status: 'routed' }, { $set: { status: 'answered' } }, opts).updated).toBe(1);
    expect(store.update('q', { _id: 'a', status: 'routed' }, { $set: { status: 'answered' } }, opts).updated).toBe(0);
  });

  it('refuses, as MongoDB does, a dotted set inside a null field', () => {
    const store = new DocumentStore({ file: ':memory:' });
    store.createCollection('q');
    store.insert('q', [{ _id: 'a', rating: null }]);
    const opts = { multi: false, merge: true, upsert: false };
    expect(() => store.update('q', { _id: 'a' }, { $set: { 'rating.satisfied': true } }, opts)).toThrow(/Cannot create field 'satisfied'/);
    expect(store.update('q', { _id: 'a' }, { $set: { rating: { satisfied: true } } }, opts).updated).toBe(1);
    expect(store.update('q', { _id: 'a' }, { $set: { 'rating.comment': '好' } }, opts).updated).toBe(1);
  });

  it('refuses duplicate ids as MongoDB\'s ordered insert does: the documents before the duplicate stay, none after', () => {
    const store = new DocumentStore({ file: ':memory:' });
    store.createCollection('q');
    store.insert('q', [{ _id: 'a' }]);
    expect(() => store.insert('q', [{ _id: 'b' }, { _id: 'a' }, { _id: 'c' }])).toThrow(/E11000 duplicate key error collection: q index: _id_/);
    expect(store.find('q', {}).map((d) => d._id)).toEqual(['a', 'b']);
  });

  it('keeps ObjectId and Date values (with their bytes) across a restart', () => {
    const file = join(dir, 'db.sqlite');
    const first = new DocumentStore({ file });
    first.createCollection('q');
    const ref = new ObjectId('5f8d0d55b54764421b7156c5');
    first.insert('q', [{ _id: 'a', ref, at: new Date(5), list: [ref] }]);
    expect((first.find('q', {})[0]!.ref as ObjectId).toHexString()).toBe(ref.toHexString());
    first.close();
    const second = new DocumentStore({ file });
    const [doc] = second.find('q', { ref: new ObjectId('5f8d0d55b54764421b7156c5') });
    expect((doc!.ref as ObjectId).toHexString()).toBe(ref.toHexString());
    expect(((doc!.list as ObjectId[])[0] as ObjectId).toHexString()).toBe(ref.toHexString());
    expect(doc!.at).toEqual(new Date(5));
    second.close();
  });

  it('enforces whatever unique indexes are declared: nested paths, multikey arrays, compound keys', () => {
    const indexes: IndexSpec[] = [
      { name: 'answer_ids', keys: { 'answers.id': 1 }, unique: true },
      { name: 'by_owner', keys: { 'owner.unit': 1, 'owner.seat': 1 }, unique: true },
      { name: 'not_unique', keys: { title: 1 } },
    ];
    const store = new DocumentStore({ file: ':memory:', indexes: (name) => (name === 'q' ? indexes : []) });
    store.createCollection('q');
    store.insert('q', [{ _id: '1', answers: [{ id: 'x' }, { id: 'y' }], owner: { unit: 'u', seat: 1 }, title: 't' }]);
    expect(() => store.insert('q', [{ _id: '2', answers: [{ id: 'z' }, { id: 'y' }], owner: { unit: 'u', seat: 2 } }])).toThrow(/index: answer_ids dup key/);
    expect(() => store.insert('q', [{ _id: '3', answers: [{ id: 'w' }], owner: { unit: 'u', seat: 1 } }])).toThrow(/index: by_owner dup key/);
    store.insert('q', [{ _id: '4', answers: [{ id: 'v' }], owner: { unit: 'u', seat: 3 }, title: 't' }]);
    const opts = { multi: false, merge: true, upsert: false };
    expect(() => store.update('q', { _id: '4' }, { $push: { answers: { id: 'x' } } }, opts)).toThrow(/answer_ids/);
    // The same key twice in one document's array is not a duplicate.
    expect(store.update('q', { _id: '4' }, { $push: { answers: { id: 'v' } } }, opts).updated).toBe(1);
    // A removed document frees its keys.
    store.remove('q', { _id: '1' }, false);
    store.insert('q', [{ _id: '5', answers: [{ id: 'x' }], owner: { unit: 'u', seat: 1 } }]);
    expect(store.count('q', {})).toBe(2);
  });

  it('evaluates the query commands MongoDB-faithfully where mingo does not', () => {
    const store = new DocumentStore({ file: ':memory:' });
    store.createCollection('q');
    store.insert('q', [
      { _id: 'a', values: [1, 2, 3], name: 'Alice', nested: [[2]] },
      { _id: 'b', values: [{ value: 1 }], name: 'bob' },
    ]);
    expect(store.find('q', { values: { $elemMatch: { value: { $gt: 0 } } } }).map((d) => d._id)).toEqual(['b']);
    expect(store.find('q', { name: new BSONRegExp('^a', 'i') }).map((d) => d._id)).toEqual(['a']);
    expect(store.find('q', { nested: 2 }).map((d) => d._id)).toEqual([]);
    expect(store.find('q', { nested: [2] }).map((d) => d._id)).toEqual(['a']);
  });

  it('fails loudly, by name, on what it does not support', () => {
    const store = new DocumentStore({ file: ':memory:' });
    store.createCollection('q');
    store.insert('q', [{ _id: 'a', tags: [] }]);
    expect(() => store.update('q', {}, { $currentDate: { at: true } }, { multi: true, merge: true, upsert: false })).toThrow(/\$currentDate/);
    expect(() => store.aggregate('q', [{ $out: 'x' }])).toThrow(/\$out/);
    expect(() => store.aggregate('q', [{ $geoNear: {} }])).toThrow(/\$geoNear/);
    expect(() => store.find('q', { loc: { $geoWithin: {} } })).toThrow(/\$geoWithin/);
    expect(() => store.find('missing', {})).toThrow(LocalDbError);
  });

  it('looks up another collection in an aggregation', () => {
    const store = new DocumentStore({ file: ':memory:' });
    store.createCollection('q');
    store.createCollection('u');
    store.insert('q', [{ _id: 'a', by: 'u1' }]);
    store.insert('u', [{ _id: 'u1', name: '张晓雨' }]);
    expect(store.aggregate('q', [{ $lookup: { from: 'u', localField: 'by', foreignField: '_id', as: 'who' } }])).toEqual([{ _id: 'a', by: 'u1', who: [{ _id: 'u1', name: '张晓雨' }] }]);
  });
});
