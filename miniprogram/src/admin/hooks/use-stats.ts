import { useCallback, useState } from 'react';
import { useAsync } from '../../hooks/use-async';
import { nowMs } from '../../services/clock';
import { getStatsOverview, getStatsPeople, getStatsUnits, type StatsOverview, type StatsPeople, type StatsUnits } from '../../services/stats.service';
import { customRangeProblem, presetRange, type DayRangeQuery, type RangePreset } from '../utils/figures';

export interface StatsData {
  overview: StatsOverview;
  units: StatsUnits;
  people: StatsPeople;
}

/**
 * 数据统计 for a range: the overview, the units ranked and the people ranked,
 * asked together (three actions, one round trip each, in parallel).
 */
export function useStats(initial: RangePreset = 'days30') {
  const [preset, setPresetState] = useState<RangePreset>(initial);
  const [query, setQuery] = useState<DayRangeQuery>(() => presetRange(initial === 'custom' ? 'days30' : initial, nowMs()));
  const [draft, setDraft] = useState<Partial<DayRangeQuery>>({});
  const [rangeError, setRangeError] = useState('');

  const load = useCallback(async (): Promise<StatsData> => {
    const [overview, units, people] = await Promise.all([getStatsOverview(query), getStatsUnits(query), getStatsPeople(query)]);
    return { overview, units, people };
  }, [query]);
  const stats = useAsync(load);

  const setPreset = useCallback((p: RangePreset) => {
    setPresetState(p);
    setRangeError('');
    if (p === 'custom') {
      setDraft((d) => (d.from || d.to ? d : { ...query }));
      return;
    }
    setQuery(presetRange(p, nowMs()));
  }, [query]);

  /** 查询: the custom dates, checked here first (the server checks them too). */
  const applyCustom = useCallback(() => {
    const problem = customRangeProblem(draft, nowMs());
    setRangeError(problem);
    if (problem || !draft.from || !draft.to) return;
    setQuery({ from: draft.from, to: draft.to });
  }, [draft]);

  return {
    ...stats,
    preset,
    setPreset,
    query,
    draft,
    setDraft: (patch: Partial<DayRangeQuery>) => setDraft((d) => ({ ...d, ...patch })),
    applyCustom,
    rangeError,
  };
}
