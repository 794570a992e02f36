import type { Viewer } from '../../domain/permissions';
import { activeMemberships, adminMemberships, effectiveRoles } from '../../domain/roster';
import type { UserRecord } from '../ports/records';

/**
 * The person calling, as the server knows them: roster entry if any, else a
 * student. Deactivated memberships do not count: the person no longer handles
 * that unit's questions, and without an active membership they act as neither
 * a responder nor a unit admin (shared/domain/roster.ts `effectiveRoles`).
 */
export interface ResolvedViewer extends Viewer {
  user: UserRecord | null;
  displayName: string | null;
}

export function resolveViewer(openid: string, user: UserRecord | null): ResolvedViewer {
  return {
    openid,
    roles: user ? effectiveRoles(user) : ['student'],
    unitIds: user ? activeMemberships(user).map((m) => m.unitId) : [],
    adminUnitIds: user ? adminMemberships(user).map((m) => m.unitId) : [],
    user,
    displayName: user?.name ?? null,
  };
}
