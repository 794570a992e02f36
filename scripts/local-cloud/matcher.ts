import {
  CODES,
  LocalDbError,
  compareValues,
  describeType,
  isBsonRegExp,
  isPlainObject,
  numericValue,
  typeRank,
  unsupported,
  valuesEqual,
} from './ejson-values';
import { compileRegex } from './regex';

/**
 * MongoDB query semantics (https://www.mongodb.com/docs/manual/reference/operator/query/),
 * which CloudBase's `where` inherits, for every query command @cloudbase/node-sdk
 * 3.18.3 can send: eq neq lt lte gt gte in nin all elemMatch exists size mod,
 * and or nor not, expr, regular expressions (`/re/flags`, `db.RegExp`), dotted
 * and array-index paths. Written here rather than left to mingo because mingo
 * differs from MongoDB where it matters (BSON regexes, `$elemMatch` over scalars,
 * embedded-document equality ignoring field order, comparisons across types).
 *
 * Refused by name: `$text`, `$where`, `$jsonSchema`, geo operators (they cannot
 * run offline faithfully), and operators the SDK cannot send.
 */
export type Predicate = (doc: unknown, ctx?: MatchContext) => boolean;

/** Collects the array position the query matched, for the positional `$` update operator. */
export interface MatchContext {
  position?: number;
}

/** Evaluates `$expr` (aggregation expressions); supplied by aggregation.ts to avoid a cycle. */
export type ExprEvaluator = (doc: unknown, expr: unknown, variables?: Record<string, unknown>) => unknown;
let evaluateExpr: ExprEvaluator = () => {
  throw unsupported('$expr');
};
export function setExprEvaluator(fn: ExprEvaluator): void {
  evaluateExpr = fn;
}

interface Leaf {
  value: unknown;
  position?: number;
}

const GEO = new Set(['$near', '$nearSphere', '$geoWithin', '$geoIntersects', '$geometry', '$within', '$box', '$center', '$centerSphere', '$polygon', '$maxDistance', '$minDistance']);
const LOGICAL = new Set(['$and', '$or', '$nor']);

/** Every value at `path` in `doc`, walking arrays as MongoDB does; a missing value is `undefined`. */
export function leavesAt(doc: unknown, path: string): Leaf[] {
  const out: Leaf[] = [];
  walk(doc, path.split('.'), 0, undefined, out);
  if (out.length === 0) out.push({ value: undefined });
  return out;
}

function walk(node: unknown, parts: string[], i: number, position: number | undefined, out: Leaf[]): void {
  if (i === parts.length) {
    out.push({ value: node, position });
    return;
  }
  const part = parts[i]!;
  if (Array.isArray(node)) {
    if (/^\d+$/.test(part)) {
      const idx = Number(part);
      walk(idx < node.length ? node[idx] : undefined, parts, i + 1, position ?? idx, out);
    }
    node.forEach((el, k) => {
      if (isPlainObject(el)) walk(el, parts, i, position ?? k, out);
    });
    return;
  }
  if (isPlainObject(node)) {
    const value = Object.prototype.hasOwnProperty.call(node, part) ? node[part] : undefined;
    if (value === undefined) out.push({ value: undefined, position });
    else walk(value, parts, i + 1, position, out);
    return;
  }
  out.push({ value: undefined, position });
}

/** A test of one value; `expand` also tries each element of an array value (MongoDB's implicit array traversal). */
type ValueTest = (v: unknown) => boolean;

function anyLeaf(path: string, test: ValueTest, expand: boolean): Predicate {
  return (doc, ctx) => {
    for (const leaf of leavesAt(doc, path)) {
      if (test(leaf.value)) {
        if (ctx && leaf.position !== undefined) ctx.position = leaf.position;
        return true;
      }
      if (expand && Array.isArray(leaf.value)) {
        const idx = leaf.value.findIndex((e) => test(e));
        if (idx >= 0) {
          if (ctx) ctx.position = leaf.position ?? idx;
          return true;
        }
      }
    }
    return false;
  };
}

function regexOf(v: unknown, options?: string): RegExp {
  if (v instanceof RegExp) return compileRegex(v.source, options ?? v.flags);
  if (isBsonRegExp(v)) return compileRegex(v.pattern, options ?? v.options);
  if (typeof v === 'string') return compileRegex(v, options ?? '');
  throw new LocalDbError(CODES.failed, '$regex has to be a string');
}

function isRegex(v: unknown): boolean {
  return v instanceof RegExp || isBsonRegExp(v);
}

function regexTest(re: RegExp): ValueTest {
  return (v) => typeof v === 'string' && re.test(v);
}

function equalsTest(x: unknown): ValueTest {
  if (x === null) return (v) => v === null || v === undefined;
  return (v) => valuesEqual(v, x);
}

/** $gt/$gte/$lt/$lte: values of another BSON type never match (MongoDB type bracketing). */
function compareTest(op: string, x: unknown): ValueTest {
  const accept = (c: number) => (op === '$gt' ? c > 0 : op === '$gte' ? c >= 0 : op === '$lt' ? c < 0 : c <= 0);
  const rank = typeRank(x);
  return (v) => typeRank(v) === rank && accept(compareValues(v, x));
}

function refuseRegexInCommand(op: string, values: unknown[]): void {
  // "注意正则表达式不可用于 db.command 内（如 db.command.in）"
  // https://developers.weixin.qq.com/miniprogram/en/dev/wxcloud/reference-client-api/database/db.regexp.html
  if (values.some(isRegex)) {
    throw new LocalDbError(CODES.invalidOperator, `a regular expression cannot be used inside ${op} (CloudBase: 正则表达式不可用于 db.command 内)`);
  }
}

function wholeNumber(v: unknown, what: string): number {
  const n = numericValue(v);
  if (n === undefined || !Number.isFinite(n)) throw new LocalDbError(CODES.failed, `${what} needs a number`);
  return n;
}

/** Predicates over one field's operator object, e.g. `{$gt: 1, $lt: 5}`. */
function compileOperators(path: string, ops: Record<string, unknown>): Predicate {
  const preds: Predicate[] = [];
  const keys = Object.keys(ops);
  for (const op of keys) {
    const x = ops[op];
    switch (op) {
      case '$eq':
        refuseRegexInCommand('$eq', [x]);
        preds.push(anyLeaf(path, equalsTest(x), true));
        break;
      case '$ne': {
        refuseRegexInCommand('$ne', [x]);
        const eq = anyLeaf(path, equalsTest(x), true);
        preds.push((d) => !eq(d));
        break;
      }
      case '$gt':
      case '$gte':
      case '$lt':
      case '$lte':
        preds.push(anyLeaf(path, compareTest(op, x), true));
        break;
      case '$in':
      case '$nin': {
        if (!Array.isArray(x)) throw new LocalDbError(CODES.failed, `${op} needs an array`);
        refuseRegexInCommand(op, x);
        const tests = x.map(equalsTest);
        const inPred = anyLeaf(path, (v) => tests.some((t) => t(v)), true);
        preds.push(op === '$in' ? inPred : (d) => !inPred(d));
        break;
      }
      case '$all': {
        if (!Array.isArray(x)) throw new LocalDbError(CODES.failed, '$all needs an array');
        refuseRegexInCommand('$all', x);
        if (x.length === 0) {
          preds.push(() => false);
          break;
        }
        const parts = x.map((item) => {
          if (isPlainObject(item) && Object.keys(item).length === 1 && '$elemMatch' in item) {
            return elemMatch(path, item.$elemMatch);
          }
          return anyLeaf(path, equalsTest(item), true);
        });
        preds.push((d, ctx) => parts.every((p) => p(d, ctx)));
        break;
      }
      case '$elemMatch':
        preds.push(elemMatch(path, x));
        break;
      case '$exists': {
        const want = Boolean(x);
        preds.push((d) => leavesAt(d, path).some((l) => l.value !== undefined) === want);
        break;
      }
      case '$size': {
        const n = wholeNumber(x, '$size');
        if (!Number.isInteger(n) || n < 0) throw new LocalDbError(CODES.failed, '$size may only be applied to a non-negative whole number');
        preds.push(anyLeaf(path, (v) => Array.isArray(v) && v.length === n, false));
        break;
      }
      case '$mod': {
        if (!Array.isArray(x) || x.length !== 2) throw new LocalDbError(CODES.failed, 'malformed mod, needs to be an array of 2 numbers [divisor, remainder]');
        const divisor = Math.trunc(wholeNumber(x[0], '$mod divisor'));
        const remainder = Math.trunc(wholeNumber(x[1], '$mod remainder'));
        if (divisor === 0) throw new LocalDbError(CODES.failed, 'divisor cannot be 0');
        preds.push(
          anyLeaf(
            path,
            (v) => {
              const n = numericValue(v);
              return n !== undefined && Number.isFinite(n) && Math.trunc(n) % divisor === remainder;
            },
            true,
          ),
        );
        break;
      }
      case '$regex': {
        const options = ops.$options;
        if (options !== undefined && typeof options !== 'string') throw new LocalDbError(CODES.failed, '$options has to be a string');
        preds.push(anyLeaf(path, regexTest(regexOf(x, options as string | undefined)), true));
        break;
      }
      case '$options':
        if (!('$regex' in ops)) throw new LocalDbError(CODES.failed, '$options needs a $regex');
        break;
      case '$not': {
        let inner: Predicate;
        if (isRegex(x)) inner = anyLeaf(path, regexTest(regexOf(x)), true);
        else if (isPlainObject(x) && Object.keys(x).length > 0 && Object.keys(x).every((k) => k.startsWith('$'))) inner = compileOperators(path, x);
        else throw new LocalDbError(CODES.failed, '$not needs a regex or a document');
        preds.push((d) => !inner(d));
        break;
      }
      case '$comment':
        break;
      default:
        if (GEO.has(op)) throw unsupported(`the geo query operator ${op}`);
        if (op === '$text' || op === '$where' || op === '$jsonSchema') throw unsupported(`the query operator ${op}`);
        throw new LocalDbError(CODES.invalidOperator, `unknown operator: ${op}`);
    }
  }
  return (d, ctx) => preds.every((p) => p(d, ctx));
}

/**
 * `{$elemMatch: q}` holds when the field is an array with an element matching q.
 * When q's keys are operators (`{$gt: 0}`) they apply to the element itself;
 * otherwise q is a query on the element, which must then be a document — a
 * scalar element never matches `_.elemMatch({value: _.gt(0)})`.
 */
function elemMatch(path: string, q: unknown): Predicate {
  if (!isPlainObject(q)) throw new LocalDbError(CODES.failed, '$elemMatch needs an Object');
  const keys = Object.keys(q);
  const valueForm = keys.length > 0 && keys[0]!.startsWith('$') && !LOGICAL.has(keys[0]!) && keys[0] !== '$expr';
  let test: ValueTest;
  if (valueForm) {
    const ops = compileOperators('v', q);
    test = (e) => ops({ v: e });
  } else {
    const sub = compileFilter(q);
    test = (e) => (isPlainObject(e) || Array.isArray(e)) && sub(e);
  }
  return anyLeaf(path, (v) => Array.isArray(v) && v.some(test), false);
}

function compileField(path: string, cond: unknown): Predicate {
  if (isRegex(cond)) return anyLeaf(path, regexTest(regexOf(cond)), true);
  if (isPlainObject(cond)) {
    const keys = Object.keys(cond);
    if (keys.length > 0 && keys[0]!.startsWith('$')) return compileOperators(path, cond);
  }
  return anyLeaf(path, equalsTest(cond), true);
}

/** MongoDB's notion of truth for `$expr` results. */
function exprTruthy(v: unknown): boolean {
  return !(v === false || v === null || v === undefined || v === 0);
}

export interface FilterOptions {
  /** Variables visible to `$expr` (`$lookup` with `let`). */
  variables?: Record<string, unknown>;
}

export function compileFilter(filter: unknown, options: FilterOptions = {}): Predicate {
  if (!isPlainObject(filter)) throw new LocalDbError(CODES.failed, `a query must be an object, not ${describeType(filter)}`);
  const preds: Predicate[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key.startsWith('$')) {
      switch (key) {
        case '$and':
        case '$or':
        case '$nor': {
          if (!Array.isArray(value) || value.length === 0) throw new LocalDbError(CODES.failed, `${key} must be a nonempty array`);
          const subs = value.map((f) => compileFilter(f, options));
          if (key === '$and') preds.push((d, ctx) => subs.every((s) => s(d, ctx)));
          else if (key === '$or') preds.push((d, ctx) => subs.some((s) => s(d, ctx)));
          else preds.push((d) => !subs.some((s) => s(d)));
          break;
        }
        case '$expr':
          preds.push((d) => exprTruthy(evaluateExpr(d, value, options.variables)));
          break;
        case '$comment':
          break;
        case '$text':
        case '$where':
        case '$jsonSchema':
          throw unsupported(`the query operator ${key}`);
        default:
          if (GEO.has(key)) throw unsupported(`the geo query operator ${key}`);
          throw new LocalDbError(CODES.invalidOperator, `unknown top level operator: ${key}`);
      }
    } else {
      preds.push(compileField(key, value));
    }
  }
  return (d, ctx) => preds.every((p) => p(d, ctx));
}

/** The equality fields of a filter: what an upsert starts the new document from. */
export function equalityFields(filter: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const sub of value) Object.assign(out, equalityFields(sub as Record<string, unknown>));
    } else if (!key.startsWith('$')) {
      if (isPlainObject(value) && Object.keys(value)[0]?.startsWith('$')) {
        if ('$eq' in value) out[key] = value.$eq;
      } else if (!isRegex(value)) {
        out[key] = value;
      }
    }
  }
  return out;
}
