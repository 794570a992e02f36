import { useCallback, useState } from 'react';
import { COMMENT_MAX, POST_MAX } from '@shared/contracts/topic.contract';
import { charCount } from './use-char-count';
import { useAsync } from './use-async';
import { usePagedList } from './use-paged-list';
import { useRequestIds } from './use-request-ids';
import { closeTopic, commentOnTake, getTopic, hideTopicContent, listTakes, pinTopic, postTake, type TopicTake, type TopicView } from '../services/topic.service';
import { userMessageOf } from '../services/api-error';

/** What the author is told after posting: public at once, or held for a look. */
export function postedNote(moderation: 'published' | 'review' | 'hidden', what: '发言' | '评论'): string {
  return moderation === 'published' ? `${what}已发布` : `${what}已提交，需经审核后公开（你自己可以看到）`;
}

/** Checks a take or a comment as the server will, in words a student understands. */
export function checkText(text: string, min: number, max: number, what: '发言' | '评论'): string | null {
  const c = charCount(text, max);
  if (c.used < min) return min <= 1 ? `请先写下你的${what}` : `${what}至少 ${min} 个字`;
  if (c.over) return `${what}最多 ${max} 个字`;
  return null;
}

/**
 * 话题页: the topic, its takes (paged; the held ones for its managers), and the
 * steps: post a take, comment, and for the managers pin, close, hide, publish.
 */
export function useTopic(id: string) {
  const loadTopic = useCallback(() => getTopic(id), [id]);
  const topic = useAsync<TopicView>(loadTopic);
  const [held, setHeld] = useState(false);
  const fetchTakes = useCallback((cursor?: string) => listTakes(id, held, cursor), [id, held]);
  const takes = usePagedList<TopicTake>(fetchTakes);
  const ids = useRequestIds();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const step = useCallback(
    async (what: unknown[], run: (rid: string) => Promise<string | null>): Promise<boolean> => {
      setBusy(true);
      setError(null);
      setNote(null);
      try {
        setNote(await run(ids.idFor(what)));
        ids.settled();
        return true;
      } catch (err) {
        setError(userMessageOf(err));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [ids],
  );

  const post = useCallback(
    (content: string, anonymous: boolean) =>
      step(['post', id, content, anonymous], async (rid) => {
        const out = await postTake(id, content, anonymous, rid);
        takes.reload();
        topic.reload();
        return postedNote(out.moderation, '发言');
      }),
    [id, step, takes, topic],
  );
  const comment = useCallback(
    (postId: string, content: string, anonymous: boolean) =>
      step(['comment', postId, content, anonymous], async (rid) => {
        const out = await commentOnTake(postId, content, anonymous, rid);
        takes.reload();
        return postedNote(out.moderation, '评论');
      }),
    [step, takes],
  );
  const pin = useCallback(
    (pinned: boolean) =>
      step(['pin', id, pinned], async () => {
        await pinTopic(id, pinned);
        topic.reload();
        return pinned ? '已置顶，话题墙上排在最前' : '已取消置顶';
      }),
    [id, step, topic],
  );
  const close = useCallback(
    (closed: boolean) =>
      step(['close', id, closed], async () => {
        await closeTopic(id, closed);
        topic.reload();
        return closed ? '话题已关闭，同学们不能再发言' : '话题已重新开放';
      }),
    [id, step, topic],
  );
  const hide = useCallback(
    (target: { postId: string; commentId?: string }, hidden: boolean, reason: string) =>
      step(['hide', target, hidden, reason], async (rid) => {
        await hideTopicContent(target, hidden, reason, rid);
        takes.reload();
        topic.reload();
        if (!hidden) return '已公开';
        return target.commentId ? '评论已隐藏' : '发言已隐藏';
      }),
    [step, takes, topic],
  );

  return { topic, takes, held, setHeld, busy, note, error, post, comment, pin, close, hide };
}

export const TAKE_LIMITS = { min: 2, max: POST_MAX } as const;
export const COMMENT_LIMITS = { min: 1, max: COMMENT_MAX } as const;
