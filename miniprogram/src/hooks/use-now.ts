import { useEffect, useState } from 'react';
import { nowMs, onClockChange } from '../services/clock';

/** The current instant (the server's, against the local gateway), refreshed every `intervalMs` so countdowns tick. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => nowMs());
  useEffect(() => {
    const tick = () => setNow(nowMs());
    const timer = setInterval(tick, intervalMs);
    const unsubscribe = onClockChange(tick);
    return () => {
      clearInterval(timer);
      unsubscribe();
    };
  }, [intervalMs]);
  return now;
}
