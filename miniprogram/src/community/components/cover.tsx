import { View, Text, Image } from '@tarojs/components';

/** An article's cover, or (no link from storage) a block in the brand colour with the unit's name. */
export function Cover({ url, unitName, className }: { url: string | null; unitName: string; className: string }) {
  if (url) return <Image className={className} src={url} mode='aspectFill' />;
  return (
    <View className={`${className} cover-fallback`}>
      <Text className='cover-fallback__text'>{unitName}</Text>
    </View>
  );
}
