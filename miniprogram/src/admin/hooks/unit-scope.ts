import type { Unit } from '@shared/contracts/catalog.contract';
import type { Me } from '@shared/contracts/me.contract';
import { collegeOf, descendantsOf } from '@shared/domain/organisation';
import { oversees } from '@shared/domain/permissions';

/**
 * The units an admin page offers to pick: every unit for the school-wide roles,
 * else the viewer's units and those below them (a college admin: the college
 * and its branches). The server checks the same scope; this only keeps the
 * choices to those that can work.
 */
export function unitsInView(me: Pick<Me, 'roles' | 'memberships'>, units: readonly Unit[]): Unit[] {
  if (oversees(me) || me.roles.includes('schoolAdmin')) return [...units];
  const ids = new Set<string>();
  for (const m of me.memberships) for (const u of descendantsOf(m.unitId, units)) ids.add(u.id);
  return units.filter((u) => ids.has(u.id));
}

/** The colleges whose entry points the viewer may fetch: all for the school admin, else their own. */
export function collegesInView(me: Pick<Me, 'roles' | 'memberships'>, units: readonly Unit[]): Unit[] {
  if (me.roles.includes('schoolAdmin')) return units.filter((u) => u.kind === 'college');
  const ids = new Set(me.memberships.map((m) => collegeOf(m.unitId, units)?.id).filter((id): id is string => Boolean(id)));
  return units.filter((u) => u.kind === 'college' && ids.has(u.id));
}
