import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { routes } from '../../../utils/routes';
import './index.scss';

const LINKS = {
  escalations: { url: routes.escalations, title: '超时督办', hint: '超过时限仍未答复的问题' },
  performance: { url: routes.performance, title: '各单位答复情况', hint: '近 7 / 30 / 90 天按时答复与超时' },
  unreachable: { url: routes.unreachable, title: '提醒送达情况', hint: '哪些老师没有收到答复提醒' },
} as const;

export type OversightPage = keyof typeof LINKS;

/** The other oversight pages, one tap away from each (no dead ends between them). */
export function OversightLinks({ show }: { show: OversightPage[] }) {
  if (show.length === 0) return null;
  return (
    <View className='ov-links'>
      {show.map((key) => (
        <View key={key} className='ov-links__item' onClick={() => void Taro.navigateTo({ url: LINKS[key].url })}>
          <View className='ov-links__text'>
            <Text className='ov-links__title'>{LINKS[key].title}</Text>
            <Text className='ov-links__hint'>{LINKS[key].hint}</Text>
          </View>
          <Text className='ov-links__arrow'>›</Text>
        </View>
      ))}
    </View>
  );
}
