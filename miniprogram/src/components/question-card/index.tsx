import { View, Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { QuestionSummary } from '@shared/contracts/question.contract';
import { StatusTag, Badge } from '../status-tag';
import { formatRelative } from '../../utils/time';
import { askerLabel } from '../../utils/labels';
import './index.scss';

interface Props {
  question: QuestionSummary;
  now: number;
  onOpen: (id: string) => void;
  /** Right side of the footer; defaults to the creation time. */
  aside?: ReactNode;
}

export function QuestionCard({ question: q, now, onOpen, aside }: Props) {
  return (
    <View className='q-card' onClick={() => onOpen(q.id)}>
      <View className='q-card__head'>
        <Text className='q-card__title'>{q.title}</Text>
        <StatusTag status={q.status} />
      </View>
      {q.excerpt ? <Text className='q-card__excerpt'>{q.excerpt}</Text> : null}
      <View className='q-card__meta'>
        {q.urgent ? <Badge>紧急</Badge> : null}
        {q.escalated ? <Badge tone='warn'>已升级</Badge> : null}
        {q.visibility === 'private' ? <Badge tone='gray'>仅自己可见</Badge> : null}
        <Badge tone='blue'>{q.categoryName}</Badge>
        <Text className='q-card__unit'>{q.ownerUnitName}</Text>
      </View>
      <View className='q-card__foot'>
        <Text className='q-card__asker'>{askerLabel(q)}</Text>
        {aside ?? <Text className='q-card__time'>{formatRelative(q.createdAt, now)}</Text>}
      </View>
    </View>
  );
}
