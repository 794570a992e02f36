import { useCallback, useEffect, useRef, useState } from 'react';
import { userMessageOf } from '../services/api-error';

export interface Toggle {
  on: boolean;
  count: number;
  busy: boolean;
  error: string | null;
  toggle: () => void;
}

/**
 * A counted on/off (同问, 关注, 点赞): shows the change at once, then takes the
 * server's answer; a failure puts it back and says why. `send` says what the
 * person wants (`on`), so a retried request changes nothing more.
 */
export function useToggle(initial: { on: boolean; count: number }, send: (on: boolean) => Promise<{ on: boolean; count?: number }>): Toggle {
  const [state, setState] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sending = useRef(false);
  useEffect(() => setState(initial), [initial.on, initial.count]);

  const toggle = useCallback(() => {
    if (sending.current) return;
    sending.current = true;
    const before = state;
    const want = !before.on;
    setState({ on: want, count: Math.max(0, before.count + (want ? 1 : -1)) });
    setBusy(true);
    setError(null);
    send(want).then(
      (out) => setState((now) => ({ on: out.on, count: out.count ?? now.count })),
      (err: unknown) => {
        setState(before);
        setError(userMessageOf(err));
      },
    ).finally(() => {
      sending.current = false;
      setBusy(false);
    });
  }, [state, send]);

  return { ...state, busy, error, toggle };
}
