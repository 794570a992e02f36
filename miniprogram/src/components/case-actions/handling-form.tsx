import { View, Button, Textarea } from '@tarojs/components';
import type { QuestionDetail } from '@shared/contracts/question.contract';
import { CASE_ACTION_LABELS, HANDLING_ACTIONS, NOTE_MAX, type CaseActionsState } from '../../hooks/use-case-actions';
import { ActionSection, Counter, ErrorLine } from './section';

/** 办理记录: one internal box for 开始办理 / 添加进展 / 办结. */
export function HandlingForm({ question: q, panel }: { question: QuestionDetail; panel: CaseActionsState }) {
  const actions = HANDLING_ACTIONS.filter((a) => q.viewerActions.includes(a));
  if (actions.length === 0) return null;
  const error = panel.error && HANDLING_ACTIONS.includes(panel.error.action) ? panel.error.text : null;
  return (
    <ActionSection
      title='办理记录'
      audience='internal'
      hint='记录线下办理的经过。提问同学会收到「办理中」「已办结」的通知，但看不到这里写的内容。'
    >
      <View className='case-box'>
        <Textarea
          className='case-box__textarea'
          placeholder={q.status === 'answered' ? '办理说明（开始办理时可不填）' : '本次办理进展，或办结说明'}
          maxlength={NOTE_MAX * 2}
          value={panel.handling.note}
          onInput={(e) => panel.handling.setNote(e.detail.value)}
        />
        <Counter count={panel.handling.count} />
      </View>
      <ErrorLine text={error} />
      <View className='case-buttons'>
        {actions.map((a) => (
          <Button
            key={a}
            className={`case-btn ${a === 'resolve' || actions.length === 1 ? 'case-btn--main' : ''}`}
            disabled={panel.busy !== null || undefined}
            onClick={() => panel.run(a as 'startHandling' | 'addProgress' | 'resolve')}
          >
            {panel.busy === a ? '提交中…' : CASE_ACTION_LABELS[a]}
          </Button>
        ))}
      </View>
    </ActionSection>
  );
}
