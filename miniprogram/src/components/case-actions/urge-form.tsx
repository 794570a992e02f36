import { View, Button, Input } from '@tarojs/components';
import type { QuestionDetail } from '@shared/contracts/question.contract';
import { URGE_NOTE_MAX, type CaseActionsState } from '../../hooks/use-case-actions';
import { ActionSection, Counter, ErrorLine } from './section';

/** 催办: the coordinator, a supervisor or the school admin urges the unit that missed the deadline. */
export function UrgeForm({ question: q, panel }: { question: QuestionDetail; panel: CaseActionsState }) {
  if (!q.viewerActions.includes('urge')) return null;
  return (
    <ActionSection
      title='催办'
      audience='internal'
      hint={`「${q.ownerUnitName}」已超过答复时限。催办后该单位的答复人员和管理员会收到通知，催办记入处理记录。`}
      className='case-section--urge'
    >
      <View className='case-box case-box--line'>
        <Input
          className='case-box__input'
          placeholder='催办说明（选填），如：请今天下班前答复'
          maxlength={URGE_NOTE_MAX * 2}
          value={panel.urge.note}
          onInput={(e) => panel.urge.setNote(e.detail.value)}
        />
        <Counter count={panel.urge.count} />
      </View>
      <ErrorLine text={panel.error?.action === 'urge' ? panel.error.text : null} />
      {/* One primary action per page: for the coordinator, who can answer, answering is it. */}
      <Button className={`case-btn case-btn--block ${q.viewerCanAnswer ? 'case-btn--warn-ghost' : 'case-btn--warn'}`} disabled={panel.busy !== null || undefined} onClick={() => panel.run('urge')}>
        {panel.busy === 'urge' ? '催办中…' : `催办「${q.ownerUnitName}」`}
      </Button>
    </ActionSection>
  );
}
