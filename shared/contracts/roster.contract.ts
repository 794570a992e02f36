import { z } from 'zod';
import { INVITE_DEFAULTS, INVITE_LIMITS } from '../domain/invitation';
import { ROLES, TEAMS } from '../domain/organisation';
import { ASSIGNABLE_ROLES, INVITE_ROLES } from '../domain/roster';
import { Id, Instant, PageInput } from './common.contract';
import { optionalText, userText } from './text.contract';

/**
 * People and organisation (名册与邀请): a unit admin invites people to a team
 * of their unit; the person opens the invitation and their WeChat identity is
 * bound to the roster; admins change teams, 分工 and roles, and deactivate
 * people. Every change is in the audit log.
 */
const Team = z.enum(TEAMS);
const CategoryIds = z.array(Id).max(20);

export const INVITATION_STATUSES = ['open', 'expired', 'usedUp', 'revoked'] as const;

export const Invitation = z.strictObject({
  id: Id,
  /** What the person types (10 characters, no look-alikes). */
  code: z.string(),
  /** The mini-program code's scene: `i=<code>`. */
  scene: z.string().max(32),
  /** The page it opens, as WeChat opens it from a code: `pages/join/index?scene=i%3D<code>`. */
  path: z.string(),
  unitId: Id,
  unitName: z.string(),
  team: Team,
  categoryIds: z.array(Id),
  role: z.enum(INVITE_ROLES),
  /** Whom it is meant for, if the admin said. */
  name: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: Instant,
  createdByName: z.string(),
  expiresAt: Instant,
  maxUses: z.number().int().positive(),
  uses: z.number().int().nonnegative(),
  status: z.enum(INVITATION_STATUSES),
});
export type Invitation = z.infer<typeof Invitation>;

/** 邀请: for a team of a unit (the admin's own, or any for the school admin), valid 14 days and once unless said otherwise. */
export const RosterInviteInput = z.strictObject({
  unitId: Id,
  team: Team,
  categoryIds: CategoryIds.default([]),
  /** `unitAdmin`: only the school admin invites a unit's admin. */
  role: z.enum(INVITE_ROLES).default('responder'),
  /** The invitee's name as the admin knows it (a new person is entered under it unless they give theirs). */
  name: optionalText(20, { singleLine: true }),
  note: optionalText(100, { singleLine: true }),
  expiresInDays: z.number().int().min(1).max(INVITE_LIMITS.maxDays).default(INVITE_DEFAULTS.expiresInDays),
  maxUses: z.number().int().min(1).max(INVITE_LIMITS.maxUses).default(INVITE_DEFAULTS.maxUses),
});
export const RosterInviteOutput = Invitation;

/** Open invitations of the units the caller manages (or one of them), newest first. */
export const RosterInvitesInput = PageInput.extend({ unitId: Id.optional() });
export const RosterInvitesOutput = z.strictObject({ items: z.array(Invitation), nextCursor: z.string().nullable() });

export const RosterRevokeInviteInput = z.strictObject({
  invitationId: Id,
  reason: optionalText(200, { singleLine: true }),
});
export const RosterRevokeInviteOutput = Invitation;

/** What the join page shows before the person accepts (any signed-in person holding the code). */
export const RosterInviteInfoInput = z.strictObject({ code: z.string().trim().min(1).max(40) });
export const RosterInviteInfoOutput = z.strictObject({
  unitId: Id,
  unitName: z.string(),
  team: Team,
  categories: z.array(z.strictObject({ id: Id, name: z.string() })),
  role: z.enum(INVITE_ROLES),
  name: z.string().nullable(),
  invitedByName: z.string(),
  expiresAt: Instant,
  status: z.enum(INVITATION_STATUSES),
  /** The caller joined with it already (joining again changes nothing). */
  alreadyJoined: z.boolean(),
  /** The caller is in the roster already: their name is kept, `name` is not asked. */
  registered: z.boolean(),
});

/**
 * 加入: binds the caller's WeChat identity (from the invocation context) to the
 * roster with the invitation's unit, team, 分工 and role. `name` is needed only
 * for someone not in the roster yet (the invitation's name is used if they give none).
 */
export const RosterJoinInput = z.strictObject({
  code: z.string().trim().min(1).max(40),
  name: userText(2, 20, { singleLine: true }).optional(),
});
export const RosterJoinOutput = z.strictObject({
  unitId: Id,
  unitName: z.string(),
  team: Team,
  categoryIds: z.array(Id),
  roles: z.array(z.enum(ROLES)),
  /** When they joined with this invitation (the same for a retry). */
  joinedAt: Instant,
});

export const RosterMembership = z.strictObject({
  unitId: Id,
  unitName: z.string(),
  team: Team.nullable(),
  categoryIds: z.array(Id),
  active: z.boolean(),
  /** Administers this unit. */
  admin: z.boolean(),
});

export const RosterPerson = z.strictObject({
  /** Stable and opaque (never the openid): what roster.update names. */
  personId: Id,
  name: z.string(),
  /** The number they bound (staff, with consent), whole: only admins and overseers read the roster. */
  phone: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  /** At least one active membership among those shown. */
  active: z.boolean(),
  joinedAt: Instant.nullable(),
  /** Their memberships in the units the caller may read. */
  memberships: z.array(RosterMembership),
});
export type RosterPerson = z.infer<typeof RosterPerson>;

/** Each college's targets: experts ≥ 5 (Zhejiang 2015 §四.1), staff 10–30 (Beijing 2016 §八.二), active people of the college and its branches. */
export const CollegeTarget = z.strictObject({
  collegeId: Id,
  collegeName: z.string(),
  experts: z.number().int().nonnegative(),
  expertsMin: z.number().int().positive(),
  expertsMet: z.boolean(),
  staff: z.number().int().nonnegative(),
  staffMin: z.number().int().positive(),
  staffMax: z.number().int().positive(),
  staffMet: z.boolean(),
});
export type CollegeTarget = z.infer<typeof CollegeTarget>;

/** 名册: the people of the units the caller may read (one of them with `unitId`), by person, and each college's targets. */
export const RosterListInput = PageInput.extend({ unitId: Id.optional() });
export const RosterListOutput = z.strictObject({
  items: z.array(RosterPerson),
  nextCursor: z.string().nullable(),
  colleges: z.array(CollegeTarget),
});

/**
 * 调整: a person's membership of one unit (team, 分工, active, admin) and the
 * roles they act with. Fields left out are not changed; `roles` is the wanted
 * set of responder / coordinator / supervisor (others are kept).
 */
export const RosterUpdateInput = z.strictObject({
  personId: Id,
  unitId: Id,
  team: Team.nullable().optional(),
  categoryIds: CategoryIds.optional(),
  active: z.boolean().optional(),
  admin: z.boolean().optional(),
  roles: z.array(z.enum(ASSIGNABLE_ROLES)).max(ASSIGNABLE_ROLES.length).optional(),
  reason: optionalText(200, { singleLine: true }),
});
export const RosterUpdateOutput = RosterPerson;
