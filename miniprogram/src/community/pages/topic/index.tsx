import { useState } from 'react';
import { View, Text, Button, Textarea, Switch, Input } from '@tarojs/components';
import { useEntryParams } from '../../../hooks/use-entry-params';
import { useNow } from '../../../hooks/use-now';
import { usePullToReload } from '../../../hooks/use-pull-to-reload';
import { COMMENT_LIMITS, TAKE_LIMITS, checkText, useTopic } from '../../../hooks/use-topic';
import type { TopicReply, TopicTake } from '../../../services/topic.service';
import { Badge, ModerationBadge } from '../../../components/status-tag';
import { CharCounter } from '../../../components/char-counter';
import { StateView } from '../../../components/state-view';
import { ListFooter } from '../../../components/list-footer';
import { LoadFailure, ReasonPrompt } from '../../components/board-ui';
import { LikeTargetButton } from '../../../components/like-button';
import { useLikedSet } from '../../../hooks/use-likes';
import { formatRelative } from '../../../utils/time';
import { nativeMaxLength } from '../../../utils/text-limits';
import { routes } from '../../../utils/routes';
import '../../styles/board.scss';

type Topic = ReturnType<typeof useTopic>;
type HideTarget = { postId: string; commentId?: string; hidden: boolean; label: string };

const ANONYMOUS_HINT = '其他同学和管理老师都只看到「匿名同学」';

function Composer({ t, onSent }: { t: Topic; onSent?: () => void }) {
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [invalid, setInvalid] = useState<string | null>(null);
  const send = async () => {
    const problem = checkText(text, TAKE_LIMITS.min, TAKE_LIMITS.max, '发言');
    setInvalid(problem);
    if (problem) return;
    if (await t.post(text, anonymous)) {
      setText('');
      onSent?.();
    }
  };
  return (
    <View className='board-card composer'>
      <View className='field__label-row'>
        <Text className='field__label'>说说你的看法</Text>
        <CharCounter text={text} max={TAKE_LIMITS.max} />
      </View>
      <View className='board-textarea-box'>
        <Textarea className='board-textarea' placeholder='友善发言，就事论事' maxlength={nativeMaxLength(TAKE_LIMITS.max)} value={text} onInput={(e) => setText(e.detail.value)} />
      </View>
      {invalid ? <Text className='board-error'>{invalid}</Text> : null}
      <View className='composer__row'>
        <View className='composer__anon'>
          <Text className='composer__anon-title'>匿名发言</Text>
          <Text className='composer__anon-hint'>{ANONYMOUS_HINT}</Text>
        </View>
        <Switch color='#C8161D' checked={anonymous} onChange={(e) => setAnonymous(e.detail.value)} />
      </View>
      <Button className='btn-primary' disabled={t.busy || undefined} onClick={() => void send()}>{t.busy ? '发送中…' : '发表'}</Button>
    </View>
  );
}

function CommentBox({ t, postId, onDone }: { t: Topic; postId: string; onDone: () => void }) {
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [invalid, setInvalid] = useState<string | null>(null);
  const send = async () => {
    const problem = checkText(text, COMMENT_LIMITS.min, COMMENT_LIMITS.max, '评论');
    setInvalid(problem);
    if (problem) return;
    if (await t.comment(postId, text, anonymous)) onDone();
  };
  return (
    <View className='take__reply'>
      <Input className='board-input' placeholder='写评论…' maxlength={nativeMaxLength(COMMENT_LIMITS.max)} value={text} onInput={(e) => setText(e.detail.value)} />
      {invalid ? <Text className='board-error'>{invalid}</Text> : null}
      <View className='take__reply-row'>
        <View className='take__reply-anon'>
          <Switch color='#C8161D' checked={anonymous} onChange={(e) => setAnonymous(e.detail.value)} />
          <Text className='composer__anon-hint'>匿名</Text>
        </View>
        <Text className='take__link' onClick={onDone}>取消</Text>
        <Button className='btn-primary take__send' size='mini' disabled={t.busy || undefined} onClick={() => void send()}>评论</Button>
      </View>
    </View>
  );
}

/** 匿名同学 for an anonymous author, to everyone: their own shows as the others see it, marked （我）. */
function Author({ name, anonymous, mine }: { name: string; anonymous: boolean; mine: boolean }) {
  return (
    <Text className='take__author'>
      {anonymous ? '匿名同学' : name}
      {mine ? '（我）' : ''}
    </Text>
  );
}

function Comment({ c, now, canManage, onHide }: { c: TopicReply; now: number; canManage: boolean; onHide: () => void }) {
  return (
    <View className='take__comment'>
      <View className='take__comment-head'>
        <Author name={c.authorName} anonymous={c.anonymous} mine={c.mine} />
        <Text className='take__time'>{formatRelative(c.createdAt, now)}</Text>
        <ModerationBadge state={c.moderation} />
        {canManage && c.moderation === 'published' ? <Text className='take__link' onClick={onHide}>隐藏</Text> : null}
      </View>
      <Text className='take__comment-text breakable'>{c.content}</Text>
    </View>
  );
}

function Take({ p, t, now, open, canManage, liked, onHide }: { p: TopicTake; t: Topic; now: number; open: boolean; canManage: boolean; liked: boolean; onHide: (target: HideTarget) => void }) {
  const [replying, setReplying] = useState(false);
  return (
    <View className='board-card take'>
      <View className='take__head'>
        <Author name={p.authorName} anonymous={p.anonymous} mine={p.mine} />
        <Text className='take__time'>{formatRelative(p.createdAt, now)}</Text>
        <ModerationBadge state={p.moderation} />
      </View>
      <Text className='take__text breakable' selectable>{p.content}</Text>
      {p.moderation === 'review' && p.mine ? <Text className='take__held'>这条发言正在审核，目前只有你和话题管理老师能看到。</Text> : null}
      <View className='take__actions'>
        {p.moderation === 'published' && !p.mine ? <LikeTargetButton targetType='topicPost' targetId={p.id} liked={liked} likeCount={p.likeCount} /> : <Text className='take__meta'>赞 {p.likeCount}</Text>}
        <Text className='take__meta'>评论 {p.commentCount}</Text>
        {open && p.moderation === 'published' && !replying ? <Text className='take__link' onClick={() => setReplying(true)}>评论</Text> : null}
        {canManage && p.moderation !== 'hidden' ? (
          <>
            {p.moderation === 'review' ? <Text className='take__link take__link--ok' onClick={() => onHide({ postId: p.id, hidden: false, label: '公开这条发言' })}>通过并公开</Text> : null}
            <Text className='take__link' onClick={() => onHide({ postId: p.id, hidden: true, label: '隐藏这条发言' })}>隐藏</Text>
          </>
        ) : null}
      </View>
      {p.comments.length > 0 ? (
        <View className='take__comments'>
          {p.comments.map((c) => (
            <Comment key={c.id} c={c} now={now} canManage={canManage} onHide={() => onHide({ postId: p.id, commentId: c.id, hidden: true, label: '隐藏这条评论' })} />
          ))}
        </View>
      ) : null}
      {replying ? <CommentBox t={t} postId={p.id} onDone={() => setReplying(false)} /> : null}
    </View>
  );
}

/** The committee's controls: pin, close, and the queue of held takes. */
function Manage({ t }: { t: Topic }) {
  const topic = t.topic.data?.topic;
  if (!topic) return null;
  return (
    <View className='board-card manage'>
      <Text className='act__org-title'>话题管理</Text>
      <View className='manage__row'>
        <Button className='btn-ghost manage__btn' disabled={t.busy || undefined} onClick={() => void t.pin(!topic.pinned)}>{topic.pinned ? '取消置顶' : '置顶'}</Button>
        <Button className='btn-ghost manage__btn' disabled={t.busy || undefined} onClick={() => void t.close(topic.state === 'open')}>{topic.state === 'open' ? '关闭话题' : '重新开放'}</Button>
      </View>
    </View>
  );
}

export default function TopicPage() {
  const { id = '' } = useEntryParams();
  const t = useTopic(id);
  const now = useNow();
  const [hiding, setHiding] = useState<HideTarget | null>(null);
  const liked = useLikedSet('topicPost', t.takes.items.map((p) => p.id));
  usePullToReload(() => {
    t.topic.reload();
    t.takes.reload();
  }, t.topic.loading || t.takes.loading);

  if (!t.topic.data) {
    return (
      <View className='board'>
        {t.topic.error ? (
          <LoadFailure error={t.topic.error} code={t.topic.errorCode} purpose='这个话题' onRetry={t.topic.reload} backLabel='返回话题墙' backUrl={routes.topics} />
        ) : (
          <StateView kind='loading' title='加载中…' />
        )}
      </View>
    );
  }
  const { topic, canManage } = t.topic.data;
  const open = topic.state === 'open';
  const confirmHide = async (reason: string) => {
    if (!hiding) return;
    if (await t.hide({ postId: hiding.postId, ...(hiding.commentId ? { commentId: hiding.commentId } : {}) }, hiding.hidden, reason)) setHiding(null);
  };

  return (
    <View className='board board--detail'>
      <View className='board__main'>
        <View className='board-card topic-head'>
          <View className='board-card__tags'>
            {topic.pinned ? <Badge>置顶</Badge> : null}
            {open ? <Badge tone='blue'>进行中</Badge> : <Badge tone='gray'>已关闭</Badge>}
          </View>
          <Text className='act__title breakable'># {topic.title} #</Text>
          <Text className='act__body breakable'>{topic.description}</Text>
          <Text className='act__by'>{topic.unitName} 开设 · {topic.postCount} 条发言</Text>
        </View>

        {t.note ? <Text className='act__note act__note--block'>{t.note}</Text> : null}
        {t.error && !hiding ? <Text className='board-error board-error--block'>{t.error}</Text> : null}

        {canManage ? (
          <View className='board-tabs'>
            <Text className={`board-tabs__item ${!t.held ? 'board-tabs__item--on' : ''}`} onClick={() => t.setHeld(false)}>全部发言</Text>
            <Text className={`board-tabs__item ${t.held ? 'board-tabs__item--on' : ''}`} onClick={() => t.setHeld(true)}>待审核</Text>
          </View>
        ) : null}

        {hiding ? (
          <View className='board-card'>
            <ReasonPrompt title={hiding.label} confirmLabel={hiding.hidden ? '确认隐藏' : '确认公开'} busy={t.busy} error={t.error} onConfirm={(r) => void confirmHide(r)} onCancel={() => setHiding(null)} />
          </View>
        ) : null}

        {t.takes.items.map((p) => (
          <Take key={p.id} p={p} t={t} now={now} open={open} canManage={canManage} liked={liked.has(p.id)} onHide={setHiding} />
        ))}
        <ListFooter
          loading={t.takes.loading}
          error={t.takes.error}
          hasMore={t.takes.hasMore}
          empty={t.takes.items.length === 0}
          emptyText={t.held ? '没有待审核的发言' : open ? '还没有人发言，来说第一句吧' : '这个话题没有发言'}
          onMore={t.takes.loadMore}
          onRetry={t.takes.reload}
        />
      </View>

      <View className='board__side'>
        {open ? <Composer t={t} /> : (
          <View className='board-card'>
            <Text className='act__closed'>话题已关闭，不能再发言和评论</Text>
          </View>
        )}
        {canManage ? <Manage t={t} /> : null}
      </View>
    </View>
  );
}
