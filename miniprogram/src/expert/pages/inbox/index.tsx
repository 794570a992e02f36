import { useCallback, useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { listInbox, type InboxBox } from '../../../services/question.service';
import { usePagedList } from '../../../hooks/use-paged-list';
import { useNow } from '../../../hooks/use-now';
import { useReshow } from '../../../hooks/use-reshow';
import { QuestionCard } from '../../../components/question-card';
import { CountdownTag } from '../../../components/countdown-tag';
import { ListFooter } from '../../../components/list-footer';
import { sortByDeadline } from '../../../utils/deadline';
import { formatRelative } from '../../../utils/time';
import { routes } from '../../../utils/routes';
import './index.scss';

const TABS: { box: InboxBox; label: string }[] = [
  { box: 'pending', label: '待回复' },
  { box: 'answered', label: '已回复' },
];

export default function InboxPage() {
  const [box, setBox] = useState<InboxBox>('pending');
  const fetchPage = useCallback((cursor?: string) => listInbox({ box, cursor }), [box]);
  const list = usePagedList(fetchPage);
  const now = useNow(15_000);
  useReshow(list.reload);

  // Pending work is ordered by urgency of the clock, whatever order pages arrive in.
  const items = useMemo(() => (box === 'pending' ? sortByDeadline(list.items) : list.items), [box, list.items]);

  return (
    <View className='inbox'>
      <View className='inbox__tabs'>
        {TABS.map((t) => (
          <View key={t.box} className={`inbox__tab ${box === t.box ? 'inbox__tab--on' : ''}`} onClick={() => setBox(t.box)}>
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
            onOpen={(id) => Taro.navigateTo({ url: box === 'pending' ? routes.reply(id) : routes.question(id) })}
            aside={
              box === 'pending' ? (
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
          emptyText={box === 'pending' ? '暂无待回复的问题 🎉' : '还没有已回复的问题'}
          onMore={list.loadMore}
          onRetry={list.reload}
        />
      </View>
    </View>
  );
}
