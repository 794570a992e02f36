/** Time is an input: use cases get `now` or a Clock, never call Date.now() themselves. */
export interface Clock {
  now(): number;
}
