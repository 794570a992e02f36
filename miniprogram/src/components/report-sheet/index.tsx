import { View, Text, Button, Input } from '@tarojs/components';
import { DEFAULT_REPORT_THRESHOLD } from '@shared/domain/moderation';
import type { ReportTarget } from '../../services/moderation.service';
import { OTHER_REASON, REPORT_REASONS, useReportForm, type ReportOutcome } from '../../hooks/use-report-form';
import { CharCounter } from '../char-counter';
import { nativeMaxLength } from '../../utils/text-limits';
import './index.scss';

const REASON_MAX = 200;
const WHAT: Record<ReportTarget['target'], string> = { question: '这个问题', answer: '这条答复', notice: '这条处理公告' };

interface Props {
  target: ReportTarget;
  onClose: () => void;
  onDone: (outcome: ReportOutcome) => void;
}

/** 举报 as a half-screen sheet: reasons, 其他 with words, 取消 / 提交举报. */
export function ReportSheet({ target, onClose, onDone }: Props) {
  const form = useReportForm(target, onDone);
  return (
    <View className='report'>
      <View className='report__mask' onClick={form.busy ? undefined : onClose} />
      <View className='report__panel'>
        <Text className='report__title'>举报{WHAT[target.target]}</Text>
        <Text className='report__hint'>
          {`举报会交给协管和管理员核实；被 ${DEFAULT_REPORT_THRESHOLD} 位同学举报的内容会先暂时隐藏。对方不会知道是谁举报的。`}
        </Text>
        <View className='report__reasons'>
          {REPORT_REASONS.map((r) => (
            <Text key={r} className={`report__reason ${form.choice === r ? 'report__reason--on' : ''}`} onClick={() => form.choose(r)}>
              {r}
            </Text>
          ))}
        </View>
        {form.choice === OTHER_REASON ? (
          <View className='report__other'>
            <Input
              className='report__input'
              placeholder='请说明举报原因'
              maxlength={nativeMaxLength(REASON_MAX)}
              value={form.other}
              onInput={(e) => form.setOther(e.detail.value)}
            />
            <CharCounter text={form.other} max={REASON_MAX} singleLine />
          </View>
        ) : null}
        {form.error ? <Text className='report__error'>{form.error}</Text> : null}
        <View className='report__actions'>
          <Button className='report__btn' disabled={form.busy || undefined} onClick={onClose}>取消</Button>
          <Button className='report__btn report__btn--main' disabled={form.busy || undefined} onClick={() => void form.submit()}>
            {form.busy ? '提交中…' : '提交举报'}
          </Button>
        </View>
      </View>
    </View>
  );
}
