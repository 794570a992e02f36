import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { countInbox, listInbox, type InboxBox, type InboxCounts } from '../../../services/question.service';
import { usePagedList } from '../../../hooks/use-paged-list';
import { useNow } from '../../../hooks/use-now';
import { usePullToReload } from '../../../hooks/use-pull-to-reload';
import { useReshow } from '../../../hooks/use-reshow';
import { QuestionCard } from '../../../components/question-card';
import { CountdownTag } from '../../../components/countdown-tag';
import { ListFooter } from '../../../components/list-footer';
import { ReminderSubscription } from '../../components/reminder-subscription';
import { formatRelative } from '../../../utils/time';
import { routes } from '../../../utils/routes';
import './index.scss';

/** One tab per server box, in the order a responder works them. */
export const INBOX_TABS: { box: InboxBox; label: string; hint: string; empty: string }[] = [
  { box: 'pending', label: '待回复', hint: '所有还没答复的问题：紧急的在最前，其余按答复时限先后', empty: '暂无待回复的问题' },
  { box: 'dueSoon', label: '即将超时', hint: '4 小时内到期、还没答复的问题', empty: '没有 4 小时内到期的问题' },
  { box: 'overdue', label: '已超时', hint: '已过答复时限仍未答复，请尽快答复', empty: '没有超时未答的问题' },
  { box: 'handling', label: '办理中', hint: '已答复、正在线下办理的问题', empty: '没有办理中的问题' },
  { box: 'answered', label: '已回复', hint: '最近答复过的问题', empty: '还没有已回复的问题' },
];

/** Boxes whose questions are still on the 24-hour clock. */
const ON_THE_CLOCK = new Set<InboxBox>(['pending', 'dueSoon', 'overdue']);

/** 答复工作台: opens on 待回复, everything still owed a reply, urgent first (the server's order). */
export default function InboxPage() {
  const [box, setBox] = useState<InboxBox>('pending');
  const fetchPage = useCallback((cursor?: string) => listInbox({ box, cursor }), [box]);
  const list = usePagedList(fetchPage);
  const now = useNow(15_000);
  const [counts, setCounts] = useState<InboxCounts | null>(null);
  const reloadCounts = useCallback(() => {
    // The numbers are a convenience: a failure leaves the tabs without them.
    countInbox().then(setCounts, () => setCounts(null));
  }, []);
  useEffect(reloadCounts, [reloadCounts]);
  const reloadAll = useCallback(() => {
    list.reload();
    reloadCounts();
  }, [list.reload, reloadCounts]);
  usePullToReload(reloadAll, list.loading);
  useReshow(reloadAll);
  const current = INBOX_TABS.find((t) => t.box === box) ?? INBOX_TABS[0]!;

  return (
    <View className='inbox'>
      <View className='inbox__tabs'>
        {INBOX_TABS.map((t) => {
          const count = counts && t.box !== 'answered' ? counts[t.box] : 0;
          return (
            <View key={t.box} className={`inbox__tab inbox__tab--${t.box} ${box === t.box ? 'inbox__tab--on' : ''}`} onClick={() => setBox(t.box)}>
              <View className='inbox__tab-label'>
                <Text>{t.label}</Text>
                {count > 0 ? <Text className='inbox__count'>{count > 99 ? '99+' : count}</Text> : null}
              </View>
            </View>
          );
        })}
      </View>
      <ReminderSubscription />
      <Text className='inbox__hint'>{current.hint}</Text>
      <View className='inbox__list'>
        {list.items.map((q) => (
          <QuestionCard
            key={q.id}
            question={q}
            now={now}
            forHandlers
            onOpen={(id) => Taro.navigateTo({ url: box === 'answered' ? routes.question(id) : routes.reply(id) })}
            aside={
              ON_THE_CLOCK.has(box) ? (
                <CountdownTag deadlineAt={q.deadlineAt} answeredAt={q.answeredAt} now={now} />
              ) : (
                <Text className='inbox__time'>答复于 {formatRelative(q.answeredAt ?? q.createdAt, now)}</Text>
              )
            }
          />
        ))}
        <ListFooter
          loading={list.loading}
          error={list.error}
          hasMore={list.hasMore}
          empty={list.items.length === 0}
          emptyText={current.empty}
          onMore={list.loadMore}
          onRetry={list.reload}
        />
      </View>
    </View>
  );
}
