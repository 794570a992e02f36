import { useCallback, useEffect, useRef, useState } from 'react';
import { userMessageOf } from '../services/api-error';

export interface AsyncState<T> {
  data: T | null;
  loading: boolean;
  error: string | null;
  reload: () => void;
}

/** Loads one value; `load` must be memoised (its identity is the dependency). */
export function useAsync<T>(load: () => Promise<T>): AsyncState<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const run = useCallback(() => {
    const mine = ++generation.current;
    setLoading(true);
    setError(null);
    load().then(
      (value) => {
        if (mine !== generation.current) return;
        setData(value);
        setLoading(false);
      },
      (err: unknown) => {
        if (mine !== generation.current) return;
        setError(userMessageOf(err));
        setLoading(false);
      },
    );
  }, [load]);

  useEffect(run, [run]);
  return { data, loading, error, reload: run };
}
