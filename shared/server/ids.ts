import { createHash, randomBytes } from 'node:crypto';

/** Ids are an input too: use cases receive an IdGenerator. */
export interface IdGenerator {
  /** A new unique id with a short type prefix, e.g. `q_…`, `a_…`. */
  next(prefix: string): string;
  /** The same inputs always give the same id (idempotent creates keyed on a client request id). */
  derived(prefix: string, ...parts: string[]): string;
}

export const randomIds: IdGenerator = {
  next: (prefix) => `${prefix}_${Date.now().toString(36)}${randomBytes(8).toString('hex')}`,
  derived: (prefix, ...parts) =>
    `${prefix}_${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24)}`,
};
