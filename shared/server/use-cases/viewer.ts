import type { Viewer } from '../../domain/permissions';
import type { Role } from '../../domain/organisation';
import type { UserRecord } from '../ports/records';

/** The person calling, as the server knows them: roster entry if any, else a student. */
export interface ResolvedViewer extends Viewer {
  user: UserRecord | null;
  displayName: string | null;
}

export function resolveViewer(openid: string, user: UserRecord | null): ResolvedViewer {
  const roles: Role[] = user && user.roles.length > 0 ? [...user.roles] : ['student'];
  return {
    openid,
    roles,
    unitIds: user ? user.memberships.map((m) => m.unitId) : [],
    user,
    displayName: user?.name ?? null,
  };
}
