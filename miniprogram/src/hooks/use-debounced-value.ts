import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * `value` once it has stopped changing for `delayMs` (typing → one request,
 * not one per keystroke). `flush` takes the current value at once (the
 * keyboard's 搜索 key, a tapped suggestion).
 */
export function useDebouncedValue<T>(value: T, delayMs: number): [T, (next?: T) => void] {
  const [settled, setSettled] = useState(value);
  const latest = useRef(value);
  latest.current = value;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    timer.current = setTimeout(() => setSettled(value), delayMs);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [value, delayMs]);

  const flush = useCallback((next?: T) => {
    if (timer.current) clearTimeout(timer.current);
    setSettled(next === undefined ? latest.current : next);
  }, []);

  return [settled, flush];
}
