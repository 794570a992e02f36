import { findSchoolUnit, type UnitNode } from './organisation';

/**
 * Where a new question goes (首接负责): the category's owning unit if one is
 * configured (e.g. 后勤 → 后勤服务中心), else the asker's college committee,
 * else the school committee's triage pool (兜底).
 */
export type RouteReason = 'category' | 'college' | 'triage' | 'crisis';

export interface RoutingCategory {
  id: string;
  ownerUnitId: string | null;
}

export interface RouteInput<U extends UnitNode> {
  category: RoutingCategory | undefined;
  collegeId: string | null;
  units: readonly U[];
}

export interface Route {
  unitId: string;
  reason: RouteReason;
}

export class UnroutableError extends Error {
  constructor() {
    super('No school committee unit is configured to act as the triage pool');
    this.name = 'UnroutableError';
  }
}

export function routeQuestion<U extends UnitNode>({ category, collegeId, units }: RouteInput<U>): Route {
  const exists = (id: string | null | undefined): id is string => !!id && units.some((u) => u.id === id);

  if (exists(category?.ownerUnitId)) {
    return { unitId: category!.ownerUnitId!, reason: 'category' };
  }
  const college = collegeId ? units.find((u) => u.id === collegeId) : undefined;
  if (college && college.kind === 'college') {
    return { unitId: college.id, reason: 'college' };
  }
  const school = findSchoolUnit(units);
  if (!school) throw new UnroutableError();
  return { unitId: school.id, reason: 'triage' };
}

/** How the timeline explains a route to a student. */
export const ROUTE_REASON_LABELS: Record<RouteReason, string> = {
  category: '按问题类别转交职能部门',
  college: '转交所在学院团委',
  triage: '无法自动分派，转交校团委兜底',
  crisis: '需要及时关心，已保密转交学校心理健康工作负责单位',
};
