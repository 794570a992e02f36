import { DomainError } from '../../domain/errors';
import type { PageCursor, PageRequest } from '../ports/repositories';

/**
 * Opaque keyset cursors: "<sort value>.<id>". A malformed cursor is bad input,
 * not an empty page.
 */
export function decodeCursor(cursor: string | undefined): PageCursor | null {
  if (!cursor) return null;
  const match = /^(-?\d{1,16})\.([A-Za-z0-9_-]{1,64})$/.exec(cursor);
  if (!match) throw new DomainError('INPUT.INVALID', '分页参数无效');
  return { value: Number(match[1]), id: match[2]! };
}

export function encodeCursor(value: number, id: string): string {
  return `${value}.${id}`;
}

/** Asks storage for one extra row to know whether another page exists. */
export function pageRequest(pageSize: number, cursor: string | undefined): PageRequest {
  return { limit: pageSize + 1, after: decodeCursor(cursor) };
}

export function pageOf<T extends { _id: string }>(rows: T[], pageSize: number, sortValue: (row: T) => number) {
  const items = rows.slice(0, pageSize);
  const last = items[items.length - 1];
  const nextCursor = rows.length > pageSize && last ? encodeCursor(sortValue(last), last._id) : null;
  return { items, nextCursor };
}
