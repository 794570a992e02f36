import { useCallback, useEffect, useState } from 'react';
import { isDevGateway } from '../config/env';
import { userMessageOf } from '../services/api-error';
import { listDevUsers, readDevOpenid, writeDevOpenid, type DevUser } from '../services/dev-identity.service';

/** Seeded identities of the local gateway and the one currently chosen. Inert in WeChat cloud mode. */
export function useDevIdentity() {
  const enabled = isDevGateway();
  const [users, setUsers] = useState<DevUser[]>([]);
  const [openid, setOpenid] = useState(() => (enabled ? readDevOpenid() : ''));
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    listDevUsers().then(
      (list) => live && setUsers(list),
      (err: unknown) => live && setError(userMessageOf(err)),
    );
    return () => {
      live = false;
    };
  }, [enabled]);

  const choose = useCallback((next: string) => {
    writeDevOpenid(next);
    setOpenid(next);
  }, []);

  const current = users.find((u) => u.openid === openid) ?? null;
  return { enabled, users, openid, current, error, choose };
}
