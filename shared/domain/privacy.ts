/**
 * Personal data and how long it is kept. The platform holds a person's WeChat
 * identity (openid), their name from the roster, what they asked and answered,
 * the messages sent to them, their reports, and — for staff who answer
 * officially — a phone number bound with their consent.
 *
 * - Anyone may download all of it (me.export) and delete their account
 *   (me.delete): their questions stay, anonymised, for the units' statistics;
 *   their identity is removed everywhere.
 * - A closed case's personal data is removed `retentionDays` after it closed
 *   (the scheduler does it): the asker's identity, and the handlers' internal
 *   notes (which may name students involved). What was published stays.
 */
export const DEFAULT_RETENTION_DAYS = 730;
export const DAY_MS = 24 * 60 * 60 * 1000;

/** How someone whose identity was removed is named. */
export const REMOVED_PERSON_NAME = '已注销用户';

/**
 * What a removed identity becomes: named after the record it was removed from
 * (a question's or an answer's id), so nothing links the records of one
 * person any more and no openid is left behind.
 */
export function removedIdentity(recordId: string): string {
  return `removed-${recordId}`;
}

export function retentionDueAt(closedAt: number | null, anonymisedAt: number | null, retentionDays: number): number | null {
  if (closedAt === null || anonymisedAt !== null) return null;
  return closedAt + retentionDays * DAY_MS;
}
