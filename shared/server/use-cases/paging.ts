import { DomainError } from '../../domain/errors';
import type { PageCursor, PageRequest } from '../ports/repositories';

/**
 * Opaque keyset cursors: "<sort value>[~<sort value>…].<id>", one value per
 * sort field (booleans as 0/1). A malformed cursor is bad input, not an empty page.
 */
export function decodeCursor(cursor: string | undefined): PageCursor | null {
  if (!cursor) return null;
  const match = /^(-?\d{1,16}(?:~-?\d{1,16}){0,3})\.([A-Za-z0-9_-]{1,64})$/.exec(cursor);
  if (!match) throw new DomainError('INPUT.INVALID', '分页参数无效');
  return { values: match[1]!.split('~').map(Number), id: match[2]! };
}

export function encodeCursor(values: number[], id: string): string {
  return `${values.join('~')}.${id}`;
}

/** Asks storage for one extra row to know whether another page exists. */
export function pageRequest(pageSize: number, cursor: string | undefined): PageRequest {
  return { limit: pageSize + 1, after: decodeCursor(cursor) };
}

/** The page to show and the cursor after its last row; `sortValues` gives a row's values in the query's sort order. */
export function pageOf<T extends { _id: string }>(rows: T[], pageSize: number, sortValues: (row: T) => number[]) {
  const items = rows.slice(0, pageSize);
  const last = items[items.length - 1];
  const nextCursor = rows.length > pageSize && last ? encodeCursor(sortValues(last), last._id) : null;
  return { items, nextCursor };
}
