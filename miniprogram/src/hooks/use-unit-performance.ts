import { useCallback, useState } from 'react';
import { getUnitPerformance, type PerformancePeriod } from '../services/admin.service';
import { useAsync } from './use-async';

/** 各单位答复情况 for a chosen period (30 days unless changed). */
export function useUnitPerformance(initial: PerformancePeriod = 30) {
  const [days, setDays] = useState<PerformancePeriod>(initial);
  const load = useCallback(() => getUnitPerformance(days), [days]);
  const report = useAsync(load);
  return { days, setDays, ...report };
}
