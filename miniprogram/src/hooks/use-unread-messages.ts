import { useEffect, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { currentUnread, onUnreadChange, refreshUnread } from '../services/unread-messages';

/** The message centre's unread count, kept current across pages. */
export function useUnreadCount(): number {
  const [count, setCount] = useState(currentUnread);
  useEffect(() => onUnreadChange(setCount), []);
  return count;
}

/** Re-reads the unread count each time the page is shown (the tab bar badge and the header follow). */
export function useUnreadRefresh(): void {
  useDidShow(() => {
    void refreshUnread();
  });
}
