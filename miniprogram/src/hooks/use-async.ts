import { useCallback, useEffect, useRef, useState } from 'react';
import { errorCodeOf, userMessageOf, type ApiErrorCode } from '../services/api-error';

export interface AsyncState<T> {
  data: T | null;
  loading: boolean;
  error: string | null;
  /** The failure's stable code, so a page can offer what helps (重试 only when a retry can work). */
  errorCode: ApiErrorCode | null;
  reload: () => void;
}

/** Loads one value; `load` must be memoised (its identity is the dependency). */
export function useAsync<T>(load: () => Promise<T>): AsyncState<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [errorCode, setErrorCode] = useState<ApiErrorCode | null>(null);
  const generation = useRef(0);

  const run = useCallback(() => {
    const mine = ++generation.current;
    setLoading(true);
    setError(null);
    setErrorCode(null);
    load().then(
      (value) => {
        if (mine !== generation.current) return;
        setData(value);
        setLoading(false);
      },
      (err: unknown) => {
        if (mine !== generation.current) return;
        setError(userMessageOf(err));
        setErrorCode(errorCodeOf(err));
        setLoading(false);
      },
    );
  }, [load]);

  useEffect(run, [run]);
  return { data, loading, error, errorCode, reload: run };
}
