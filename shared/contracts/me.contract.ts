import { z } from 'zod';
import { ROLES, TEAMS } from '../domain/organisation';
import { Id } from './common.contract';

export const Membership = z.strictObject({
  unitId: Id,
  unitName: z.string(),
  team: z.enum(TEAMS).nullable(),
  categoryIds: z.array(Id),
});

export const MeGetInput = z.strictObject({});
export const MeGetOutput = z.strictObject({
  /** False for a WeChat user the roster does not know yet: they act as a student. */
  registered: z.boolean(),
  name: z.string().nullable(),
  collegeId: Id.nullable(),
  roles: z.array(z.enum(ROLES)),
  memberships: z.array(Membership),
  /** Subscription templates to request at natural taps (≤ 3 per request). */
  subscribeTemplates: z.strictObject({
    /** When a student submits a question: answered / handling progress. */
    asker: z.array(z.string()).max(3),
    /** When a responder opens the workbench or replies: reminders and escalations. */
    responder: z.array(z.string()).max(3),
  }),
  /** How many messages each subscribed template can still deliver to this person (one-time subscriptions). */
  credits: z.array(z.strictObject({ templateId: z.string(), credits: z.number().int().nonnegative() })),
});
export type Me = z.infer<typeof MeGetOutput>;
