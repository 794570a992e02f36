import { useCallback, useRef } from 'react';
import { newRequestId } from '../services/request-id';

/**
 * One request id per distinct submission: pressing the button again for the
 * same action with the same content (after a lost response, say) reuses the
 * id, so the server applies it once and answers the retry with what it did;
 * anything different gets a new id. `settled` forgets the id once it worked.
 */
export function useRequestIds() {
  const current = useRef<{ key: string; id: string } | null>(null);
  const idFor = useCallback((what: unknown[]) => {
    const key = JSON.stringify(what);
    if (current.current?.key !== key) current.current = { key, id: newRequestId() };
    return current.current.id;
  }, []);
  const settled = useCallback(() => {
    current.current = null;
  }, []);
  return { idFor, settled };
}
