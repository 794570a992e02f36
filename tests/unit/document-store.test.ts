import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('refuses duplicate ids, writing none of the batch', () => {
    const store = new DocumentStore({ file: ':memory:' });
    store.createCollection('q');
    store.insert('q', [{ _id: 'a' }]);
    expect(() => store.insert('q', [{ _id: 'b' }, { _id: 'a' }])).toThrow(/duplicate key/);
    expect(store.count('q', {})).toBe(1);
  });

  it('fails loudly, by name, on what it does not support', () => {
    const store = new DocumentStore({ file: ':memory:' });
    store.createCollection('q');
    store.insert('q', [{ _id: 'a', tags: [] }]);
    expect(() => store.update('q', {}, { $currentDate: { at: true } }, { multi: true, merge: true, upsert: false })).toThrow(/\$currentDate/);
    expect(() => store.aggregate('q', [{ $lookup: { from: 'x' } }])).toThrow(/\$lookup/);
    expect(() => store.find('missing', {})).toThrow(LocalDbError);
  });
});
