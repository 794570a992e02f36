/** An idempotency key matching the contract's RequestId (8-64 chars of [A-Za-z0-9_-]). */
export function newRequestId(now: number = Date.now(), random: () => number = Math.random): string {
  let tail = '';
  while (tail.length < 12) tail += Math.floor(random() * 36).toString(36);
  return `q${now.toString(36)}${tail}`;
}
