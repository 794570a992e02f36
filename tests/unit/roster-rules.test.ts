import {
  checkInvite,
  checkMembershipChange,
  collegeTargets,
  effectiveRoles,
  inScope,
  managedScope,
  readableScope,
  scopeIsEmpty,
  type MembershipFacts,
  type RosterPerson,
} from '../../shared/domain/roster';
import type { Role, UnitNode } from '../../shared/domain/organisation';
import { descendantsOf } from '../../shared/domain/organisation';

/** shared/domain/roster.ts: the scope rule (a college admin manages the college and its branches, nothing else), invitations, changes, targets. */
const UNITS: UnitNode[] = [
  { id: 'u-school', kind: 'school', parentId: null },
  { id: 'c-cs', kind: 'college', parentId: 'u-school' },
  { id: 'c-econ', kind: 'college', parentId: 'u-school' },
  { id: 'b-cs-1', kind: 'branch', parentId: 'c-cs' },
  { id: 'b-cs-2', kind: 'branch', parentId: 'c-cs' },
  { id: 'b-econ-1', kind: 'branch', parentId: 'c-econ' },
  { id: 'd-academic', kind: 'department', parentId: null },
];

const person = (roles: Role[], ...memberships: Partial<MembershipFacts>[]): RosterPerson => ({
  roles,
  memberships: memberships.map((m) => ({ unitId: 'c-cs', team: 'league', ...m })),
});
const ids = (scope: ReturnType<typeof managedScope>) => (scope.all ? 'all' : [...scope.unitIds].sort());

const csAdmin = person(['responder', 'unitAdmin'], { unitId: 'c-cs', admin: true });
const schoolAdmin = person(['schoolAdmin', 'supervisor'], { unitId: 'u-school' });
const csExpert = person(['responder'], { unitId: 'c-cs', team: 'expert' });

describe('the scope rule', () => {
  it('a college admin manages the college and its branches, never another college or a department', () => {
    expect(ids(managedScope(csAdmin, UNITS))).toEqual(['b-cs-1', 'b-cs-2', 'c-cs']);
    for (const other of ['c-econ', 'b-econ-1', 'd-academic', 'u-school']) expect(inScope(managedScope(csAdmin, UNITS), other)).toBe(false);
  });

  it('a branch admin manages the branch; the school committee\'s own admin only the school committee; the school admin everything', () => {
    expect(ids(managedScope(person(['unitAdmin'], { unitId: 'b-cs-1', admin: true }), UNITS))).toEqual(['b-cs-1']);
    expect(ids(managedScope(person(['unitAdmin'], { unitId: 'u-school', admin: true }), UNITS))).toEqual(['u-school']);
    expect(managedScope(schoolAdmin, UNITS)).toEqual({ all: true });
  });

  it('an admin of two units manages both; a deactivated or non-admin membership gives nothing', () => {
    const two = person(['unitAdmin', 'responder'], { unitId: 'c-cs', admin: true }, { unitId: 'd-academic', admin: true });
    expect(ids(managedScope(two, UNITS))).toEqual(['b-cs-1', 'b-cs-2', 'c-cs', 'd-academic']);
    const mixed = person(['unitAdmin', 'responder'], { unitId: 'c-cs', admin: true }, { unitId: 'd-academic', admin: false });
    expect(ids(managedScope(mixed, UNITS))).toEqual(['b-cs-1', 'b-cs-2', 'c-cs']);
    expect(scopeIsEmpty(managedScope(person(['unitAdmin'], { unitId: 'c-cs', admin: true, active: false }), UNITS))).toBe(true);
    expect(scopeIsEmpty(managedScope(csExpert, UNITS))).toBe(true);
  });

  it('reads older records (no admin flag) by the unitAdmin role', () => {
    expect(ids(managedScope(person(['unitAdmin'], { unitId: 'c-econ' }), UNITS))).toEqual(['b-econ-1', 'c-econ']);
    expect(scopeIsEmpty(managedScope(person(['responder'], { unitId: 'c-econ' }), UNITS))).toBe(true);
  });

  it('those who oversee every unit read every roster; others read what they manage', () => {
    for (const role of ['coordinator', 'supervisor', 'schoolAdmin'] as Role[]) expect(readableScope(person([role]), UNITS)).toEqual({ all: true });
    expect(ids(readableScope(csAdmin, UNITS))).toEqual(['b-cs-1', 'b-cs-2', 'c-cs']);
    expect(scopeIsEmpty(readableScope(person(['student']), UNITS))).toBe(true);
  });

  it('walks the tree below a unit, stopping on cycles', () => {
    expect(descendantsOf('c-cs', UNITS).map((u) => u.id)).toEqual(['c-cs', 'b-cs-1', 'b-cs-2']);
    expect(descendantsOf('nope', UNITS)).toEqual([]);
    const loop: UnitNode[] = [{ id: 'a', kind: 'college', parentId: 'b' }, { id: 'b', kind: 'branch', parentId: 'a' }];
    expect(descendantsOf('a', loop).map((u) => u.id)).toEqual(['a', 'b']);
  });
});

describe('the roles a person acts with', () => {
  it('answering and administering need an active membership; other roles stay', () => {
    expect(effectiveRoles(csAdmin)).toEqual(['responder', 'unitAdmin']);
    expect(effectiveRoles(person(['responder', 'student'], { active: false }))).toEqual(['student']);
    expect(effectiveRoles(person(['responder'], { active: false }))).toEqual(['student']);
    expect(effectiveRoles(person(['coordinator', 'responder'], { unitId: 'u-school', active: false }))).toEqual(['coordinator']);
    expect(effectiveRoles(person(['responder', 'unitAdmin'], { unitId: 'c-cs', admin: false }))).toEqual(['responder']);
    expect(effectiveRoles(person([]))).toEqual(['student']);
  });
});

describe('who may invite whom', () => {
  it('a unit admin invites responders to what they manage; only the school admin invites unit admins', () => {
    expect(checkInvite(csAdmin, 'c-cs', 'responder', UNITS)).toEqual({ ok: true });
    expect(checkInvite(csAdmin, 'b-cs-2', 'responder', UNITS)).toEqual({ ok: true });
    expect(checkInvite(csAdmin, 'c-econ', 'responder', UNITS)).toMatchObject({ ok: false });
    expect(checkInvite(csAdmin, 'c-cs', 'unitAdmin', UNITS)).toMatchObject({ ok: false, message: '只有学校管理员可以邀请单位管理员' });
    expect(checkInvite(csExpert, 'c-cs', 'responder', UNITS)).toMatchObject({ ok: false, message: '只有单位管理员和学校管理员可以邀请成员' });
    expect(checkInvite(person(['coordinator']), 'c-cs', 'responder', UNITS)).toMatchObject({ ok: false });
    expect(checkInvite(schoolAdmin, 'b-econ-1', 'unitAdmin', UNITS)).toEqual({ ok: true });
  });
});

describe('who may change whose membership', () => {
  const self = (p: RosterPerson, isSelf = false) => ({ ...p, isSelf });

  it('a unit admin changes team, 分工 and active within their scope', () => {
    expect(checkMembershipChange(self(csAdmin), csExpert, 'c-cs', { team: 'peer', categoryIds: ['x'], active: false }, UNITS)).toEqual({ ok: true });
    expect(checkMembershipChange(self(csAdmin), person(['responder'], { unitId: 'b-cs-1' }), 'b-cs-1', { active: false }, UNITS)).toEqual({ ok: true });
    expect(checkMembershipChange(self(csAdmin), person(['responder'], { unitId: 'c-econ' }), 'c-econ', { active: false }, UNITS)).toMatchObject({ ok: false });
    expect(checkMembershipChange(self(csExpert), csExpert, 'c-cs', { team: 'peer' }, UNITS)).toMatchObject({ ok: false });
  });

  it('only the school admin sets admins, coordinators and supervisors', () => {
    expect(checkMembershipChange(self(csAdmin), csExpert, 'c-cs', { admin: true }, UNITS)).toMatchObject({ ok: false, message: '只有学校管理员可以设置单位管理员' });
    expect(checkMembershipChange(self(csAdmin), csExpert, 'c-cs', { roles: ['responder', 'coordinator'] }, UNITS)).toMatchObject({ ok: false });
    expect(checkMembershipChange(self(schoolAdmin), csExpert, 'c-cs', { admin: true, roles: ['responder', 'supervisor'] }, UNITS)).toEqual({ ok: true });
    // Keeping a role the person has is no change.
    expect(checkMembershipChange(self(csAdmin), person(['responder', 'coordinator'], { unitId: 'c-cs' }), 'c-cs', { roles: ['responder', 'coordinator'] }, UNITS)).toEqual({ ok: true });
  });

  it('the responder role is the unit admin\'s to change only when the person answers nowhere else', () => {
    expect(checkMembershipChange(self(csAdmin), csExpert, 'c-cs', { roles: [] }, UNITS)).toEqual({ ok: true });
    const alsoAcademic = person(['responder'], { unitId: 'c-cs' }, { unitId: 'd-academic' });
    expect(checkMembershipChange(self(csAdmin), alsoAcademic, 'c-cs', { roles: [] }, UNITS)).toMatchObject({ ok: false, message: expect.stringContaining('其他单位') });
    const formerlyAcademic = person(['responder'], { unitId: 'c-cs' }, { unitId: 'd-academic', active: false });
    expect(checkMembershipChange(self(csAdmin), formerlyAcademic, 'c-cs', { roles: [] }, UNITS)).toEqual({ ok: true });
  });

  it('nobody deactivates themselves or takes away their own admin rights', () => {
    expect(checkMembershipChange(self(csAdmin, true), csAdmin, 'c-cs', { active: false }, UNITS)).toMatchObject({ ok: false });
    expect(checkMembershipChange(self(schoolAdmin, true), schoolAdmin, 'u-school', { admin: false }, UNITS)).toMatchObject({ ok: false });
    expect(checkMembershipChange(self(csAdmin, true), csAdmin, 'c-cs', { categoryIds: ['cat-study'] }, UNITS)).toEqual({ ok: true });
  });
});

describe('each college\'s targets', () => {
  /** A person of 计算机学院's expert team unless said otherwise. */
  const member = (id: string, ...memberships: Partial<MembershipFacts>[]) => ({
    id,
    memberships: (memberships.length > 0 ? memberships : [{}]).map((m) => ({ unitId: 'c-cs', team: 'expert' as const, ...m })),
  });

  it('counts active people of the college and its branches, each once; experts ≥ 5 and staff 10–30', () => {
    const people = [
      ...['e1', 'e2', 'e3', 'e4'].map((id) => member(id)),
      member('e5', { unitId: 'b-cs-1' }), // an expert in a branch counts for the college
      member('e6', { active: false }), // deactivated: not counted
      member('twice', { team: 'league' }, { unitId: 'b-cs-2', team: 'peer' }), // one person
      member('econ', { unitId: 'c-econ' }),
    ];
    expect(collegeTargets(['c-cs', 'c-econ'], people, UNITS)).toEqual([
      { collegeId: 'c-cs', experts: 5, staff: 6, expertsMet: true, staffMet: false },
      { collegeId: 'c-econ', experts: 1, staff: 1, expertsMet: false, staffMet: false },
    ]);
  });

  it('staff are met from 10 to 30 inclusive', () => {
    const staff = (n: number) => Array.from({ length: n }, (_, i) => member(`p${i}`, { team: 'peer' }));
    expect(collegeTargets(['c-cs'], staff(9), UNITS)[0]).toMatchObject({ staff: 9, staffMet: false });
    expect(collegeTargets(['c-cs'], staff(10), UNITS)[0]).toMatchObject({ staff: 10, staffMet: true });
    expect(collegeTargets(['c-cs'], staff(30), UNITS)[0]).toMatchObject({ staff: 30, staffMet: true });
    expect(collegeTargets(['c-cs'], staff(31), UNITS)[0]).toMatchObject({ staff: 31, staffMet: false });
  });
});
