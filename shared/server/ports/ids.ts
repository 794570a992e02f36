/** Ids are an input too: use cases receive an IdGenerator. */
export interface IdGenerator {
  /** A new unique id with a short type prefix, e.g. `q_…`, `a_…`. */
  next(prefix: string): string;
  /** The same inputs always give the same id (idempotent creates keyed on a client request id). */
  derived(prefix: string, ...parts: string[]): string;
}
