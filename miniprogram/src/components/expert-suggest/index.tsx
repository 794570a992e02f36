import { View, Text } from '@tarojs/components';
import { useExpertSuggestions } from '../../hooks/use-expert-suggestions';
import { ExpertCard } from '../expert-card';
import './index.scss';

interface Props {
  collegeId: string;
  categoryId: string;
  expertId: string;
  onPick: (expertId: string) => void;
}

/**
 * 推荐专家 on the ask form: once the college and category are chosen, the
 * experts who cover it. Choosing one is optional; the question is still
 * routed and timed as usual, and the expert is told first.
 */
export function ExpertSuggest({ collegeId, categoryId, expertId, onPick }: Props) {
  const state = useExpertSuggestions(collegeId, categoryId);
  const experts = state.data?.items ?? [];
  if (!collegeId || !categoryId || experts.length === 0) return null;
  return (
    <View className='expert-suggest'>
      <Text className='expert-suggest__title'>推荐专家（可选）</Text>
      <Text className='expert-suggest__hint'>可以把问题指定给一位擅长这类问题的专家。指定后问题仍按正常流程分派，24 小时内答复，TA 会最先收到通知；不指定也完全可以。</Text>
      {experts.map((e) => {
        const on = e.id === expertId;
        return (
          <ExpertCard
            key={e.id}
            e={e}
            selected={on}
            action={
              <Text className={`expert-suggest__pick ${on ? 'expert-suggest__pick--on' : ''}`} onClick={() => onPick(on ? '' : e.id)}>
                {on ? '已指定' : '指定TA'}
              </Text>
            }
          />
        );
      })}
      {expertId ? (
        <Text className='expert-suggest__clear' onClick={() => onPick('')}>不指定专家</Text>
      ) : null}
    </View>
  );
}
