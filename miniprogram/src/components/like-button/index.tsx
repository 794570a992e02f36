import { View, Text } from '@tarojs/components';
import type { Toggle } from '../../hooks/use-toggle';
import { useLike } from '../../hooks/use-likes';
import type { LikeTarget } from '../../services/community.service';
import './index.scss';

interface Props {
  toggle: Toggle;
  /** 赞 by default; 同问 on a question. */
  label?: string;
  /** Shown instead of the button when the viewer may not (the asker, a private question): the count alone. */
  readOnly?: boolean;
}

/** 赞 / 同问 with its count: pressed state in the brand colour, the error under it. */
export function LikeButton({ toggle, label = '赞', readOnly = false }: Props) {
  if (readOnly) {
    return (
      <Text className='like like--static'>
        {label} {toggle.count}
      </Text>
    );
  }
  return (
    <View className='like-wrap'>
      <Text
        className={`like ${toggle.on ? 'like--on' : ''}`}
        aria-pressed={toggle.on}
        aria-label={`${toggle.on ? '已' : ''}${label} ${toggle.count}`}
        onClick={toggle.toggle}
      >
        {toggle.on ? `已${label}` : label} {toggle.count}
      </Text>
      {toggle.error ? <Text className='like__error'>{toggle.error}</Text> : null}
    </View>
  );
}

/** 点赞 a take on the 话题墙 or a 青年视角 article. */
export function LikeTargetButton({ targetType, targetId, liked, likeCount }: { targetType: LikeTarget; targetId: string; liked: boolean; likeCount: number }) {
  const toggle = useLike(targetType, targetId, liked, likeCount);
  return <LikeButton toggle={toggle} />;
}
