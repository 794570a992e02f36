import Taro from '@tarojs/taro';
import { View, Image } from '@tarojs/components';
import './index.scss';

/** The pictures of a question or an answer; a tap opens them full screen (Taro.previewImage). */
export function PictureStrip({ urls }: { urls: string[] }) {
  if (urls.length === 0) return null;
  return (
    <View className='picture-strip'>
      {urls.map((url, i) => (
        <View key={url} className='picture-strip__item' aria-label={`查看第 ${i + 1} 张图片`} onClick={() => void Taro.previewImage({ urls, current: url }).catch(() => undefined)}>
          <Image className='picture-strip__image' src={url} mode='aspectFill' />
        </View>
      ))}
    </View>
  );
}
