import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';

/** The H5 router announces each page change on Taro's event bus (after the page is shown). */
const ROUTER_CHANGE = '__afterTaroRouterChange';

function currentPath(): string {
  return typeof window === 'undefined' ? '' : window.location.pathname;
}

/** The browser's current page path, following the H5 router (web build only). */
export function useWebRoute(): string {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const update = () => setPath(currentPath());
    Taro.eventCenter.on(ROUTER_CHANGE, update);
    window.addEventListener('popstate', update);
    return () => {
      Taro.eventCenter.off(ROUTER_CHANGE, update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return path;
}
