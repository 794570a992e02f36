import {
  CODES,
  LocalDbError,
  checkStorable,
  cloneValue,
  compareValues,
  describeType,
  isPlainObject,
  numericValue,
  show,
  valuesEqual,
} from './ejson-values';
import { compileFilter, type Predicate } from './matcher';

/**
 * MongoDB update operators (https://www.mongodb.com/docs/manual/reference/operator/update/),
 * every one @cloudbase/node-sdk 3.18.3 can send (serializer/update.js, command.js):
 * $set $unset $inc $mul $min $max $rename $bit $push ($each $position $sort $slice)
 * $addToSet ($each) $pop $pull $pullAll, on dotted paths, array indexes, the
 * positional `$` (first array element the query matched) and `$[]` (every element).
 * Errors carry MongoDB's messages.
 */
export type Doc = Record<string, unknown>;

export const UPDATE_OPERATORS = new Set(['$set', '$unset', '$inc', '$mul', '$min', '$max', '$rename', '$bit', '$push', '$addToSet', '$pop', '$pull', '$pullAll']);

const NO_CREATE = new Set(['$unset', '$pop', '$pull', '$pullAll']);

export interface UpdateContext {
  /** Array position the query matched (positional `$`). */
  position?: number;
}

function fail(message: string): LocalDbError {
  return new LocalDbError(CODES.failed, message);
}

function docId(doc: Doc): string {
  return show(doc._id);
}

/** Checks operators, operands and path conflicts before anything is changed. */
export function validateUpdate(update: Doc): void {
  const paths: string[] = [];
  for (const [op, operand] of Object.entries(update)) {
    if (!op.startsWith('$')) throw fail(`update document mixes operators and fields: ${op}`);
    if (op === '$currentDate' || op === '$setOnInsert') throw new LocalDbError(CODES.invalidOperator, `update operator ${op} is not offered by the CloudBase SDK`);
    if (!UPDATE_OPERATORS.has(op)) throw new LocalDbError(CODES.invalidOperator, `Unknown modifier: ${op}`);
    if (!isPlainObject(operand)) throw fail(`Modifiers operate on fields but we found type ${describeType(operand)} instead: {${op}: ${show(operand)}}`);
    for (const [path, value] of Object.entries(operand)) {
      if (path === '' || path.split('.').some((p) => p === '')) throw fail(`An empty update path is not valid: '${path}'`);
      if (path === '_id' || path.startsWith('_id.')) throw fail(`Performing an update on the path '_id' would modify the immutable field '_id'`);
      if (path.split('.').some((p) => p.startsWith('$') && p !== '$' && p !== '$[]')) {
        throw fail(`No array filter found for identifier '${path.split('.').find((p) => p.startsWith('$['))}' in path '${path}' (the SDK cannot send arrayFilters)`);
      }
      paths.push(path);
      if (op === '$rename') {
        if (typeof value !== 'string') throw fail(`The 'to' field for $rename must be a string: ${path}: ${show(value)}`);
        if (value === path) throw fail(`The source and target field for $rename must differ: ${path}: ${show(value)}`);
        if (value.startsWith(`${path}.`) || path.startsWith(`${value}.`)) throw fail(`The source and target field for $rename must not be on the same path: ${path}: ${show(value)}`);
        if (value === '_id') throw fail(`Performing an update on the path '_id' would modify the immutable field '_id'`);
        paths.push(value);
      }
      if (op === '$set' || op === '$push' || op === '$addToSet' || op === '$min' || op === '$max') {
        const stored = isPlainObject(value) && (op === '$push' || op === '$addToSet') && '$each' in value ? value.$each : value;
        if (isPlainObject(stored)) checkStorable(stored, path);
        if (Array.isArray(stored)) stored.forEach((x) => isPlainObject(x) && checkStorable(x, path));
      }
    }
  }
  const norm = paths.map((p) => p.split('.').filter((x) => x !== '$' && x !== '$[]').join('.'));
  for (let i = 0; i < norm.length; i++) {
    for (let j = i + 1; j < norm.length; j++) {
      const a = norm[i]!;
      const b = norm[j]!;
      if (a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`)) {
        throw fail(`Updating the path '${paths[j]}' would create a conflict at '${a.length < b.length ? a : b}'`);
      }
    }
  }
}

/** Applies a validated update to `doc` in place. */
export function applyUpdate(doc: Doc, update: Doc, ctx: UpdateContext = {}): void {
  validateUpdate(update);
  for (const [op, operand] of Object.entries(update)) {
    for (const [path, value] of Object.entries(operand as Doc)) {
      if (op === '$rename') rename(doc, path, value as string);
      else forEachTarget(doc, path.split('.'), ctx, (parent, key, fullPath) => apply(op, doc, parent, key, value, fullPath), !NO_CREATE.has(op));
    }
  }
}

type Container = Doc | unknown[];
type Apply = (parent: Container, key: string, path: string) => void;

/**
 * Walks to the parent of the last path part, resolving `$` and `$[]`, creating
 * missing objects on the way (the operator decides later whether a missing
 * target matters). Refuses to create a field inside a scalar, as MongoDB does.
 */
function forEachTarget(doc: Doc, parts: string[], ctx: UpdateContext, fn: Apply, create: boolean, node: Container = doc, i = 0, seen: string[] = []): void {
  let part = parts[i]!;
  const last = i === parts.length - 1;
  if (part === '$' || part === '$[]') {
    if (!Array.isArray(node)) throw fail(`The positional operator did not find the match needed from the query.`);
    if (part === '$') {
      if (ctx.position === undefined) throw fail(`The positional operator did not find the match needed from the query.`);
      part = String(ctx.position);
    } else {
      for (let k = 0; k < node.length; k++) {
        const p = [...parts];
        p[i] = String(k);
        forEachTarget(doc, p, ctx, fn, create, node, i, seen);
      }
      return;
    }
  }
  const path = [...seen, part].join('.');
  if (last) {
    if (Array.isArray(node) && !/^\d+$/.test(part)) {
      if (!create) return;
      throw fail(`Cannot create field '${part}' in element {${seen.join('.')}: ${show(node)}}`);
    }
    fn(node, part, path);
    return;
  }
  let child: unknown;
  if (Array.isArray(node)) {
    if (!/^\d+$/.test(part)) throw fail(`Cannot create field '${part}' in element {${seen.join('.')}: ${show(node)}}`);
    child = node[Number(part)];
  } else {
    child = node[part];
  }
  const container = Array.isArray(child) || isPlainObject(child);
  if (!create && !container) return; // $unset, $pop, $pull on a missing path change nothing
  if (child === undefined) {
    child = {};
    setChild(node, part, child);
  } else if (!container) {
    throw fail(`Cannot create field '${parts[i + 1]}' in element {${path}: ${show(child)}}`);
  }
  forEachTarget(doc, parts, ctx, fn, create, child as Container, i + 1, [...seen, part]);
}

function setChild(node: Container, key: string, value: unknown): void {
  if (Array.isArray(node)) {
    const idx = Number(key);
    while (node.length < idx) node.push(null);
    node[idx] = value;
  } else {
    node[key] = value;
  }
}

function getChild(node: Container, key: string): unknown {
  if (Array.isArray(node)) return /^\d+$/.test(key) ? node[Number(key)] : undefined;
  return Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;
}

function deleteChild(node: Container, key: string): void {
  if (Array.isArray(node)) {
    if (/^\d+$/.test(key) && Number(key) < node.length) node[Number(key)] = null;
  } else {
    delete node[key];
  }
}

function typeName(v: unknown): string {
  return describeType(v);
}

function apply(op: string, doc: Doc, parent: Container, key: string, value: unknown, path: string): void {
  const current = getChild(parent, key);
  switch (op) {
    case '$set':
      setChild(parent, key, cloneValue(value));
      return;
    case '$unset':
      deleteChild(parent, key);
      return;
    case '$inc':
    case '$mul': {
      const n = numericValue(value);
      if (n === undefined) throw fail(`Cannot ${op === '$inc' ? 'increment' : 'multiply'} with non-numeric argument: {${path}: ${show(value)}}`);
      if (current === undefined) {
        setChild(parent, key, op === '$inc' ? n : 0);
        return;
      }
      const c = numericValue(current);
      if (c === undefined) throw fail(`Cannot apply ${op} to a value of non-numeric type. {_id: ${docId(doc)}} has the field '${key}' of non-numeric type ${typeName(current)}`);
      setChild(parent, key, op === '$inc' ? c + n : c * n);
      return;
    }
    case '$min':
    case '$max': {
      if (current === undefined) {
        setChild(parent, key, cloneValue(value));
        return;
      }
      const c = compareValues(value, current);
      if ((op === '$min' && c < 0) || (op === '$max' && c > 0)) setChild(parent, key, cloneValue(value));
      return;
    }
    case '$bit': {
      if (!isPlainObject(value) || Object.keys(value).length === 0) throw fail(`The $bit modifier is not compatible with a ${typeName(value)}. You must pass in an embedded document: {$bit: {field: {and/or/xor: #}}`);
      let acc: bigint;
      if (current === undefined) acc = 0n;
      else {
        const c = numericValue(current);
        if (c === undefined || !Number.isInteger(c)) throw fail(`Cannot apply $bit to a value of non-integral type.{_id: ${docId(doc)}} has the field ${key} of non-integer type ${typeName(current)}`);
        acc = BigInt(c);
      }
      for (const [how, operand] of Object.entries(value)) {
        const m = numericValue(operand);
        if (m === undefined || !Number.isInteger(m)) throw fail(`The $bit modifier field must be an Integer(32/64 bit); a '${typeName(operand)}' is not supported here: {${how}: ${show(operand)}}`);
        const b = BigInt(m);
        if (how === 'and') acc &= b;
        else if (how === 'or') acc |= b;
        else if (how === 'xor') acc ^= b;
        else throw fail(`The $bit modifier only supports 'and', 'or', and 'xor', not '${how}' which is an unknown operator: {${how}: ${show(operand)}}`);
      }
      setChild(parent, key, Number(BigInt.asIntN(64, acc)));
      return;
    }
    case '$push':
    case '$addToSet': {
      let list: unknown[];
      if (current === undefined) list = [];
      else if (Array.isArray(current)) list = current;
      else throw fail(`The field '${key}' must be an array but is of type ${typeName(current)} in document {_id: ${docId(doc)}}`);
      const modifiers = isPlainObject(value) && '$each' in value ? value : null;
      if (modifiers) {
        for (const m of Object.keys(modifiers)) {
          const allowed = op === '$push' ? ['$each', '$position', '$sort', '$slice'] : ['$each'];
          if (!allowed.includes(m)) throw fail(`Unrecognized clause in ${op}: ${m}`);
        }
        if (!Array.isArray(modifiers.$each)) throw fail(`The argument to $each in ${op} must be an array but it was of type: ${typeName(modifiers.$each)}`);
      }
      const items = (modifiers ? (modifiers.$each as unknown[]) : [value]).map((x) => cloneValue(x));
      if (op === '$addToSet') {
        for (const item of items) if (!list.some((e) => valuesEqual(e, item))) list.push(item);
      } else {
        push(list, items, modifiers ?? {});
      }
      if (current === undefined) setChild(parent, key, list);
      return;
    }
    case '$pop': {
      const n = numericValue(value);
      if (n !== 1 && n !== -1) throw fail(`$pop expects 1 or -1, found: ${show(value)}`);
      if (current === undefined) return;
      if (!Array.isArray(current)) throw fail(`Path '${path}' contains an element of non-array type '${typeName(current)}'`);
      if (n === 1) current.pop();
      else current.shift();
      return;
    }
    case '$pull':
    case '$pullAll': {
      if (current === undefined) return;
      if (!Array.isArray(current)) throw fail(`Cannot apply ${op} to a non-array value`);
      let remove: (e: unknown) => boolean;
      if (op === '$pullAll') {
        if (!Array.isArray(value)) throw fail(`$pullAll requires an array argument but was given a ${typeName(value)}`);
        remove = (e) => value.some((v) => valuesEqual(e, v));
      } else {
        remove = pullCondition(value);
      }
      const kept = current.filter((e) => !remove(e));
      current.splice(0, current.length, ...kept);
      return;
    }
    default:
      throw new LocalDbError(CODES.invalidOperator, `Unknown modifier: ${op}`);
  }
}

/**
 * `$pull` removes the elements matching a condition: an operator object applies
 * to the element itself (`_.pull(_.gt(5))`), a document is a query on element
 * documents, anything else is equality.
 */
function pullCondition(cond: unknown): (e: unknown) => boolean {
  if (cond instanceof RegExp || (cond && typeof cond === 'object' && (cond as { _bsontype?: string })._bsontype === 'BSONRegExp')) {
    const p = compileFilter({ v: cond });
    return (e) => p({ v: e });
  }
  if (isPlainObject(cond)) {
    const keys = Object.keys(cond);
    if (keys.length > 0 && keys[0]!.startsWith('$') && !['$and', '$or', '$nor'].includes(keys[0]!)) {
      const p = compileFilter({ v: cond });
      return (e) => p({ v: e });
    }
    const q: Predicate = compileFilter(cond);
    return (e) => isPlainObject(e) && q(e);
  }
  return (e) => valuesEqual(e, cond);
}

function push(list: unknown[], items: unknown[], modifiers: Doc): void {
  let position = list.length;
  if (modifiers.$position !== undefined) {
    const p = numericValue(modifiers.$position);
    if (p === undefined || !Number.isInteger(p)) throw fail(`The value for $position must be an integer value, not of type: ${typeName(modifiers.$position)}`);
    position = p < 0 ? Math.max(0, list.length + p) : Math.min(p, list.length);
  }
  list.splice(position, 0, ...items);
  if (modifiers.$sort !== undefined) {
    const spec = modifiers.$sort;
    let cmp: (a: unknown, b: unknown) => number;
    if (spec === 1 || spec === -1) cmp = (a, b) => compareValues(a, b) * (spec as number);
    else if (isPlainObject(spec) && Object.keys(spec).length > 0) {
      const fields = Object.entries(spec);
      for (const [, dir] of fields) if (dir !== 1 && dir !== -1) throw fail(`The $sort element value must be either 1 or -1`);
      cmp = (a, b) => {
        for (const [f, dir] of fields) {
          const c = compareValues(fieldOf(a, f), fieldOf(b, f));
          if (c !== 0) return c * (dir as number);
        }
        return 0;
      };
    } else throw fail(`The $sort is invalid: use 1/-1 to sort the whole element, or {field:1/-1} to sort embedded fields`);
    const sorted = list.map((v, i) => [v, i] as const).sort((x, y) => cmp(x[0], y[0]) || x[1] - y[1]);
    list.splice(0, list.length, ...sorted.map((x) => x[0]));
  }
  if (modifiers.$slice !== undefined) {
    const s = numericValue(modifiers.$slice);
    if (s === undefined || !Number.isInteger(s)) throw fail(`The value for $slice must be an integer value but was given type: ${typeName(modifiers.$slice)}`);
    const kept = s >= 0 ? list.slice(0, s) : list.slice(Math.max(0, list.length + s));
    list.splice(0, list.length, ...kept);
  }
}

function fieldOf(v: unknown, path: string): unknown {
  let node: unknown = v;
  for (const p of path.split('.')) {
    if (!isPlainObject(node)) return undefined;
    node = node[p];
  }
  return node;
}

function rename(doc: Doc, from: string, to: string): void {
  const fromParts = from.split('.');
  let node: unknown = doc;
  for (let i = 0; i < fromParts.length - 1; i++) {
    if (Array.isArray(node)) throw fail(`The source field cannot be an array element, '${from}' in doc with _id: ${docId(doc)} has an array field called '${fromParts.slice(0, i).join('.')}'`);
    if (!isPlainObject(node)) return;
    node = node[fromParts[i]!];
  }
  if (!isPlainObject(node) || !(fromParts[fromParts.length - 1]! in node)) return;
  const value = node[fromParts[fromParts.length - 1]!];
  // The target may not go through an array either.
  let t: unknown = doc;
  const toParts = to.split('.');
  for (let i = 0; i < toParts.length - 1; i++) {
    if (!isPlainObject(t)) break;
    t = t[toParts[i]!];
    if (Array.isArray(t)) throw fail(`The destination field cannot be an array element, '${to}' in doc with _id: ${docId(doc)} has an array field called '${toParts.slice(0, i + 1).join('.')}'`);
  }
  delete node[fromParts[fromParts.length - 1]!];
  forEachTarget(doc, toParts, {}, (parent, key) => setChild(parent, key, value), true);
}

/** A replacement document (doc().set()): the stored fields, `_id` kept. */
export function replacement(data: Doc): Doc {
  const out: Doc = {};
  for (const [k, v] of Object.entries(data)) {
    if (k.startsWith('$')) throw fail(`The dollar ($) prefixed field '${k}' in '${k}' is not valid for storage.`);
    if (k !== '_id') out[k] = cloneValue(v);
  }
  checkStorable(out);
  return out;
}
