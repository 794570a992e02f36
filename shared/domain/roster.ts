import { descendantsOf, type Role, type Team, type UnitNode } from './organisation';
import { oversees } from './permissions';

/**
 * The roster's rules: who manages which units' people, who may invite whom,
 * which roles each admin may change, and the targets the seeds set for every
 * college. Pure: the people and the unit tree are passed in.
 *
 * A person belongs to units through memberships (unit, team, 分工). A
 * membership can be deactivated (the person no longer answers for that unit,
 * hears nothing about its questions, and does not count towards its targets)
 * and can make its holder the unit's admin.
 */
export interface MembershipFacts {
  unitId: string;
  team: Team | null;
  /** Missing means active (records written before deactivation existed). */
  active?: boolean;
  /**
   * Whether the person administers this unit. Missing on records written
   * before memberships carried it: then the person's `unitAdmin` role decides.
   */
  admin?: boolean;
}

export interface RosterPerson {
  roles: readonly Role[];
  memberships: readonly MembershipFacts[];
}

export function isActiveMembership(m: Pick<MembershipFacts, 'active'>): boolean {
  return m.active !== false;
}

export function activeMemberships<M extends MembershipFacts>(person: { memberships: readonly M[] }): M[] {
  return person.memberships.filter(isActiveMembership);
}

/** The memberships through which a person administers a unit (active ones only). */
export function adminMemberships<M extends MembershipFacts>(person: { roles: readonly Role[]; memberships: readonly M[] }): M[] {
  return person.memberships.filter((m) => isActiveMembership(m) && (m.admin ?? person.roles.includes('unitAdmin')));
}

/**
 * The roles a person acts with now: answering (`responder`) and administering
 * (`unitAdmin`) need an active membership; someone whose memberships are all
 * deactivated keeps their other roles (a coordinator stays one) and nothing
 * else. A person with no roles at all is a student.
 */
export function effectiveRoles(person: RosterPerson): Role[] {
  const active = activeMemberships(person).length > 0;
  const admin = adminMemberships(person).length > 0;
  const roles = person.roles.filter((r) => (r === 'responder' ? active : r === 'unitAdmin' ? admin : true));
  return roles.length > 0 ? roles : ['student'];
}

/** A set of unit ids, or every unit. */
export type Scope = { all: true } | { all: false; unitIds: ReadonlySet<string> };

export const NO_SCOPE: Scope = { all: false, unitIds: new Set() };

export function inScope(scope: Scope, unitId: string): boolean {
  return scope.all || scope.unitIds.has(unitId);
}

/**
 * The units whose people an admin manages. The school admin manages every
 * unit. A unit admin manages each unit they administer and the units below it:
 * a college committee's admin manages the college and its branches, never
 * another college. The school committee's own admin (not the school admin)
 * manages the school committee only, not the whole tree.
 */
export function managedScope<U extends UnitNode>(person: RosterPerson, units: readonly U[]): Scope {
  if (person.roles.includes('schoolAdmin')) return { all: true };
  const ids = new Set<string>();
  for (const m of adminMemberships(person)) {
    const unit = units.find((u) => u.id === m.unitId);
    if (!unit) continue;
    if (unit.kind === 'school') ids.add(unit.id);
    else for (const u of descendantsOf(unit.id, units)) ids.add(u.id);
  }
  return { all: false, unitIds: ids };
}

/** The units whose roster a person may read: those who oversee every unit read them all; a unit admin reads what they manage. */
export function readableScope<U extends UnitNode>(person: RosterPerson, units: readonly U[]): Scope {
  if (oversees(person)) return { all: true };
  return managedScope(person, units);
}

export function scopeIsEmpty(scope: Scope): boolean {
  return !scope.all && scope.unitIds.size === 0;
}

/** The role an invitation grants: a responder, or (only the school admin invites one) the unit's admin. */
export const INVITE_ROLES = ['responder', 'unitAdmin'] as const;
export type InviteRole = (typeof INVITE_ROLES)[number];

export type RosterRefusal = { ok: true } | { ok: false; message: string };
const allowed: RosterRefusal = { ok: true };
const refuse = (message: string): RosterRefusal => ({ ok: false, message });

/** A unit admin invites responders to the units they manage; the school admin invites anyone anywhere, admins included. */
export function checkInvite<U extends UnitNode>(person: RosterPerson, unitId: string, role: InviteRole, units: readonly U[]): RosterRefusal {
  const scope = managedScope(person, units);
  if (scopeIsEmpty(scope)) return refuse('只有单位管理员和学校管理员可以邀请成员');
  if (!inScope(scope, unitId)) return refuse('只能邀请本单位（本学院及其团支部）的成员');
  if (role === 'unitAdmin' && !person.roles.includes('schoolAdmin')) return refuse('只有学校管理员可以邀请单位管理员');
  return allowed;
}

/** Roles roster.update may change. `schoolAdmin` and `student` are not changed through the app; `unitAdmin` follows the memberships' admin flags. */
export const ASSIGNABLE_ROLES = ['responder', 'coordinator', 'supervisor'] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

export interface MembershipChange {
  team?: Team | null;
  categoryIds?: readonly string[];
  active?: boolean;
  admin?: boolean;
  /** The desired set of the assignable roles (the person's others are kept). */
  roles?: readonly AssignableRole[];
}

/**
 * Whether `actor` may make this change to `target`'s membership of `unitId`.
 * A unit admin changes team, 分工 and active for people of the units they
 * manage, and whether someone answers (`responder`) only when every unit the
 * person is active in is theirs (the role holds in all of them). Only the
 * school admin makes or unmakes unit admins, coordinators and supervisors.
 * Nobody deactivates themselves or takes away their own admin rights.
 */
export function checkMembershipChange<U extends UnitNode>(
  actor: RosterPerson & { isSelf: boolean },
  target: RosterPerson,
  unitId: string,
  change: MembershipChange,
  units: readonly U[],
): RosterRefusal {
  const scope = managedScope(actor, units);
  if (scopeIsEmpty(scope)) return refuse('只有单位管理员和学校管理员可以调整成员');
  if (!inScope(scope, unitId)) return refuse('只能调整本单位（本学院及其团支部）的成员');
  const schoolAdmin = actor.roles.includes('schoolAdmin');
  if (change.admin !== undefined && !schoolAdmin) return refuse('只有学校管理员可以设置单位管理员');
  if (actor.isSelf && (change.active === false || change.admin === false)) return refuse('不能停用自己或取消自己的管理权限');
  if (change.roles) {
    const current = new Set(target.roles.filter((r): r is AssignableRole => (ASSIGNABLE_ROLES as readonly string[]).includes(r)));
    const wanted = new Set(change.roles);
    const changed = ASSIGNABLE_ROLES.filter((r) => current.has(r) !== wanted.has(r));
    if (changed.some((r) => r !== 'responder') && !schoolAdmin) return refuse('只有学校管理员可以设置协管和主管老师');
    if (changed.includes('responder') && !schoolAdmin) {
      const elsewhere = activeMemberships(target).some((m) => !inScope(scope, m.unitId));
      if (elsewhere) return refuse('此人还在其他单位答复问题，答复权限请联系学校管理员调整');
    }
  }
  return allowed;
}

/**
 * The seeds' targets for every college: at least 5 young teachers in the
 * expert group (Zhejiang 2015 §四.1 "邀请至少5名青年教师加入…专家组") and
 * 10–30 staff per organisation (Beijing 2016 §八.二 "各组织内设10-30名工作人员").
 * Counted over the college committee and its branches, active people only,
 * each person once.
 */
export const EXPERT_TARGET_MIN = 5;
export const STAFF_TARGET = { min: 10, max: 30 } as const;

export interface CollegeTargets {
  collegeId: string;
  experts: number;
  staff: number;
  expertsMet: boolean;
  staffMet: boolean;
}

export function collegeTargets<U extends UnitNode>(
  collegeIds: readonly string[],
  people: readonly { id: string; memberships: readonly MembershipFacts[] }[],
  units: readonly U[],
): CollegeTargets[] {
  return collegeIds.map((collegeId) => {
    const unitIds = new Set(descendantsOf(collegeId, units).map((u) => u.id));
    const staff = new Set<string>();
    const experts = new Set<string>();
    for (const p of people) {
      for (const m of p.memberships) {
        if (!isActiveMembership(m) || !unitIds.has(m.unitId)) continue;
        staff.add(p.id);
        if (m.team === 'expert') experts.add(p.id);
      }
    }
    return {
      collegeId,
      experts: experts.size,
      staff: staff.size,
      expertsMet: experts.size >= EXPERT_TARGET_MIN,
      staffMet: staff.size >= STAFF_TARGET.min && staff.size <= STAFF_TARGET.max,
    };
  });
}
