import Taro from '@tarojs/taro';
import { View, Text, Button } from '@tarojs/components';
import { listArticles, type ArticleCard } from '../../../services/article.service';
import { usePagedList } from '../../../hooks/use-paged-list';
import { usePullToReload } from '../../../hooks/use-pull-to-reload';
import { useReshow } from '../../../hooks/use-reshow';
import { useMe } from '../../../hooks/use-me';
import { useNow } from '../../../hooks/use-now';
import { Badge } from '../../../components/status-tag';
import { ListFooter } from '../../../components/list-footer';
import { BoardNav } from '../../components/board-ui';
import { Cover } from '../../components/cover';
import { canSpeakOnBoards } from '../../../utils/board-access';
import { formatDateTime } from '../../../utils/time';
import { routes } from '../../../utils/routes';
import '../../styles/board.scss';

function ArticleItem({ a, now }: { a: ArticleCard; now: number }) {
  return (
    <View className='board-card art-card' onClick={() => void Taro.navigateTo({ url: routes.article(a.id) })}>
      <Cover url={a.coverUrl} unitName={a.unitName} className='art-card__cover' />
      <View className='art-card__body'>
        {a.hidden ? <Badge tone='gray'>已撤下</Badge> : null}
        <Text className='board-card__title breakable'>{a.title}</Text>
        <Text className='art-card__excerpt breakable'>{a.excerpt}</Text>
        <View className='board-card__foot'>
          <Text className='board-card__unit'>{a.unitName}</Text>
          <Text className='board-card__meta'>{formatDateTime(a.publishedAt, now)}</Text>
        </View>
      </View>
    </View>
  );
}

const fetchArticles = (cursor?: string) => listArticles(cursor);

export default function ArticlesPage() {
  const list = usePagedList(fetchArticles);
  const me = useMe();
  const now = useNow();
  usePullToReload(list.reload, list.loading);
  useReshow(list.reload);
  return (
    <View className='board'>
      <BoardNav here='articles' />
      <View className='board__intro'>
        <Text className='board__title'>青年视角</Text>
        <Text className='board__hint'>各级团组织的原创文章：身边的人和事，青年的所思所想。</Text>
        {canSpeakOnBoards(me.data) ? (
          <Button className='btn-primary board__cta' onClick={() => void Taro.navigateTo({ url: routes.newArticle })}>发布文章</Button>
        ) : null}
      </View>
      <View className='board__list board__list--grid'>
        {list.items.map((a) => (
          <ArticleItem key={a.id} a={a} now={now} />
        ))}
      </View>
      <ListFooter
        loading={list.loading}
        error={list.error}
        hasMore={list.hasMore}
        empty={list.items.length === 0}
        emptyText='还没有文章，敬请期待'
        onMore={list.loadMore}
        onRetry={list.reload}
      />
    </View>
  );
}
