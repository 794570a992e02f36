import type { CollectionSpec } from '../../shared/server/collections';

/**
 * Would CloudBase answer this filter from an index? An index serves a query
 * when the query constrains the index's first key (or `_id`). The local cloud
 * counts every query that no declared index serves, so a list page or the
 * scheduler that would scan a collection shows up in tests and the benchmark.
 */
type Filter = Record<string, unknown>;

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
    }
  }
  return fields;
}

export interface QueryPlan {
  indexed: boolean;
  index: string | null;
}

export function planQuery(spec: CollectionSpec | undefined, filter: Filter): QueryPlan {
  const fields = constrainedFields(filter);
  if (fields.has('_id')) return { indexed: true, index: '_id_' };
  if (!spec) return { indexed: false, index: null };
  const index = spec.indexes.find((i) => fields.has(Object.keys(i.keys)[0]!));
  if (index) return { indexed: true, index: index.name };
  return { indexed: spec.readWhole === true, index: null };
}
