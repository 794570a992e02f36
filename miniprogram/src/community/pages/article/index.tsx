import { useCallback, useState } from 'react';
import { View, Text, Button } from '@tarojs/components';
import { getArticle, hideArticle, type ArticleView } from '../../../services/article.service';
import { userMessageOf } from '../../../services/api-error';
import { useAsync } from '../../../hooks/use-async';
import { useEntryParams } from '../../../hooks/use-entry-params';
import { useMe } from '../../../hooks/use-me';
import { useNow } from '../../../hooks/use-now';
import { useRequestIds } from '../../../hooks/use-request-ids';
import { usePullToReload } from '../../../hooks/use-pull-to-reload';
import { Badge } from '../../../components/status-tag';
import { StateView } from '../../../components/state-view';
import { LoadFailure, ReasonPrompt } from '../../components/board-ui';
import { Cover } from '../../components/cover';
import { LikeTargetButton } from '../../../components/like-button';
import { useLikedSet } from '../../../hooks/use-likes';
import { canHideArticles } from '../../../utils/board-access';
import { formatDateTime } from '../../../utils/time';
import { routes } from '../../../utils/routes';
import '../../styles/board.scss';

/** 撤下 / 恢复 for moderators (the coordinator, the school admin), with the reason for the audit log. */
function Moderate({ article, onDone }: { article: ArticleView['article']; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = useRequestIds();
  const hide = !article.hidden;
  const confirm = async (reason: string) => {
    setBusy(true);
    setError(null);
    try {
      await hideArticle(article.id, hide, reason, ids.idFor([article.id, hide, reason]));
      ids.settled();
      setOpen(false);
      onDone();
    } catch (err) {
      setError(userMessageOf(err));
    } finally {
      setBusy(false);
    }
  };
  if (!open) {
    return (
      <View className='board-card'>
        <Text className='board__hint'>{hide ? '内容管理：撤下后同学们不再看到这篇文章，理由记入操作日志。' : '这篇文章已撤下，同学们看不到。'}</Text>
        <Button className='btn-ghost' onClick={() => setOpen(true)}>{hide ? '撤下文章' : '恢复文章'}</Button>
      </View>
    );
  }
  return (
    <View className='board-card'>
      <ReasonPrompt title={hide ? '撤下这篇文章' : '恢复这篇文章'} confirmLabel={hide ? '确认撤下' : '确认恢复'} busy={busy} error={error} onConfirm={(r) => void confirm(r)} onCancel={() => setOpen(false)} />
    </View>
  );
}

/** 点赞 the article (the viewer's own like read with like.mine). */
function ArticleLike({ id, likeCount }: { id: string; likeCount: number }) {
  const liked = useLikedSet('article', [id]);
  return <LikeTargetButton key={liked.has(id) ? 'liked' : 'not'} targetType='article' targetId={id} liked={liked.has(id)} likeCount={likeCount} />;
}

export default function ArticlePage() {
  const { id = '' } = useEntryParams();
  const load = useCallback(() => getArticle(id), [id]);
  const state = useAsync(load);
  const me = useMe();
  const now = useNow();
  usePullToReload(state.reload, state.loading);

  if (!state.data) {
    return (
      <View className='board'>
        {state.error ? (
          <LoadFailure error={state.error} code={state.errorCode} purpose='这篇文章' onRetry={state.reload} backLabel='看看其他文章' backUrl={routes.articles} />
        ) : (
          <StateView kind='loading' title='加载中…' />
        )}
      </View>
    );
  }
  const a = state.data.article;
  return (
    <View className='board board--article'>
      <View className='article'>
        <Cover url={a.coverUrl} unitName={a.unitName} className='article__cover' />
        <View className='article__inner'>
          {a.hidden ? <Badge tone='gray'>已撤下</Badge> : null}
          <Text className='article__title breakable'>{a.title}</Text>
          <Text className='article__meta'>{a.unitName} · {a.authorName} · {formatDateTime(a.publishedAt, now)}</Text>
          {a.body.split(/\n+/).map((para, i) => (
            <Text key={i} className='article__para breakable' selectable>{para}</Text>
          ))}
          {a.hidden ? null : (
            <View className='article__like'>
              <ArticleLike id={a.id} likeCount={a.likeCount} />
            </View>
          )}
        </View>
      </View>
      {canHideArticles(me.data) ? <Moderate article={a} onDone={state.reload} /> : null}
    </View>
  );
}
