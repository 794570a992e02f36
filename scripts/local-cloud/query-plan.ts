import type { CollectionSpec } from '../../shared/server/collections';

/**
 * Would CloudBase answer this filter from an index? An index serves a query
 * when the query constrains the index's first key (or `_id`). A dotted key into
 * an array (`answers.id`) is a multikey index: it serves `{'answers.id': x}` and
 * `{answers: {$elemMatch: {id: x}}}` alike. An `$or` is served when every branch
 * is (MongoDB plans one index per branch). The local cloud counts every query
 * that no declared index serves, so a list page or the scheduler that would scan
 * a collection shows up in tests and the benchmark.
 */
type Filter = Record<string, unknown>;

function isOperatorObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof Date) return false;
  const keys = Object.keys(v);
  return keys.length > 0 && keys[0]!.startsWith('$');
}

/** Fields a filter constrains on every path through it. */
export function constrainedFields(filter: Filter): Set<string> {
  const fields = new Set<string>();
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const branch of value) for (const f of constrainedFields(branch as Filter)) fields.add(f);
    } else if (key === '$or' && Array.isArray(value) && value.length > 0) {
      const branches = value.map((b) => constrainedFields(b as Filter));
      for (const f of branches[0]!) if (branches.every((b) => b.has(f))) fields.add(f);
    } else if (!key.startsWith('$')) {
      fields.add(key);
      // {answers: {$elemMatch: {id: x}}} constrains answers.id (a multikey index key).
      if (isOperatorObject(value) && value.$elemMatch && typeof value.$elemMatch === 'object' && !isOperatorObject(value.$elemMatch)) {
        for (const f of constrainedFields(value.$elemMatch as Filter)) fields.add(`${key}.${f}`);
      }
    }
  }
  return fields;
}

export interface QueryPlan {
  indexed: boolean;
  index: string | null;
}

function plan(spec: CollectionSpec | undefined, fields: Set<string>): QueryPlan | null {
  if (fields.has('_id')) return { indexed: true, index: '_id_' };
  const index = spec?.indexes.find((i) => fields.has(Object.keys(i.keys)[0]!));
  return index ? { indexed: true, index: index.name } : null;
}

/** The `$or` lists that must all hold (top level and inside `$and`). */
function orLists(filter: Filter): Filter[][] {
  const out: Filter[][] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$or' && Array.isArray(value) && value.length > 0) out.push(value as Filter[]);
    if (key === '$and' && Array.isArray(value)) for (const b of value) out.push(...orLists(b as Filter));
  }
  return out;
}

export function planQuery(spec: CollectionSpec | undefined, filter: Filter): QueryPlan {
  const fields = constrainedFields(filter);
  const direct = plan(spec, fields);
  if (direct) return direct;
  // An $or whose every branch (with the rest of the filter) is served by an index.
  for (const branches of orLists(filter)) {
    const plans = branches.map((b) => plan(spec, new Set([...fields, ...constrainedFields(b)])));
    if (plans.every((p) => p !== null)) return { indexed: true, index: `$or(${plans.map((p) => p!.index).join(', ')})` };
  }
  if (!spec) return { indexed: false, index: null };
  return { indexed: spec.readWhole === true, index: null };
}
