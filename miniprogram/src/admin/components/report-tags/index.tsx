import { View, Text } from '@tarojs/components';
import type { ReportSummary } from '@shared/contracts/report.contract';
import './index.scss';

/** 待填写 / 已提交, and 已逾期 / 逾期提交 once the due time has passed. */
export function ReportStateTags({ r }: { r: Pick<ReportSummary, 'state' | 'late'> }) {
  return (
    <View className='report-tags'>
      <Text className={`report-tag report-tag--${r.state}`}>{r.state === 'submitted' ? '已提交' : '待填写'}</Text>
      {r.late ? <Text className='report-tag report-tag--late'>{r.state === 'submitted' ? '逾期提交' : '已逾期'}</Text> : null}
    </View>
  );
}

