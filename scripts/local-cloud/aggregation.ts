import { Aggregator } from 'mingo';
import { Context, computeValue, initOptions, ProcessingMode, type Options } from 'mingo/core';
import type { Iterator } from 'mingo/lazy';
import * as accumulatorOps from 'mingo/operators/accumulator';
import * as expressionOps from 'mingo/operators/expression';
import * as pipelineOps from 'mingo/operators/pipeline';
import * as projectionOps from 'mingo/operators/projection';
import { CODES, LocalDbError, cloneValue, compareValues, isPlainObject, unsupported } from './ejson-values';
import { compileFilter, leavesAt, setExprEvaluator } from './matcher';

/**
 * Aggregation as CloudBase offers it
 * (https://docs.cloudbase.net/api-reference/server/node-sdk/database/aggregate — the
 * stages of the SDK's Aggregate: addFields bucket bucketAuto count geoNear group
 * limit lookup match project replaceRoot sample skip sort sortByCount unwind),
 * evaluated by mingo with its full operator set (every expression family the SDK's
 * `db.command.aggregate` names: arithmetic, array, boolean, comparison,
 * conditional, date, literal, object, set, string, type, variable; every
 * accumulator). `$match` and `$sort` use the local cloud's own MongoDB-faithful
 * matcher and ordering. `$lookup` reads the named collection from the store.
 *
 * Refused by name: `$geoNear` (geo cannot run offline), and every stage the
 * CloudBase SDK does not offer ($out, $merge, $facet, $unionWith, ...), which a
 * raw pipeline could otherwise send.
 */
export const OFFERED_STAGES = new Set([
  '$addFields',
  '$bucket',
  '$bucketAuto',
  '$count',
  '$group',
  '$limit',
  '$lookup',
  '$match',
  '$project',
  '$replaceRoot',
  '$sample',
  '$skip',
  '$sort',
  '$sortByCount',
  '$unwind',
]);

/** Orders documents as MongoDB's sort does, stably. */
export function sortDocuments<T>(docs: T[], spec: Record<string, unknown>): T[] {
  const fields = Object.entries(spec);
  for (const [field, dir] of fields) {
    if (dir !== 1 && dir !== -1) throw new LocalDbError(CODES.failed, `$sort key ordering must be 1 (for ascending) or -1 (for descending): ${field}`);
  }
  const keyed = docs.map((doc, i) => ({ doc, i, keys: fields.map(([f, dir]) => sortKey(doc, f, dir as 1 | -1)) }));
  keyed.sort((a, b) => {
    for (let k = 0; k < fields.length; k++) {
      const c = compareSortKeys(a.keys[k], b.keys[k]);
      if (c !== 0) return c * (fields[k]![1] as number);
    }
    return a.i - b.i;
  });
  return keyed.map((k) => k.doc);
}

const EMPTY_ARRAY = Symbol('empty array');

/**
 * The value a document sorts by: for an array field the smallest element
 * (ascending) or the largest (descending); an empty array sorts before null.
 * https://www.mongodb.com/docs/manual/reference/method/cursor.sort/#sort-with-arrays
 */
function sortKey(doc: unknown, path: string, dir: 1 | -1): unknown {
  const candidates: unknown[] = [];
  for (const leaf of leavesAt(doc, path)) {
    if (Array.isArray(leaf.value)) {
      if (leaf.value.length === 0) candidates.push(EMPTY_ARRAY);
      else candidates.push(...leaf.value);
    } else candidates.push(leaf.value);
  }
  let best = candidates[0];
  for (const c of candidates.slice(1)) {
    const cmp = compareSortKeys(c, best);
    if ((dir === 1 && cmp < 0) || (dir === -1 && cmp > 0)) best = c;
  }
  return best;
}

function compareSortKeys(a: unknown, b: unknown): number {
  if (a === EMPTY_ARRAY || b === EMPTY_ARRAY) return a === b ? 0 : a === EMPTY_ARRAY ? -1 : 1;
  return compareValues(a, b);
}

const $match = (collection: Iterator, expr: unknown, options: Options): Iterator => {
  const pred = compileFilter(expr, { variables: options.variables as Record<string, unknown> | undefined });
  return collection.filter((doc) => pred(doc));
};

const $sort = (collection: Iterator, spec: unknown): Iterator => {
  if (!isPlainObject(spec) || Object.keys(spec).length === 0) throw new LocalDbError(CODES.failed, '$sort stage must have at least one sort key');
  return collection.transform((docs: unknown[]) => sortDocuments(docs, spec));
};


/**
 * Aggregation comparison expressions compare across types in BSON order, as
 * MongoDB does (mingo does not): `{$gt: ['$age', 28]}` holds for the string "40".
 * https://www.mongodb.com/docs/manual/reference/operator/aggregation/gt/
 */
function comparison(test: (c: number) => boolean | number) {
  return (obj: unknown, expr: unknown, opts: Options) => {
    const args = computeValue(obj, expr, null, opts) as unknown[];
    if (!Array.isArray(args) || args.length !== 2) throw new LocalDbError(CODES.failed, 'comparison expressions take exactly 2 arguments');
    return test(compareValues(args[0], args[1]));
  };
}

/** Evaluates an operator's arguments (an array, or one value). */
function args(obj: unknown, expr: unknown, opts: Options): unknown[] {
  const v = computeValue(obj, expr, null, opts);
  return Array.isArray(expr) ? (v as unknown[]) : [v];
}

/**
 * Expressions mingo lacks or answers differently from MongoDB:
 * - `$neq`: the SDK's `db.command.aggregate.neq`, documented by CloudBase
 *   (https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/aggregate/AggregateCommand.neq.html);
 * - `$indexOfCP` (code points), which mingo does not register;
 * - `$trunc` with a bare number (`{$trunc: -2.9}`), which mingo reads as [number, place] only;
 * - `$week`: weeks start on Sunday, days before the year's first Sunday are week 0
 *   (https://www.mongodb.com/docs/manual/reference/operator/aggregation/week/);
 * - `$size` of something that is not an array (a missing field included) is an
 *   error, not 0 (https://www.mongodb.com/docs/manual/reference/operator/aggregation/size/;
 *   CloudBase: "表达式可以是任意解析为数组的表达式").
 */
const fixedExpressionOps = {
  $size: (obj: unknown, expr: unknown, opts: Options) => {
    const [value] = args(obj, Array.isArray(expr) ? expr : [expr], opts);
    if (!Array.isArray(value)) {
      const type = value === undefined ? 'missing' : value === null ? 'null' : typeof value;
      throw new LocalDbError(CODES.failed, `The argument to $size must be an array. Type of argument: ${type}`);
    }
    return value.length;
  },
  $indexOfCP: (obj: unknown, expr: unknown, opts: Options) => {
    const [str, sub, start, end] = args(obj, expr, opts) as [unknown, unknown, number | undefined, number | undefined];
    if (str === null || str === undefined) return null;
    if (typeof str !== 'string' || typeof sub !== 'string') throw new LocalDbError(CODES.failed, '$indexOfCP requires a string as the first and second argument');
    const points = [...str].slice(0, end ?? undefined);
    const needle = [...sub];
    for (let i = start ?? 0; i + needle.length <= points.length; i++) {
      if (needle.every((ch, k) => points[i + k] === ch)) return i;
    }
    return -1;
  },
  $trunc: (obj: unknown, expr: unknown, opts: Options) => {
    const [n, place = 0] = args(obj, expr, opts) as [unknown, number | undefined];
    if (n === null || n === undefined) return null;
    if (typeof n !== 'number') throw new LocalDbError(CODES.failed, `$trunc only supports numeric types, not ${typeof n}`);
    const f = 10 ** place;
    return Math.trunc(n * f) / f;
  },
  $week: (obj: unknown, expr: unknown, opts: Options) => {
    const spec = isPlainObject(expr) && 'date' in expr ? expr : { date: expr };
    if ((spec as Record<string, unknown>).timezone !== undefined) throw unsupported('$week with a timezone');
    const date = computeValue(obj, (spec as Record<string, unknown>).date, null, opts);
    if (date === null || date === undefined) return null;
    if (!(date instanceof Date)) throw new LocalDbError(CODES.failed, "can't convert from BSON type to Date");
    const jan1 = Date.UTC(date.getUTCFullYear(), 0, 1);
    const dayOfYear = Math.floor((date.getTime() - jan1) / 86_400_000);
    return Math.floor((dayOfYear + new Date(jan1).getUTCDay()) / 7);
  },
};

/** $push and $addToSet leave out documents where the expression is missing (mingo pushes null). */
const mingoPush = (accumulatorOps as unknown as Record<string, (docs: unknown[], expr: unknown, opts: Options) => unknown[]>).$push!;
const fixedAccumulatorOps = {
  $push: (docs: unknown[], expr: unknown, opts: Options) => mingoPush(docs, expr, opts).filter((v) => v !== undefined),
  $addToSet: (docs: unknown[], expr: unknown, opts: Options) => {
    const out: unknown[] = [];
    for (const v of mingoPush(docs, expr, opts)) if (v !== undefined && !out.some((x) => compareValues(x, v) === 0)) out.push(v);
    return out;
  },
};

/** $sample without replacement (MongoDB's random sort when the sample is at least 5% of the collection). */
const $sample = (collection: Iterator, spec: unknown): Iterator => {
  const size = isPlainObject(spec) ? spec.size : undefined;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) throw new LocalDbError(CODES.failed, 'size argument to $sample must be a non-negative integer');
  return collection.transform((docs: unknown[]) => {
    const copy = [...docs];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, size);
  });
};

const comparisonOps = {
  $neq: comparison((c) => c !== 0),
  $cmp: comparison((c) => Math.sign(c)),
  $eq: comparison((c) => c === 0),
  $ne: comparison((c) => c !== 0),
  $gt: comparison((c) => c > 0),
  $gte: comparison((c) => c >= 0),
  $lt: comparison((c) => c < 0),
  $lte: comparison((c) => c <= 0),
};

const pipeline = { ...(pipelineOps as Record<string, unknown>), $match, $sort, $sample };

function context(): Context {
  return Context.init({
    accumulator: { ...(accumulatorOps as Record<string, unknown>), ...fixedAccumulatorOps } as never,
    expression: { ...(expressionOps as Record<string, unknown>), ...comparisonOps, ...fixedExpressionOps } as never,
    pipeline: pipeline as never,
    projection: projectionOps as never,
  });
}

const CONTEXT = context();

function options(resolve?: (name: string) => Record<string, unknown>[], variables?: Record<string, unknown>): Options {
  return initOptions({
    context: CONTEXT,
    useGlobalContext: false,
    useStrictMode: true,
    scriptEnabled: false,
    processingMode: ProcessingMode.CLONE_OFF,
    collectionResolver: resolve,
    variables,
  });
}

setExprEvaluator((doc, expr, variables) => computeValue(doc, expr, null, options(undefined, variables)));

function checkExpressions(value: unknown, where: string): void {
  if (Array.isArray(value)) value.forEach((v) => checkExpressions(v, where));
  else if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$geoNear' || k === '$near' || k === '$nearSphere') throw unsupported(`the geo operator ${k}`);
      if (k === '$function' || k === '$accumulator') throw new LocalDbError(CODES.invalidOperator, `${k} (server-side JavaScript) is not offered by CloudBase (in ${where})`);
      if (k === '$meta') throw unsupported(`$meta (text search scores) in ${where}`);
      checkExpressions(v, where);
    }
  }
}

export function checkPipeline(stages: Record<string, unknown>[]): void {
  for (const stage of stages) {
    const keys = Object.keys(stage);
    if (keys.length !== 1) throw new LocalDbError(CODES.failed, 'A pipeline stage specification object must contain exactly one field.');
    const op = keys[0]!;
    if (op === '$geoNear') throw unsupported('the aggregation stage $geoNear');
    if (!OFFERED_STAGES.has(op)) {
      throw new LocalDbError(CODES.invalidOperator, `the aggregation stage ${op} is not offered by CloudBase (its stages: ${[...OFFERED_STAGES].join(' ')} $geoNear)`);
    }
    if (op === '$lookup') {
      const spec = stage[op] as Record<string, unknown>;
      if (isPlainObject(spec) && Array.isArray(spec.pipeline)) checkPipeline(spec.pipeline as Record<string, unknown>[]);
    }
    checkExpressions(stage[op], op);
  }
}

/** Runs a pipeline over copies of the documents; `resolve` gives `$lookup` another collection's documents. */
export function runPipeline(
  docs: Record<string, unknown>[],
  stages: Record<string, unknown>[],
  resolve: (name: string) => Record<string, unknown>[],
): Record<string, unknown>[] {
  checkPipeline(stages);
  const input = docs.map((d) => cloneValue(d));
  try {
    return new Aggregator(stages, options((name) => resolve(name).map((d) => cloneValue(d)))).run(input) as Record<string, unknown>[];
  } catch (err) {
    if (err instanceof LocalDbError) throw err;
    throw new LocalDbError(CODES.failed, (err as Error).message);
  }
}

/**
 * A find() projection (`field()`), with find's semantics (not $project's):
 * inclusion (`{a: 1}`, `_id` kept unless `_id: 0`) or exclusion (`{a: 0}`), on
 * dotted paths through arrays, plus the projection operators the SDK's
 * `db.command.project` offers: `$slice` (n, -n, [skip, n]) and `$elemMatch`
 * (the first matching element). https://www.mongodb.com/docs/manual/reference/method/db.collection.find/#projection
 */
export function project(docs: Record<string, unknown>[], projection: Record<string, unknown>): Record<string, unknown>[] {
  let inclusion: boolean | undefined;
  const operators: [string, Record<string, unknown>][] = [];
  const paths: string[] = [];
  for (const [field, v] of Object.entries(projection)) {
    if (isPlainObject(v)) {
      const op = Object.keys(v)[0];
      if (Object.keys(v).length !== 1 || (op !== '$slice' && op !== '$elemMatch')) {
        throw new LocalDbError(CODES.failed, `Unsupported projection option: ${field}: ${JSON.stringify(v)}`);
      }
      operators.push([field, v]);
      continue;
    }
    if (field === '_id') continue;
    const include = Boolean(v);
    if (inclusion !== undefined && inclusion !== include) {
      throw new LocalDbError(CODES.failed, `Cannot do ${include ? 'inclusion' : 'exclusion'} on field ${field} in ${include ? 'exclusion' : 'inclusion'} projection`);
    }
    inclusion = include;
    paths.push(field);
  }
  const keepId = projection._id === undefined ? true : Boolean(projection._id);
  return docs.map((doc) => {
    let out: Record<string, unknown>;
    if (inclusion) {
      out = {};
      if (keepId && doc._id !== undefined) out._id = cloneValue(doc._id);
      for (const p of paths) includePath(doc, out, p.split('.'));
      for (const [field] of operators) includePath(doc, out, field.split('.'));
    } else {
      out = cloneValue(doc);
      if (!keepId) delete out._id;
      for (const p of paths) excludePath(out, p.split('.'));
    }
    for (const [field, op] of operators) applyProjectionOperator(out, field, op);
    return out;
  });
}

function includePath(from: unknown, to: Record<string, unknown> | unknown[], parts: string[]): void {
  const [head, ...rest] = parts;
  if (!isPlainObject(from) || head === undefined || !(head in from)) return;
  const value = from[head];
  const target = to as Record<string, unknown>;
  if (rest.length === 0) {
    target[head] = cloneValue(value);
    return;
  }
  if (Array.isArray(value)) {
    const existing = Array.isArray(target[head]) ? (target[head] as unknown[]) : [];
    const list = value
      .map((el, i) => {
        if (!isPlainObject(el)) return undefined;
        const sub = (isPlainObject(existing[i]) ? existing[i] : {}) as Record<string, unknown>;
        includePath(el, sub, rest);
        return sub;
      })
      .filter((x) => x !== undefined);
    target[head] = list;
  } else if (isPlainObject(value)) {
    const sub = (isPlainObject(target[head]) ? target[head] : {}) as Record<string, unknown>;
    includePath(value, sub, rest);
    target[head] = sub;
  }
}

function excludePath(node: unknown, parts: string[]): void {
  const [head, ...rest] = parts;
  if (head === undefined) return;
  if (Array.isArray(node)) {
    node.forEach((el) => excludePath(el, parts));
    return;
  }
  if (!isPlainObject(node)) return;
  if (rest.length === 0) delete node[head];
  else excludePath(node[head], rest);
}

function applyProjectionOperator(doc: Record<string, unknown>, field: string, op: Record<string, unknown>): void {
  const parts = field.split('.');
  let node: unknown = doc;
  for (const p of parts.slice(0, -1)) {
    if (!isPlainObject(node)) return;
    node = node[p];
  }
  const last = parts[parts.length - 1]!;
  if (!isPlainObject(node) || !Array.isArray(node[last])) return;
  const list = node[last] as unknown[];
  if ('$slice' in op) {
    const s = op.$slice;
    if (typeof s === 'number') node[last] = s >= 0 ? list.slice(0, s) : list.slice(Math.max(0, list.length + s));
    else if (Array.isArray(s) && s.length === 2 && typeof s[0] === 'number' && typeof s[1] === 'number') {
      const start = s[0] >= 0 ? s[0] : Math.max(0, list.length + s[0]);
      node[last] = list.slice(start, start + s[1]);
    } else throw new LocalDbError(CODES.failed, `$slice only supports numbers and [skip, limit] arrays`);
  } else {
    const pred = compileFilter({ v: { $elemMatch: op.$elemMatch } });
    const hit = list.find((el) => pred({ v: [el] }));
    if (hit === undefined) delete node[last];
    else node[last] = [cloneValue(hit)];
  }
}
