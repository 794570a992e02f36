import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { SearchHit } from '@shared/contracts/search.contract';
import { listPublicQuestions, searchQuestions } from '../../../services/question.service';
import { usePagedList } from '../../../hooks/use-paged-list';
import { useEntryParams } from '../../../hooks/use-entry-params';
import { useNow } from '../../../hooks/use-now';
import { usePullToReload } from '../../../hooks/use-pull-to-reload';
import { QuestionCard } from '../../../components/question-card';
import { ListFooter } from '../../../components/list-footer';
import { Badge } from '../../../components/status-tag';
import { formatRelative } from '../../../utils/time';
import { safeDecode } from '../../../utils/entry-params';
import { routes } from '../../../utils/routes';
import '../../styles/board.scss';

const openQuestion = (id: string) => void Taro.navigateTo({ url: routes.question(id) });

/** A keyword's questions (search.questions): answered public questions, and FAQ entries read in place. */
function ByWord({ query }: { query: string }) {
  const fetchPage = useCallback((cursor?: string) => searchQuestions(query, cursor), [query]);
  const list = usePagedList<SearchHit>(fetchPage, hitKey);
  const now = useNow();
  usePullToReload(list.reload, list.loading);
  return (
    <>
      {list.items.map((h) => (
        <View key={hitKey(h)} className='board-card' onClick={h.kind === 'question' ? () => openQuestion(h.id) : undefined}>
          <View className='board-card__tags'>
            {h.kind === 'faq' ? <Badge>常见问题</Badge> : null}
            {h.categoryName ? <Badge tone='blue'>{h.categoryName}</Badge> : null}
          </View>
          <Text className='board-card__title breakable'>{h.title}</Text>
          {h.answerExcerpt || h.excerpt ? <Text className='board-card__line breakable'>{h.answerExcerpt ?? h.excerpt}</Text> : null}
          <View className='board-card__foot'>
            <Text className='board-card__unit'>{h.unitName ? `${h.unitName} 答复` : '常见问题'}</Text>
            <Text className='board-card__meta'>{formatRelative(h.at, now)}</Text>
          </View>
        </View>
      ))}
      <ListFooter loading={list.loading} error={list.error} hasMore={list.hasMore} empty={list.items.length === 0} emptyText='暂时没有相关的已答复问题' onMore={list.loadMore} onRetry={list.reload} />
    </>
  );
}

function hitKey(h: SearchHit): string {
  return `${h.kind}:${h.id}`;
}

/** A category's questions: the public feed filtered by it. */
function ByCategory({ categoryId }: { categoryId: string }) {
  const fetchPage = useCallback((cursor?: string) => listPublicQuestions({ categoryId, cursor }), [categoryId]);
  const list = usePagedList(fetchPage);
  const now = useNow();
  usePullToReload(list.reload, list.loading);
  return (
    <>
      {list.items.map((q) => (
        <QuestionCard key={q.id} question={q} now={now} onOpen={openQuestion} />
      ))}
      <ListFooter loading={list.loading} error={list.error} hasMore={list.hasMore} empty={list.items.length === 0} emptyText='这个分类下暂时没有公开的问题' onMore={list.loadMore} onRetry={list.reload} />
    </>
  );
}

/** A hot tag opened: its questions, by word or by category. */
export default function TagPage() {
  const params = useEntryParams();
  // The web build hands the query over still percent-encoded (a mini-program decodes it): decode both words.
  const label = params.label ? safeDecode(params.label) : '';
  const q = params.q ? safeDecode(params.q) : undefined;
  const category = params.category;
  return (
    <View className='board'>
      <View className='board__intro'>
        <Text className='board__title'># {label || q || '相关问题'}</Text>
        <Text className='board__hint'>{q ? `包含「${q}」的已答复问题` : '这个分类下已答复的公开问题'}</Text>
      </View>
      <View className='board__list'>
        {q ? <ByWord query={q} /> : category ? <ByCategory categoryId={category} /> : <Text className='board__hint board__intro'>没有指定标签，请从热点标签进入</Text>}
      </View>
    </View>
  );
}
