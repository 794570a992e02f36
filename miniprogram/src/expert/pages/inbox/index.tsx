import { useCallback, useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { listInbox, listWaitingInbox } from '../../../services/question.service';
import { usePagedList } from '../../../hooks/use-paged-list';
import { useNow } from '../../../hooks/use-now';
import { usePullToReload } from '../../../hooks/use-pull-to-reload';
import { useReshow } from '../../../hooks/use-reshow';
import { QuestionCard } from '../../../components/question-card';
import { CountdownTag } from '../../../components/countdown-tag';
import { ListFooter } from '../../../components/list-footer';
import { sortByDeadline } from '../../../utils/deadline';
import { formatRelative } from '../../../utils/time';
import { routes } from '../../../utils/routes';
import './index.scss';

type Tab = 'waiting' | 'handling' | 'answered';

/** 待回复 gathers the server's overdue, due-soon and pending boxes; the clock orders them. */
const TABS: { tab: Tab; label: string }[] = [
  { tab: 'waiting', label: '待回复' },
  { tab: 'handling', label: '办理中' },
  { tab: 'answered', label: '已回复' },
];

const EMPTY_TEXT: Record<Tab, string> = {
  waiting: '暂无待回复的问题 🎉',
  handling: '没有办理中的问题',
  answered: '还没有已回复的问题',
};

export default function InboxPage() {
  const [tab, setTab] = useState<Tab>('waiting');
  const fetchPage = useCallback(
    (cursor?: string) => (tab === 'waiting' ? listWaitingInbox(cursor) : listInbox({ box: tab, cursor })),
    [tab],
  );
  const list = usePagedList(fetchPage);
  const now = useNow(15_000);
  usePullToReload(list.reload, list.loading);
  useReshow(list.reload);

  // Pending work is ordered by urgency of the clock, whatever order pages arrive in.
  const items = useMemo(() => (tab === 'waiting' ? sortByDeadline(list.items) : list.items), [tab, list.items]);

  return (
    <View className='inbox'>
      <View className='inbox__tabs'>
        {TABS.map((t) => (
          <View key={t.tab} className={`inbox__tab ${tab === t.tab ? 'inbox__tab--on' : ''}`} onClick={() => setTab(t.tab)}>
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
      <View className='inbox__list'>
        {items.map((q) => (
          <QuestionCard
            key={q.id}
            question={q}
            now={now}
            onOpen={(id) => Taro.navigateTo({ url: tab === 'answered' ? routes.question(id) : routes.reply(id) })}
            aside={
              tab === 'waiting' ? (
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
          empty={items.length === 0}
          emptyText={EMPTY_TEXT[tab]}
          onMore={list.loadMore}
          onRetry={list.reload}
        />
      </View>
    </View>
  );
}
