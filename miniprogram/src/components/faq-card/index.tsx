import { View, Text } from '@tarojs/components';
import type { FaqEntry } from '@shared/contracts/faq.contract';
import { Badge } from '../status-tag';
import { formatRelative } from '../../utils/time';
import './index.scss';

interface CardProps {
  entry: FaqEntry;
  now: number;
  onOpen: (id: string) => void;
}

/** 常见问题 in a list: the title, the start of the canonical answer, how many questions it gathers. */
export function FaqCard({ entry, now, onOpen }: CardProps) {
  return (
    <View className='faq-card' onClick={() => onOpen(entry.id)}>
      <Text className='faq-card__title breakable'>{entry.title}</Text>
      <Text className='faq-card__answer breakable'>{entry.answer}</Text>
      <View className='faq-card__meta'>
        {entry.categoryName ? <Badge tone='blue'>{entry.categoryName}</Badge> : null}
        {entry.questionCount > 0 ? <Text className='faq-card__count'>汇总了 {entry.questionCount} 个提问</Text> : null}
        <Text className='faq-card__time'>更新于 {formatRelative(entry.updatedAt, now)}</Text>
      </View>
    </View>
  );
}

interface PinnedProps {
  entries: readonly FaqEntry[];
  onOpen: (id: string) => void;
  onAll: () => void;
}

/** 首页's pinned notice (置顶公告): the newest entries, one line of answer each, and 查看全部. */
export function FaqPinned({ entries, onOpen, onAll }: PinnedProps) {
  if (entries.length === 0) return null;
  return (
    <View className='faq-pinned'>
      <View className='faq-pinned__head'>
        <View className='faq-pinned__heading'>
          <Text className='faq-pinned__pin'>置顶</Text>
          <Text className='faq-pinned__title'>常见问题</Text>
        </View>
        <Text className='faq-pinned__all' onClick={onAll}>查看全部 ›</Text>
      </View>
      {entries.map((entry) => (
        <View key={entry.id} className='faq-pinned__item' onClick={() => onOpen(entry.id)}>
          <Text className='faq-pinned__item-title breakable'>{entry.title}</Text>
          <Text className='faq-pinned__item-answer'>{entry.answer}</Text>
        </View>
      ))}
    </View>
  );
}
