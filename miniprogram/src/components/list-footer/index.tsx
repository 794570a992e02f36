import { View, Text, Button } from '@tarojs/components';
import './index.scss';

interface Props {
  loading: boolean;
  error: string | null;
  hasMore: boolean;
  empty: boolean;
  emptyText: string;
  onMore: () => void;
  onRetry: () => void;
}

/** The bottom of a paged list: 加载中 / 加载更多 / 没有更多了 / an error with 重试. */
export function ListFooter({ loading, error, hasMore, empty, emptyText, onMore, onRetry }: Props) {
  if (error) {
    return (
      <View className='list-footer'>
        <Text className='list-footer__error'>{error}</Text>
        <Button className='list-footer__btn' size='mini' onClick={onRetry}>重试</Button>
      </View>
    );
  }
  if (loading) return <View className='list-footer'><Text className='list-footer__text'>加载中…</Text></View>;
  if (empty) return <View className='list-footer list-footer--empty'><Text className='list-footer__text'>{emptyText}</Text></View>;
  if (hasMore) {
    return (
      <View className='list-footer'>
        <Button className='list-footer__btn' size='mini' onClick={onMore}>加载更多</Button>
      </View>
    );
  }
  return <View className='list-footer'><Text className='list-footer__text'>没有更多了</Text></View>;
}
