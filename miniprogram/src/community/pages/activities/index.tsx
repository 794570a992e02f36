import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Button } from '@tarojs/components';
import { listActivities } from '../../../services/activity.service';
import type { ActivityPage } from '../../../services/activity.service';
import { usePagedList } from '../../../hooks/use-paged-list';
import { usePullToReload } from '../../../hooks/use-pull-to-reload';
import { useReshow } from '../../../hooks/use-reshow';
import { useMe } from '../../../hooks/use-me';
import { useNow } from '../../../hooks/use-now';
import { Badge } from '../../../components/status-tag';
import { ListFooter } from '../../../components/list-footer';
import { BoardNav } from '../../components/board-ui';
import { canSpeakOnBoards } from '../../../utils/board-access';
import { formatSpan } from '../../../utils/datetime-input';
import { routes } from '../../../utils/routes';
import '../../styles/board.scss';

type Item = ActivityPage['items'][number];

/** "余 12 个名额", "已满 · 候补 3 人". */
export function seatsLabel(a: Pick<Item, 'capacity' | 'signedUp' | 'waiting'>): string {
  const left = a.capacity - a.signedUp;
  if (left > 0) return `余 ${left} 个名额（共 ${a.capacity}）`;
  return a.waiting > 0 ? `名额已满 · 候补 ${a.waiting} 人` : '名额已满 · 可候补';
}

function ActivityCard({ a, now, past }: { a: Item; now: number; past: boolean }) {
  return (
    <View className='board-card act-card' onClick={() => void Taro.navigateTo({ url: routes.activity(a.id) })}>
      <View className='board-card__tags'>
        {a.fromQuestions ? <Badge tone='blue'>来自同学提问</Badge> : null}
        {past ? <Badge tone='gray'>已结束</Badge> : now >= a.signUpDeadline ? <Badge tone='gray'>报名已截止</Badge> : null}
      </View>
      <Text className='board-card__title breakable'>{a.title}</Text>
      <Text className='board-card__line'>时间：{formatSpan(a.startAt, a.endAt, now)}</Text>
      <Text className='board-card__line breakable'>地点：{a.place}</Text>
      <View className='board-card__foot'>
        <Text className='board-card__unit'>{a.unitName}</Text>
        {past ? <Text className='board-card__meta'>{a.signedUp} 人报名</Text> : <Text className={`board-card__meta ${a.signedUp >= a.capacity ? 'board-card__meta--warn' : ''}`}>{seatsLabel(a)}</Text>}
      </View>
    </View>
  );
}

export default function ActivitiesPage() {
  const [when, setWhen] = useState<'upcoming' | 'past'>('upcoming');
  const fetchPage = useCallback((cursor?: string) => listActivities(when, cursor), [when]);
  const list = usePagedList(fetchPage);
  const me = useMe();
  const now = useNow();
  usePullToReload(list.reload, list.loading);
  useReshow(list.reload);

  return (
    <View className='board'>
      <BoardNav here='activities' />
      <View className='board__intro'>
        <Text className='board__title'>活动公告</Text>
        <Text className='board__hint'>线上诉求延伸到线下：讲座、交流会、志愿服务……报名后凭签到码签到。</Text>
        {canSpeakOnBoards(me.data) ? (
          <Button className='btn-primary board__cta' onClick={() => void Taro.navigateTo({ url: routes.newActivity() })}>发起活动</Button>
        ) : null}
      </View>
      <View className='board-tabs'>
        <Text className={`board-tabs__item ${when === 'upcoming' ? 'board-tabs__item--on' : ''}`} onClick={() => setWhen('upcoming')}>即将开始</Text>
        <Text className={`board-tabs__item ${when === 'past' ? 'board-tabs__item--on' : ''}`} onClick={() => setWhen('past')}>已结束</Text>
      </View>
      <View className='board__list'>
        {list.items.map((a) => (
          <ActivityCard key={a.id} a={a} now={now} past={when === 'past'} />
        ))}
      </View>
      <ListFooter
        loading={list.loading}
        error={list.error}
        hasMore={list.hasMore}
        empty={list.items.length === 0}
        emptyText={when === 'upcoming' ? '近期还没有活动，过几天再来看看' : '还没有已结束的活动'}
        onMore={list.loadMore}
        onRetry={list.reload}
      />
    </View>
  );
}
