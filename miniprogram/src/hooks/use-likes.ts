import { useCallback, useEffect, useMemo, useState } from 'react';
import { likedAmong, setLike, type LikeTarget } from '../services/community.service';
import { useToggle } from './use-toggle';

/**
 * Which of the shown takes or articles the viewer liked: one like.mine for
 * the ids on screen. A visitor without an identity has liked nothing.
 */
export function useLikedSet(targetType: LikeTarget, ids: readonly string[]): ReadonlySet<string> {
  const [liked, setLiked] = useState<ReadonlySet<string>>(new Set());
  const key = ids.slice(0, 50).join(',');
  useEffect(() => {
    if (!key) return;
    let live = true;
    likedAmong(targetType, key.split(',')).then(
      (out) => live && setLiked(new Set(out.liked)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [targetType, key]);
  return liked;
}

/** 点赞 one take or article. */
export function useLike(targetType: LikeTarget, targetId: string, liked: boolean, likeCount: number) {
  const initial = useMemo(() => ({ on: liked, count: likeCount }), [liked, likeCount]);
  const send = useCallback((on: boolean) => setLike(targetType, targetId, on), [targetType, targetId]);
  return useToggle(initial, send);
}
