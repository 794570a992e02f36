import { View, Text } from '@tarojs/components';
import type { CollegeTarget } from '@shared/contracts/roster.contract';

function Figure({ label, value, goal, met }: { label: string; value: number; goal: string; met: boolean }) {
  return (
    <View className={`target__fig ${met ? 'target__fig--met' : 'target__fig--short'}`}>
      <Text className='target__num'>{value}</Text>
      <Text className='target__label'>{label}（{goal}）</Text>
      <Text className='target__verdict'>{met ? '已达标' : '未达标'}</Text>
    </View>
  );
}

/** Each college's targets: 专帮青 ≥ 5 (浙大 §四.1), 工作人员 10–30 (北中医 §八.二), active people only. */
export function TargetCards({ colleges, onPick }: { colleges: readonly CollegeTarget[]; onPick?: (collegeId: string) => void }) {
  if (colleges.length === 0) return null;
  return (
    <View className='targets'>
      {colleges.map((c) => (
        <View key={c.collegeId} className='target' onClick={onPick ? () => onPick(c.collegeId) : undefined}>
          <Text className='target__name breakable'>{c.collegeName}</Text>
          <View className='target__figs'>
            <Figure label='专帮青' value={c.experts} goal={`至少 ${c.expertsMin} 人`} met={c.expertsMet} />
            <Figure label='工作人员' value={c.staff} goal={`${c.staffMin}–${c.staffMax} 人`} met={c.staffMet} />
          </View>
        </View>
      ))}
    </View>
  );
}
