import type { Category, Unit } from '@shared/contracts/catalog.contract';
import { routeQuestion } from '@shared/domain/route-question';

/** The unit the server will route a question to (the same rule), or null while it cannot tell. */
export function routedUnitFor(units: readonly Unit[], category: Category, collegeId: string | null): Unit | null {
  try {
    const route = routeQuestion({ category, collegeId, units });
    return units.find((u) => u.id === route.unitId) ?? null;
  } catch {
    return null;
  }
}
