import { useEffect, useRef } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';

/** Pull-down reloads the page's list; the spinner stops once loading has finished. */
export function usePullToReload(reload: () => void, loading: boolean): void {
  const pulling = useRef(false);
  usePullDownRefresh(() => {
    pulling.current = true;
    reload();
  });
  useEffect(() => {
    if (pulling.current && !loading) {
      pulling.current = false;
      void Taro.stopPullDownRefresh();
    }
  }, [loading]);
}
