import { View, Text, Image } from '@tarojs/components';
import type { PicturePickerState } from '../../hooks/use-picture-picker';
import './index.scss';

/** 添加图片: thumbnails with 删除, and the add tile while there is room. */
export function PicturePicker({ picker, hint }: { picker: PicturePickerState; hint?: string }) {
  return (
    <View className='picture-picker'>
      <View className='picture-picker__row'>
        {picker.slots.map((slot, i) => (
          <View key={slot.key} className='picture-picker__thumb'>
            <Image className='picture-picker__image' src={slot.preview} mode='aspectFill' />
            {slot.fileId ? null : <Text className='picture-picker__uploading'>上传中…</Text>}
            <View className='picture-picker__remove' aria-label={`删除第 ${i + 1} 张图片`} onClick={() => picker.remove(slot.key)}>
              <Text>×</Text>
            </View>
          </View>
        ))}
        {picker.slots.length < picker.max ? (
          <View className='picture-picker__add' onClick={() => void picker.add()}>
            <Text className='picture-picker__plus'>＋</Text>
            <Text className='picture-picker__add-label'>添加图片</Text>
          </View>
        ) : null}
      </View>
      <Text className='picture-picker__hint'>
        {hint ?? `最多 ${picker.max} 张，JPG/PNG/WebP/GIF，每张不超过 2 MB`}（{picker.slots.length}/{picker.max}）
      </Text>
      {picker.error ? <Text className='picture-picker__error'>{picker.error}</Text> : null}
    </View>
  );
}
