import Taro from '@tarojs/taro';
import { View, Text, Button } from '@tarojs/components';
import { listTopics, type TopicCard } from '../../../services/topic.service';
import { usePagedList } from '../../../hooks/use-paged-list';
import { usePullToReload } from '../../../hooks/use-pull-to-reload';
import { useReshow } from '../../../hooks/use-reshow';
import { useMe } from '../../../hooks/use-me';
import { useCatalog } from '../../../hooks/use-catalog';
import { useNow } from '../../../hooks/use-now';
import { Badge } from '../../../components/status-tag';
import { ListFooter } from '../../../components/list-footer';
import { BoardNav } from '../../components/board-ui';
import { topicUnits, unitsSpokenFor } from '../../../utils/board-access';
import { formatRelative } from '../../../utils/time';
import { routes } from '../../../utils/routes';
import '../../styles/board.scss';

function TopicItem({ t, now }: { t: TopicCard; now: number }) {
  return (
    <View className={`board-card topic-card ${t.pinned ? 'topic-card--pinned' : ''}`} onClick={() => void Taro.navigateTo({ url: routes.topic(t.id) })}>
      <View className='board-card__tags'>
        {t.pinned ? <Badge>置顶</Badge> : null}
        {t.state === 'closed' ? <Badge tone='gray'>已关闭</Badge> : null}
        {t.hidden ? <Badge tone='gray'>已隐藏</Badge> : null}
      </View>
      <Text className='board-card__title breakable'># {t.title} #</Text>
      <Text className='art-card__excerpt breakable'>{t.description}</Text>
      <View className='board-card__foot'>
        <Text className='board-card__unit'>{t.unitName} · {formatRelative(t.createdAt, now)}</Text>
        <Text className='board-card__meta'>{t.postCount} 条发言</Text>
      </View>
    </View>
  );
}

const fetchTopics = (cursor?: string) => listTopics(cursor);

export default function TopicsPage() {
  const list = usePagedList(fetchTopics);
  const me = useMe();
  const catalog = useCatalog();
  const now = useNow();
  usePullToReload(list.reload, list.loading);
  useReshow(list.reload);
  const mayOpen = topicUnits(unitsSpokenFor(me.data, catalog.data)).length > 0;
  return (
    <View className='board'>
      <BoardNav here='topics' />
      <View className='board__intro'>
        <Text className='board__title'>话题墙</Text>
        <Text className='board__hint'>团委开设话题，同学们说说自己的看法；可以匿名发言，评论别人的观点。</Text>
        {mayOpen ? (
          <Button className='btn-primary board__cta' onClick={() => void Taro.navigateTo({ url: routes.newTopic })}>开设话题</Button>
        ) : null}
      </View>
      <View className='board__list'>
        {list.items.map((t) => (
          <TopicItem key={t.id} t={t} now={now} />
        ))}
      </View>
      <ListFooter
        loading={list.loading}
        error={list.error}
        hasMore={list.hasMore}
        empty={list.items.length === 0}
        emptyText='还没有话题，团委开设后会出现在这里'
        onMore={list.loadMore}
        onRetry={list.reload}
      />
    </View>
  );
}
