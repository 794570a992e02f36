/**
 * The local cloud's clock. Developers shift it (POST /__dev/clock) to watch the
 * 24-hour window work; every function invocation receives the offset in its
 * context, and nothing else in the process is affected.
 */
export class DevClock {
  private offset = 0;

  constructor(private readonly base: () => number = Date.now) {}

  get offsetMs(): number {
    return this.offset;
  }

  now(): number {
    return this.base() + this.offset;
  }

  advance(ms: number): void {
    this.offset += ms;
  }

  reset(): void {
    this.offset = 0;
  }
}
