import { useRef } from 'react';
import { useDidShow } from '@tarojs/taro';

/** Runs `callback` when the page is shown again (not on the first show, which the mount already loads). */
export function useReshow(callback: () => void): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) callback();
    shown.current = true;
  });
}
