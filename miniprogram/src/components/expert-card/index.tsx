import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import type { ExpertProfile } from '@shared/contracts/community.contract';
import './index.scss';

/** 满意率 as a person reads it; nothing rated yet says so. */
export function satisfactionText(e: Pick<ExpertProfile, 'satisfaction' | 'rated'>): string {
  return e.satisfaction === null ? '暂无评价' : `满意率 ${Math.round(e.satisfaction * 100)}%（${e.rated} 人评价）`;
}

/** The median time to an official answer: minutes, hours or days. */
export function responseText(minutes: number | null): string {
  if (minutes === null) return '暂无答复用时';
  if (minutes < 60) return `通常 ${Math.max(1, minutes)} 分钟内答复`;
  if (minutes < 48 * 60) return `通常 ${Math.round(minutes / 6) / 10} 小时内答复`;
  return `通常 ${Math.round(minutes / 144) / 10} 天内答复`;
}

interface Props {
  e: ExpertProfile;
  onOpen?: () => void;
  /** The ask form's 选择 / 已选择. */
  action?: ReactNode;
  selected?: boolean;
}

/** 专家推荐: name, team, unit, the categories covered, and how they answer. */
export function ExpertCard({ e, onOpen, action, selected = false }: Props) {
  return (
    <View className={`expert-card ${selected ? 'expert-card--on' : ''}`} onClick={onOpen}>
      <View className='expert-card__head'>
        <View className='expert-card__avatar'>
          <Text>{e.name.slice(0, 1)}</Text>
        </View>
        <View className='expert-card__who'>
          <View className='expert-card__name-row'>
            <Text className='expert-card__name'>{e.name}</Text>
            <Text className='expert-card__team'>{e.teamLabel}</Text>
          </View>
          <Text className='expert-card__unit'>{e.unitName}</Text>
        </View>
        {action}
      </View>
      {e.categories.length > 0 ? <Text className='expert-card__cats'>擅长：{e.categories.map((c) => c.name).join('、')}</Text> : null}
      <View className='expert-card__stats'>
        <Text>答复 {e.answers}</Text>
        <Text>{satisfactionText(e)}</Text>
        <Text>{responseText(e.medianResponseMinutes)}</Text>
      </View>
    </View>
  );
}
