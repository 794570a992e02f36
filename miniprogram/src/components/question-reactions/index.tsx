import { useEffect } from 'react';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { View, Text, Button } from '@tarojs/components';
import type { QuestionDetail } from '@shared/contracts/question.contract';
import { useAnswerLike, type useReactions } from '../../hooks/use-reactions';
import { LikeButton } from '../like-button';
import { shareCardFor } from '../../utils/share';
import './index.scss';

type Reactions = ReturnType<typeof useReactions>;

/** 同问 · 关注 · 分享 under the question. */
export function QuestionReactions({ q, r }: { q: QuestionDetail; r: Reactions }) {
  const card = shareCardFor(q);
  // WeChat's share menu: the card for a public question; nothing to share for a private one.
  useShareAppMessage(() => (card ? { title: card.title, path: card.path } : { title: '青年之声 · Campus', path: '/pages/index/index' }));
  useEffect(() => {
    if (!card && process.env.TARO_ENV === 'weapp') void Promise.resolve(Taro.hideShareMenu?.({})).catch(() => undefined);
  }, [card]);
  if (q.visibility !== 'public') return null;
  const copyLink = () => {
    if (!card) return;
    // The web build routes by path (router mode 'browser'): the address shown is the question's.
    const href = typeof window !== 'undefined' ? window.location.href : card.path;
    void Taro.setClipboardData({ data: href }).then(() => void Taro.showToast({ title: '链接已复制', icon: 'none' }));
  };
  return (
    <View className='reactions'>
      <LikeButton toggle={r.metoo} label='同问' readOnly={!r.canWatch} />
      {r.canWatch ? (
        <View className='like-wrap'>
          <Text className={`like ${r.follow.on ? 'like--on' : ''}`} aria-pressed={r.follow.on} onClick={r.follow.toggle}>
            {r.follow.on ? '已关注' : '关注'}
          </Text>
          {r.follow.error ? <Text className='like__error'>{r.follow.error}</Text> : null}
        </View>
      ) : null}
      {card ? (
        process.env.TARO_ENV === 'h5' ? (
          <Text className='like reactions__share' onClick={copyLink}>复制链接</Text>
        ) : (
          <Button className='like reactions__share' openType='share'>分享</Button>
        )
      ) : null}
      {r.canWatch && !r.metoo.on && !r.follow.on ? <Text className='reactions__hint'>同问或关注后，这个问题有答复、办理进展时会通知你</Text> : null}
    </View>
  );
}

/** 赞 on one answer (public questions, published answers). */
export function AnswerLike({ questionId, answerId, r }: { questionId: string; answerId: string; r: Reactions }) {
  const initial = r.answerLikes.get(answerId);
  const toggle = useAnswerLike(questionId, answerId, initial);
  if (!r.loaded) return null;
  return <LikeButton toggle={toggle} />;
}
