import { useCallback, useMemo } from 'react';
import type { QuestionDetail } from '@shared/contracts/question.contract';
import { getQuestionReactions, setAnswerLike, setFollow, setMetoo } from '../services/community.service';
import { useAsync } from './use-async';
import { useToggle } from './use-toggle';

/**
 * The question page's community state (question.reactions): 同问 and 关注 for
 * a public question the viewer did not ask, and each answer's likes. A viewer
 * without an identity sees the counts the question carries, read only.
 */
export function useReactions(q: QuestionDetail) {
  const load = useCallback(() => getQuestionReactions(q.id), [q.id]);
  const state = useAsync(load);
  const r = state.data;
  const canWatch = r?.canWatch ?? false;

  const metooInitial = useMemo(() => ({ on: r?.metoo ?? false, count: r?.metooCount ?? q.metooCount }), [r, q.metooCount]);
  const followInitial = useMemo(() => ({ on: r?.following ?? false, count: 0 }), [r]);
  const sendMetoo = useCallback((on: boolean) => setMetoo(q.id, on), [q.id]);
  const sendFollow = useCallback((on: boolean) => setFollow(q.id, on), [q.id]);
  const metoo = useToggle(metooInitial, sendMetoo);
  const follow = useToggle(followInitial, sendFollow);

  const answerLikes = useMemo(() => new Map((r?.answers ?? []).map((a) => [a.answerId, a])), [r]);
  return { loaded: r !== null, canWatch, metoo, follow, answerLikes, reload: state.reload };
}

/** One answer's 赞 (its own state, so liking one answer does not redraw the others). */
export function useAnswerLike(questionId: string, answerId: string, initial: { liked: boolean; likeCount: number } | undefined) {
  const start = useMemo(() => ({ on: initial?.liked ?? false, count: initial?.likeCount ?? 0 }), [initial?.liked, initial?.likeCount]);
  const send = useCallback((on: boolean) => setAnswerLike(questionId, answerId, on), [questionId, answerId]);
  return useToggle(start, send);
}
