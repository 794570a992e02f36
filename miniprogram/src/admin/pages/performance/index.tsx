import { View, Text, Button } from '@tarojs/components';
import type { UnitPerformance } from '@shared/contracts/escalation.contract';
import { PERFORMANCE_PERIODS } from '../../../services/admin.service';
import { useUnitPerformance } from '../../../hooks/use-unit-performance';
import { useMe } from '../../../hooks/use-me';
import { usePullToReload } from '../../../hooks/use-pull-to-reload';
import { useReshow } from '../../../hooks/use-reshow';
import { OversightLinks } from '../../components/oversight-links';
import { formatDateTime } from '../../../utils/time';
import './index.scss';

/** Of the questions whose deadline has come, the share answered in time ("—" when none has). */
export function onTimeRate(u: Pick<UnitPerformance, 'answeredOnTime' | 'answeredLate' | 'overdueNow'>): string {
  const due = u.answeredOnTime + u.answeredLate + u.overdueNow;
  return due === 0 ? '—' : `${Math.round((u.answeredOnTime / due) * 100)}%`;
}

const FIGURES: { key: keyof Omit<UnitPerformance, 'unitId' | 'unitName'>; label: string; bad?: boolean }[] = [
  { key: 'received', label: '收到' },
  { key: 'answeredOnTime', label: '按时答复' },
  { key: 'answeredLate', label: '超时答复', bad: true },
  { key: 'waiting', label: '待答复' },
  { key: 'overdueNow', label: '当前超时', bad: true },
  { key: 'missed', label: '错过时限', bad: true },
];

function totals(units: readonly UnitPerformance[]) {
  const sum = (k: keyof Omit<UnitPerformance, 'unitId' | 'unitName'>) => units.reduce((n, u) => n + u[k], 0);
  return { received: sum('received'), answeredOnTime: sum('answeredOnTime'), answeredLate: sum('answeredLate'), overdueNow: sum('overdueNow'), missed: sum('missed') };
}

function UnitRow({ u }: { u: UnitPerformance }) {
  const troubled = u.overdueNow > 0 || u.missed > 0;
  return (
    <View className={`perf-unit ${troubled ? 'perf-unit--troubled' : ''}`}>
      <View className='perf-unit__head'>
        <Text className='perf-unit__name'>{u.unitName}</Text>
        <Text className='perf-unit__rate'>按时率 {onTimeRate(u)}</Text>
      </View>
      <View className='perf-unit__grid'>
        {FIGURES.map((f) => (
          <View key={f.key} className={`perf-fig ${f.bad && u[f.key] > 0 ? 'perf-fig--bad' : ''}`}>
            <Text className='perf-fig__num'>{u[f.key]}</Text>
            <Text className='perf-fig__label'>{f.label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/**
 * 各单位答复情况 (督办): how every answering unit kept the 24-hour promise over
 * the last 7, 30 or 90 days, worst first (the server's order).
 */
export default function PerformancePage() {
  const perf = useUnitPerformance(30);
  // Only to know which of 内容审核 / 操作日志 to link to.
  const me = useMe();
  usePullToReload(perf.reload, perf.loading);
  useReshow(perf.reload);
  const units = perf.data?.units ?? [];
  const all = totals(units);

  return (
    <View className='perf'>
      <View className='perf__intro'>
        <Text className='perf__title'>各单位答复情况</Text>
        <View className='perf__periods'>
          {PERFORMANCE_PERIODS.map((d) => (
            <Text key={d} className={`perf__period ${perf.days === d ? 'perf__period--on' : ''}`} onClick={() => perf.setDays(d)}>
              近{d}天
            </Text>
          ))}
        </View>
        {perf.data ? (
          <Text className='perf__summary'>
            {formatDateTime(perf.data.from, perf.data.to)} 至今：全校收到 {all.received} 个问题，按时答复 {all.answeredOnTime}，超时答复 {all.answeredLate}，当前超时 {all.overdueNow}，按时率 {onTimeRate(all)}
          </Text>
        ) : null}
      </View>

      {perf.error ? (
        <View className='perf__state'>
          <Text className='perf__error'>{perf.error}</Text>
          <Button className='btn-ghost' size='mini' onClick={perf.reload}>重试</Button>
        </View>
      ) : perf.loading && !perf.data ? (
        <View className='perf__state'><Text className='perf__muted'>加载中…</Text></View>
      ) : (
        <View className='perf__units'>
          {units.map((u) => (
            <UnitRow key={u.unitId} u={u} />
          ))}
        </View>
      )}

      {perf.data ? (
        <Text className='perf__legend'>
          按时率：到期的问题中按时答复的比例。错过时限：在本单位手上超过答复时限的次数，转办后仍记在本单位。当前超时的问题可在「超时督办」中催办。
        </Text>
      ) : null}
      <OversightLinks show={['stats', 'reports', 'escalations', 'unreachable', 'moderation', 'audit']} roles={me.data?.roles} />
    </View>
  );
}
