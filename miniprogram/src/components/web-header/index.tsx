import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { useWebRoute } from '../../hooks/use-web-route';
import { useEffect } from 'react';
import { useUnreadCount } from '../../hooks/use-unread-messages';
import { refreshUnread } from '../../services/unread-messages';
import { routes } from '../../utils/routes';
import { SearchIcon, SEARCH_PLACEHOLDER } from '../search-entry';
import './index.scss';

interface NavItem {
  label: string;
  /** Path prefix that marks the item as where the user is. */
  match: string;
  go: () => void;
}

const ITEMS: readonly NavItem[] = [
  { label: '首页', match: routes.home, go: () => void Taro.switchTab({ url: routes.home }) },
  // The boards (活动公告 first; each board links to the other two).
  { label: '社区', match: '/community/', go: () => void Taro.navigateTo({ url: routes.activities }) },
  { label: '我要提问', match: routes.ask(), go: () => void Taro.navigateTo({ url: routes.ask() }) },
  { label: '消息', match: routes.messages, go: () => void Taro.navigateTo({ url: routes.messages }) },
  { label: '我的', match: routes.mine, go: () => void Taro.switchTab({ url: routes.mine }) },
];

function isHere(path: string, item: NavItem): boolean {
  // 消息 lives in the community subpackage but is its own entry.
  if (item.match.endsWith('/')) return path.startsWith(item.match) && path !== routes.messages;
  return path === item.match || (item.match === routes.home && (path === '' || path === '/'));
}

/**
 * The web build's header on a wide screen (the league website's floating-window
 * entry opens it on a PC): brand and the app's own navigation, in place of the
 * phone's bottom tab bar. Hidden on narrow screens by styles/web.scss.
 */
export function WebHeader() {
  const path = useWebRoute();
  const unread = useUnreadCount();
  // Whatever page the web build opens on, the header shows the count (首页 and 我的 refresh it on show).
  useEffect(() => {
    void refreshUnread();
  }, []);
  return (
    <View className='web-header'>
      <View className='web-header__inner'>
        <Text className='web-header__brand' onClick={ITEMS[0]?.go}>青年之声 · Campus</Text>
        {/* 搜索 from every page: a box that opens the search page (hidden there, where the real box is). */}
        {path.startsWith(routes.search()) ? (
          <View className='web-header__spacer' />
        ) : (
          <View className='web-header__search' onClick={() => void Taro.navigateTo({ url: routes.search() })}>
            <SearchIcon />
            <Text className='web-header__search-text'>{SEARCH_PLACEHOLDER}</Text>
          </View>
        )}
        <View className='web-header__nav'>
          {ITEMS.map((item) => {
            const here = isHere(path, item);
            return (
              <View
                key={item.label}
                className={`web-header__item ${here ? 'web-header__item--on' : ''} ${item.match === routes.ask() ? 'web-header__item--cta' : ''}`}
                onClick={() => {
                  // 社区 stays marked on every board page; from a board's inner page it goes back to the boards.
                  if (!here || (item.match.endsWith('/') && path !== routes.activities)) item.go();
                }}
              >
                <Text>{item.label}</Text>
                {item.match === routes.messages && unread > 0 ? <Text className='web-header__badge'>{unread > 99 ? '99+' : unread}</Text> : null}
              </View>
            );
          })}
        </View>
      </View>
    </View>
  );
}
