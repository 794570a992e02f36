import { useCallback } from 'react';
import { View, Text, Button } from '@tarojs/components';
import { oversees } from '@shared/domain/permissions';
import { listUnreachable, type UnreachablePerson } from '../../../services/admin.service';
import { useAsync } from '../../../hooks/use-async';
import { useMe } from '../../../hooks/use-me';
import { useNow } from '../../../hooks/use-now';
import { usePullToReload } from '../../../hooks/use-pull-to-reload';
import { useReshow } from '../../../hooks/use-reshow';
import { OversightLinks } from '../../components/oversight-links';
import { formatDateTime } from '../../../utils/time';
import './index.scss';

/** Advice that can be followed: the workbench has the 订阅提醒 button it names. */
export const RESUBSCRIBE_HINT = '请提醒以上老师打开「答复工作台」，点「订阅提醒」补充提醒次数（每订阅一次可收一条）';

/** People grouped by unit, units in the order the server first lists them (latest problem first). */
function byUnit(people: readonly UnreachablePerson[]): { unitName: string; people: UnreachablePerson[] }[] {
  const groups = new Map<string, UnreachablePerson[]>();
  for (const p of people) groups.set(p.unitName, [...(groups.get(p.unitName) ?? []), p]);
  return [...groups].map(([unitName, list]) => ({ unitName, people: list }));
}

function PersonRow({ p, now }: { p: UnreachablePerson; now: number }) {
  return (
    <View className='person'>
      <View className='person__head'>
        <Text className='person__name'>{p.name}</Text>
        <Text className='person__count'>{[p.missed ? `${p.missed} 条未送达` : '', p.viaGroup ? `${p.viaGroup} 条改发群` : ''].filter(Boolean).join(' · ')}</Text>
      </View>
      <Text className='person__reason'>{p.lastReason}</Text>
      <Text className='person__time'>最近一次：{formatDateTime(p.lastAt, now)}</Text>
    </View>
  );
}

/**
 * 提醒送达情况: who missed reminders because no subscription was left — every
 * unit for those who oversee all units, their own units for a unit admin — and
 * what to do about it.
 */
export default function UnreachablePage() {
  const report = useAsync(listUnreachable);
  const me = useMe();
  const now = useNow(60_000);
  const reloadAll = useCallback(() => {
    report.reload();
    me.reload();
  }, [report.reload, me.reload]);
  usePullToReload(reloadAll, report.loading);
  useReshow(reloadAll);
  const people = report.data?.people ?? [];
  const schoolWide = me.data ? oversees(me.data) : false;
  const scope = schoolWide ? '全校各单位' : me.data?.memberships.map((m) => m.unitName).filter(Boolean).join('、') || '你负责的单位';

  return (
    <View className='unreachable'>
      <View className='unreachable__intro'>
        <Text className='unreachable__title'>提醒送达情况</Text>
        {me.data ? <Text className='unreachable__scope'>范围：{scope}</Text> : null}
        <Text className='unreachable__hint'>
          答复提醒通过微信订阅消息发送，每订阅一次只能收到一条。订阅用完的老师收不到提醒，容易错过答复时限。
        </Text>
      </View>

      {byUnit(people).map((g) => (
        <View key={g.unitName} className='unit-block'>
          <Text className='unit-block__name'>{g.unitName}</Text>
          {g.people.map((p) => (
            <PersonRow key={p.key} p={p} now={now} />
          ))}
        </View>
      ))}
      {people.length > 0 ? <Text className='unreachable__resubscribe'>{RESUBSCRIBE_HINT}</Text> : null}

      {report.error ? (
        <View className='unreachable__state'>
          <Text className='unreachable__error'>{report.error}</Text>
          <Button className='btn-ghost' size='mini' onClick={report.reload}>重试</Button>
        </View>
      ) : report.loading && !report.data ? (
        <View className='unreachable__state'><Text className='unreachable__muted'>加载中…</Text></View>
      ) : report.data && people.length === 0 ? (
        <View className='unreachable__state'>
          <Text className='unreachable__muted'>{me.data ? `${scope}的提醒都已送达，没有需要跟进的老师` : '提醒都已送达，没有需要跟进的老师'}</Text>
        </View>
      ) : null}

      {schoolWide ? (
        <OversightLinks show={['escalations', 'performance', 'moderation', 'audit']} roles={me.data?.roles} />
      ) : (
        <OversightLinks show={['people', 'entry']} roles={me.data?.roles} />
      )}
    </View>
  );
}
