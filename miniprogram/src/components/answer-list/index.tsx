import { View, Text } from '@tarojs/components';
import type { Answer } from '@shared/contracts/question.contract';
import { formatDateTime } from '../../utils/time';
import './index.scss';

interface Props {
  answers: readonly Answer[];
  now: number;
  emptyText: string;
}

/** Replies in order; the official one is marked 官方答复. */
export function AnswerList({ answers, now, emptyText }: Props) {
  if (answers.length === 0) {
    return (
      <View className='answers answers--empty'>
        <Text className='answers__empty'>{emptyText}</Text>
      </View>
    );
  }
  return (
    <View className='answers'>
      {answers.map((a) => (
        <View key={a.id} className={`answer ${a.official ? 'answer--official' : ''}`}>
          <View className='answer__head'>
            <View className='answer__who'>
              <Text className='answer__name'>{a.responderName}</Text>
              <Text className='answer__unit'>
                {a.unitName}
                {a.teamLabel ? ` · ${a.teamLabel}` : ''}
              </Text>
            </View>
            {a.official ? <Text className='answer__official'>官方答复</Text> : null}
          </View>
          <Text className='answer__content' selectable>{a.content}</Text>
          <Text className='answer__time'>{formatDateTime(a.createdAt, now)}</Text>
        </View>
      ))}
    </View>
  );
}
