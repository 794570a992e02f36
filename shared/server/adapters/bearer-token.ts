import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The export feed's service credential: `Authorization: Bearer <token>`,
 * compared in constant time (both sides hashed first, so neither the content
 * nor the length of the configured token leaks through timing). No token
 * configured: nothing is accepted.
 */
export function bearerTokenCheck(configured: string | null): (authorization: string | undefined) => boolean {
  const expected = configured ? createHash('sha256').update(configured).digest() : null;
  return (authorization) => {
    const match = /^Bearer ([^\s]{1,512})$/i.exec(authorization?.trim() ?? '');
    const presented = createHash('sha256').update(match?.[1] ?? '').digest();
    // Always compare (against itself when nothing is configured), so a refusal takes the same time either way.
    const ok = timingSafeEqual(presented, expected ?? presented);
    return expected !== null && match !== null && ok;
  };
}
