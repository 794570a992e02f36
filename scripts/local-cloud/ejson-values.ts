import { ObjectId } from 'bson';

/**
 * Values as the local database holds them: what `EJSON.parse` gives for the
 * strings @cloudbase/node-sdk sends (numbers, strings, booleans, null, Date,
 * bson ObjectId, bson BSONRegExp, arrays, plain objects). This module knows how
 * to copy, compare and order them the way MongoDB (CloudBase's document
 * database) does, which neither structuredClone (it drops an ObjectId's bytes)
 * nor mingo (it orders and compares some of them differently) does.
 */

export class LocalDbError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'LocalDbError';
  }
}

/**
 * Codes the local cloud answers with. CloudBase's own codes
 * (https://docs.cloudbase.net/en/error-code/basic) where CloudBase itself refuses;
 * LOCAL_CLOUD_UNSUPPORTED where CloudBase would answer but the local cloud cannot
 * (geo, full-text search): such a refusal names the operation and is never
 * mistaken for a CloudBase answer.
 */
export const CODES = {
  failed: 'DATABASE_REQUEST_FAILED',
  invalidParam: 'INVALID_PARAM',
  invalidOperator: 'DATABASE_INVALID_OPERRATOR',
  collectionMissing: 'DATABASE_COLLECTION_NOT_EXIST',
  duplicate: 'DATABASE_DUPLICATE_WRITE',
  txnConflict: 'DATABASE_TRANSACTION_CONFLICT',
  txnFail: 'DATABASE_TRANSACTION_FAIL',
  unsupported: 'LOCAL_CLOUD_UNSUPPORTED',
} as const;

export function unsupported(what: string): LocalDbError {
  return new LocalDbError(CODES.unsupported, `${what} is not supported by the local cloud`);
}

type BsonLike = { _bsontype?: string };

export function bsonType(v: unknown): string | undefined {
  return v !== null && typeof v === 'object' ? (v as BsonLike)._bsontype : undefined;
}

export function isObjectId(v: unknown): v is ObjectId {
  const t = bsonType(v);
  return t === 'ObjectID' || t === 'ObjectId';
}

export function isBsonRegExp(v: unknown): v is { pattern: string; options: string; _bsontype: 'BSONRegExp' } {
  return bsonType(v) === 'BSONRegExp';
}

/** A plain document (not an array, Date, RegExp or bson value). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  if (v instanceof Date || v instanceof RegExp || bsonType(v) !== undefined) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Deep copy that keeps Dates and bson values (an ObjectId keeps its bytes). */
export function cloneValue<T>(v: T): T {
  if (Array.isArray(v)) return v.map((x) => cloneValue(x)) as T;
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = cloneValue(x);
    return out as T;
  }
  // bson values are immutable; share them.
  return v;
}

/** Numeric value of a JS number or a bson numeric wrapper, or undefined. */
export function numericValue(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  const t = bsonType(v);
  if (t === 'Int32' || t === 'Double') return (v as { valueOf(): number }).valueOf();
  if (t === 'Long') return (v as { toNumber(): number }).toNumber();
  if (t === 'Decimal128') return Number((v as { toString(): string }).toString());
  return undefined;
}

export function isNumeric(v: unknown): boolean {
  return numericValue(v) !== undefined;
}

/**
 * MongoDB's comparison/sort order of BSON types
 * (https://www.mongodb.com/docs/manual/reference/bson-type-comparison-order/):
 * MinKey, Null, Numbers, Symbol/String, Object, Array, BinData, ObjectId,
 * Boolean, Date, Timestamp, Regular Expression, MaxKey. A missing field sorts as null.
 */
export function typeRank(v: unknown): number {
  if (v === undefined || v === null) return 2;
  if (typeof v === 'number' || isNumeric(v)) return 3;
  if (typeof v === 'string') return 4;
  if (typeof v === 'boolean') return 9;
  if (Array.isArray(v)) return 6;
  if (v instanceof Date) return 10;
  if (v instanceof RegExp) return 12;
  switch (bsonType(v)) {
    case 'MinKey':
      return 1;
    case 'Symbol':
      return 4;
    case 'Binary':
      return 7;
    case 'ObjectID':
    case 'ObjectId':
      return 8;
    case 'Timestamp':
      return 11;
    case 'BSONRegExp':
      return 12;
    case 'MaxKey':
      return 13;
    default:
      return 5;
  }
}

/** Strings compare by code point (MongoDB compares UTF-8 bytes, which orders the same). */
function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done && y.done) return 0;
    if (x.done) return -1;
    if (y.done) return 1;
    const cx = x.value.codePointAt(0)!;
    const cy = y.value.codePointAt(0)!;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}

function regexParts(v: unknown): [string, string] {
  if (v instanceof RegExp) return [v.source, v.flags];
  const r = v as { pattern: string; options: string };
  return [r.pattern, r.options];
}

/** Total order over values, as MongoDB compares them (sort, $gt, $min, $max, ...). */
export function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 1:
    case 2:
    case 13:
      return 0;
    case 3: {
      const x = numericValue(a)!;
      const y = numericValue(b)!;
      if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : -1;
      if (Number.isNaN(y)) return 1;
      return x === y ? 0 : x < y ? -1 : 1;
    }
    case 4:
      return compareStrings(String(a), String(b));
    case 5: {
      const ea = Object.entries(a as Record<string, unknown>);
      const eb = Object.entries(b as Record<string, unknown>);
      for (let i = 0; i < Math.min(ea.length, eb.length); i++) {
        const [ka, va] = ea[i]!;
        const [kb, vb] = eb[i]!;
        const t = typeRank(va) - typeRank(vb);
        if (t !== 0) return t < 0 ? -1 : 1;
        const k = compareStrings(ka, kb);
        if (k !== 0) return k;
        const c = compareValues(va, vb);
        if (c !== 0) return c;
      }
      return ea.length === eb.length ? 0 : ea.length < eb.length ? -1 : 1;
    }
    case 6: {
      const xa = a as unknown[];
      const xb = b as unknown[];
      for (let i = 0; i < Math.min(xa.length, xb.length); i++) {
        const c = compareValues(xa[i], xb[i]);
        if (c !== 0) return c;
      }
      return xa.length === xb.length ? 0 : xa.length < xb.length ? -1 : 1;
    }
    case 7: {
      const x = Buffer.from((a as { buffer: Uint8Array }).buffer);
      const y = Buffer.from((b as { buffer: Uint8Array }).buffer);
      if (x.length !== y.length) return x.length < y.length ? -1 : 1;
      return Buffer.compare(x, y);
    }
    case 8:
      return compareStrings((a as ObjectId).toHexString(), (b as ObjectId).toHexString());
    case 9:
      return a === b ? 0 : a ? 1 : -1;
    case 10: {
      const x = (a as Date).getTime();
      const y = (b as Date).getTime();
      return x === y ? 0 : x < y ? -1 : 1;
    }
    case 11:
      return (a as { compare(o: unknown): number }).compare(b);
    case 12: {
      const [pa, oa] = regexParts(a);
      const [pb, ob] = regexParts(b);
      return compareStrings(pa, pb) || compareStrings(oa, ob);
    }
    default:
      return 0;
  }
}

/** MongoDB equality: same canonical type and value; embedded documents compare field by field in order. */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  return compareValues(a, b) === 0;
}

/**
 * The key a document is stored under. CloudBase ids are strings; the SDK also
 * sends numbers (`doc(123)`). Strings keep their own text so existing SQLite
 * files stay readable.
 */
export function idKey(id: unknown): string {
  if (typeof id === 'string') return id;
  if (typeof id === 'number') return `\u0000n:${id}`;
  throw new LocalDbError(CODES.unsupported, `an _id of type ${describeType(id)} is not supported by the local cloud (CloudBase ids are strings; the SDK also sends numbers)`);
}

export function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Date) return 'date';
  if (isObjectId(v)) return 'objectId';
  if (isBsonRegExp(v) || v instanceof RegExp) return 'regex';
  if (isPlainObject(v)) return 'object';
  return typeof v;
}

/**
 * `db.serverDate({offset})` arrives as `{$tcb_server_date: {offset}}`; CloudBase
 * stores (or compares with) the server's time plus offset milliseconds.
 * Returns a copy with every marker replaced, anywhere in the value.
 */
export function resolveServerDates<T>(v: T, now: number): T {
  if (Array.isArray(v)) return v.map((x) => resolveServerDates(x, now)) as T;
  if (isPlainObject(v)) {
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === '$tcb_server_date') {
      const spec = v.$tcb_server_date as { offset?: unknown } | null;
      const offset = numericValue(spec?.offset) ?? 0;
      return new Date(now + offset) as T;
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = resolveServerDates(x, now);
    return out as T;
  }
  return v;
}

/**
 * Field names a stored document may not have. CloudBase's documentation is
 * silent; MongoDB before 5.0 (and CloudBase, which rejects `$_key`) refuse names
 * that start with `$` or contain `.`, at any depth; `_id` may not be an array.
 */
export function checkStorable(doc: Record<string, unknown>, where = ''): void {
  for (const [k, v] of Object.entries(doc)) {
    const path = where ? `${where}.${k}` : k;
    if (k.startsWith('$')) {
      throw new LocalDbError(CODES.failed, `The dollar ($) prefixed field '${k}' in '${path}' is not valid for storage.`);
    }
    if (k.includes('.')) {
      throw new LocalDbError(CODES.failed, `The dotted field '${k}' in '${path}' is not valid for storage.`);
    }
    checkStorableValue(v, path);
  }
}

function checkStorableValue(v: unknown, path: string): void {
  if (Array.isArray(v)) v.forEach((x, i) => checkStorableValue(x, `${path}.${i}`));
  else if (isPlainObject(v)) checkStorable(v, path);
}

/** A short, readable rendering of a value for error messages (MongoDB style). */
export function show(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (v instanceof Date) return `new Date(${v.getTime()})`;
  if (isObjectId(v)) return `ObjectId('${v.toHexString()}')`;
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}
