import { View, Text, Button } from '@tarojs/components';
import { listUnreachable } from '../../../services/admin.service';
import { useAsync } from '../../../hooks/use-async';
import { useNow } from '../../../hooks/use-now';
import { usePullToReload } from '../../../hooks/use-pull-to-reload';
import { useReshow } from '../../../hooks/use-reshow';
import { formatDateTime } from '../../../utils/time';
import './index.scss';

export const RESUBSCRIBE_HINT = '请提醒以上老师在答复工作台重新订阅提醒';

/** 提醒送达情况: who in my unit missed reminders because no subscription was left. */
export default function UnreachablePage() {
  const report = useAsync(listUnreachable);
  const now = useNow(60_000);
  usePullToReload(report.reload, report.loading);
  useReshow(report.reload);
  const people = report.data?.people ?? [];

  return (
    <View className='unreachable'>
      <View className='unreachable__intro'>
        <Text className='unreachable__title'>提醒送达情况</Text>
        <Text className='unreachable__hint'>
          答复提醒通过微信订阅消息发送，每订阅一次只能收到一条。订阅用完的老师收不到提醒，容易错过答复时限。
        </Text>
      </View>

      {people.map((p) => (
        <View key={p.key} className='person'>
          <View className='person__head'>
            <Text className='person__name'>{p.name}</Text>
            <Text className='person__count'>{[p.missed ? `${p.missed} 条未送达` : '', p.viaGroup ? `${p.viaGroup} 条改发群` : ''].filter(Boolean).join(' · ')}</Text>
          </View>
          <Text className='person__unit'>{p.unitName}</Text>
          <Text className='person__reason'>{p.lastReason}</Text>
          <Text className='person__time'>最近一次：{formatDateTime(p.lastAt, now)}</Text>
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
        <View className='unreachable__state'><Text className='unreachable__muted'>提醒都已送达，没有需要跟进的老师</Text></View>
      ) : null}
    </View>
  );
}
