/**
 * The organisation the platform serves: units form a tree (school committee →
 * college committees → branches) and functional departments are units too,
 * because the plan is "职能部门答办". Pure data helpers, no I/O.
 */
export const UNIT_KINDS = ['school', 'college', 'department', 'branch'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  school: '校团委',
  college: '学院团委',
  department: '职能部门',
  branch: '团支部',
};

/** 团帮青 (league cadres), 专帮青 (expert teachers), 青帮青 (student leaders and volunteers). */
export const TEAMS = ['league', 'expert', 'peer'] as const;
export type Team = (typeof TEAMS)[number];
export const TEAM_LABELS: Record<Team, string> = {
  league: '团帮青',
  expert: '专帮青',
  peer: '青帮青',
};

export const ROLES = ['student', 'responder', 'unitAdmin', 'coordinator', 'supervisor', 'schoolAdmin'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  student: '学生',
  responder: '答复人',
  unitAdmin: '单位管理员',
  coordinator: '协管',
  supervisor: '主管老师',
  schoolAdmin: '工作小组组长',
};

export interface UnitNode {
  id: string;
  kind: UnitKind;
  parentId: string | null;
}

/** The school committee is the root; its triage pool (兜底) takes what cannot be routed. */
export function findSchoolUnit<T extends UnitNode>(units: readonly T[]): T | undefined {
  return units.find((u) => u.kind === 'school' && u.parentId === null);
}

/** Walks up from a unit to the root; the unit itself comes first. Stops on cycles. */
export function ancestorsOf<T extends UnitNode>(unitId: string, units: readonly T[]): T[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const chain: T[] = [];
  const seen = new Set<string>();
  let current = byId.get(unitId);
  while (current && !seen.has(current.id)) {
    chain.push(current);
    seen.add(current.id);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return chain;
}

/** A unit and every unit below it (a college and its branches), the unit first. Stops on cycles. */
export function descendantsOf<T extends UnitNode>(unitId: string, units: readonly T[]): T[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const root = byId.get(unitId);
  if (!root) return [];
  const out: T[] = [root];
  const seen = new Set([root.id]);
  for (let i = 0; i < out.length; i++) {
    for (const child of units) {
      if (child.parentId === out[i]!.id && !seen.has(child.id)) {
        seen.add(child.id);
        out.push(child);
      }
    }
  }
  return out;
}

/** The college a unit belongs to (itself if it is a college, its ancestor college for a branch). */
export function collegeOf<T extends UnitNode>(unitId: string, units: readonly T[]): T | undefined {
  return ancestorsOf(unitId, units).find((u) => u.kind === 'college');
}

export interface EmergencyContact {
  label: string;
  phone: string;
}

/**
 * The numbers a student in an emergency should call (紧急通道): the school's
 * own (the school committee's and every department's that publishes one), then
 * the college committee's and the owning unit's, without repeats.
 */
export function emergencyContactsFor<T extends UnitNode & { emergencyContacts: EmergencyContact[] }>(
  units: readonly T[],
  where: { collegeId?: string | null; ownerUnitId?: string | null } = {},
): EmergencyContact[] {
  const chosen = units.filter((u) => u.kind === 'school' || u.kind === 'department' || u.id === where.collegeId || u.id === where.ownerUnitId);
  const seen = new Set<string>();
  const out: EmergencyContact[] = [];
  for (const unit of chosen) {
    for (const c of unit.emergencyContacts) {
      const key = `${c.label}|${c.phone}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(c);
      }
    }
  }
  return out;
}

/** "保卫处24小时值班 0571-88000110；校医院急诊 0571-88000120" — one line for messages. */
export function emergencyLine(contacts: readonly EmergencyContact[]): string {
  return contacts.map((c) => `${c.label} ${c.phone}`).join('；');
}
