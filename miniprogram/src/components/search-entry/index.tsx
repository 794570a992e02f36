import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { routes } from '../../utils/routes';
import './index.scss';

/** A magnifier drawn in CSS (no icon font, no image): a ring and a handle. */
export function SearchIcon() {
  return <View className='search-icon' />;
}

export const SEARCH_PLACEHOLDER = '搜索问题，如：校园卡补办';

/** 首页's search bar: looks like a box, opens 搜索 (where the typing happens). */
export function SearchEntry({ className }: { className?: string }) {
  return (
    <View className={`search-entry ${className ?? ''}`} onClick={() => void Taro.navigateTo({ url: routes.search() })}>
      <SearchIcon />
      <Text className='search-entry__text'>{SEARCH_PLACEHOLDER}</Text>
    </View>
  );
}
