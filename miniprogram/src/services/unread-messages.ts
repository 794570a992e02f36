import Taro from '@tarojs/taro';
import { countUnreadMessages } from './community.service';

/**
 * The unread count of the message centre, shared by the tab bar badge (我的),
 * the PC header and the 我的 entry. Refreshed when 首页 or 我的 is shown and
 * after messages are read.
 */
type Listener = (unread: number) => void;

/** 我的 is the second tab (app.config.ts tabBar.list). */
const MINE_TAB = 1;
let unread = 0;
const listeners = new Set<Listener>();

export function currentUnread(): number {
  return unread;
}

export function onUnreadChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A tab bar badge fails off a tab page or before the tab bar exists; the next show sets it again. */
function setTabBadge(count: number): void {
  const done = count > 0 ? Taro.setTabBarBadge?.({ index: MINE_TAB, text: count > 99 ? '99+' : String(count) }) : Taro.removeTabBarBadge?.({ index: MINE_TAB });
  void Promise.resolve(done).catch(() => undefined);
}

export function showUnread(count: number): void {
  unread = count;
  setTabBadge(count);
  listeners.forEach((l) => l(count));
}

/** Asks the server for the count; a signed-out visitor (or a failed request) keeps what is shown. */
export async function refreshUnread(): Promise<void> {
  try {
    showUnread((await countUnreadMessages()).unread);
  } catch {
    // No identity yet, or offline: no badge to update.
  }
}
