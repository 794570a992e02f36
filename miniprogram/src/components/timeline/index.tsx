import { View, Text } from '@tarojs/components';
import type { TimelineEntry } from '@shared/contracts/question.contract';
import { TIMELINE_LABELS } from '../../utils/labels';
import { formatDateTime } from '../../utils/time';
import './index.scss';

/** "任智宇 · 计算机学院团委"; a transfer names the unit it went to. */
export function whoLine(e: TimelineEntry): string {
  if (e.type === 'transfer' && e.unitName) return `${e.actorName} · 转至「${e.unitName}」`;
  return [e.actorName, e.unitName].filter(Boolean).join(' · ');
}

/** 处理记录: every step of the case, oldest first (who, when, what, why). */
export function Timeline({ entries, now }: { entries: readonly TimelineEntry[]; now: number }) {
  if (entries.length === 0) return null;
  return (
    <View className='timeline'>
      {entries.map((e) => (
        <View key={e.id} className='timeline__item'>
          <View className='timeline__dot' />
          <View className='timeline__body'>
            <View className='timeline__head'>
              <Text className='timeline__what'>{TIMELINE_LABELS[e.type]}</Text>
              <Text className='timeline__when'>{formatDateTime(e.at, now)}</Text>
            </View>
            <Text className='timeline__who'>{whoLine(e)}</Text>
            {e.reason ? <Text className='timeline__why'>{e.reason}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
