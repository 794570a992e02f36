import { useState } from 'react';
import { View, Text, Button, Input } from '@tarojs/components';
import type { QuestionDetail } from '@shared/contracts/question.contract';
import { TRANSFER_REASON_MAX, type CaseActionsState } from '../../hooks/use-case-actions';
import { transferDeadlineNote, type TransferGroup } from '../../hooks/use-transfer-targets';
import { ActionSection, Counter, ErrorLine } from './section';

interface Props {
  question: QuestionDetail;
  panel: CaseActionsState;
  groups: readonly TransferGroup[];
  now: number;
}

/**
 * 转办: pick the unit (grouped 学院 / 职能部门 / 校团委), give the reason, then
 * confirm with the unit named. Folded until wanted: most questions are answered
 * where they land.
 */
export function TransferForm({ question: q, panel, groups, now }: Props) {
  const [open, setOpen] = useState(false);
  if (!q.viewerActions.includes('transfer')) return null;
  const t = panel.transfer;
  const note = transferDeadlineNote(q, t.toUnitName, now);
  const error = panel.error?.action === 'transfer' ? panel.error.text : null;

  if (!open) {
    return (
      <View className='case-section case-fold' onClick={() => setOpen(true)}>
        <View className='case-fold__text'>
          <Text className='case-section__title'>转办给其他单位</Text>
          <Text className='case-section__hint'>不属于「{q.ownerUnitName}」的问题，转给负责的单位答复</Text>
        </View>
        <Text className='case-fold__arrow'>›</Text>
      </View>
    );
  }

  return (
    <ActionSection
      title='转办'
      audience='internal'
      hint='转办理由只有办理人员能看到；提问同学只会收到「问题已转办」的通知。'
      className='case-section--transfer'
    >
      {groups.map((g) => (
        <View key={g.label} className='unit-group'>
          <Text className='unit-group__label'>{g.label}</Text>
          <View className='unit-group__chips'>
            {g.units.map((u) => (
              <Text
                key={u.id}
                className={`unit-chip ${u.id === t.toUnitId ? 'unit-chip--on' : ''}`}
                onClick={() => t.pickUnit(u.id)}
              >
                {u.shortName}
              </Text>
            ))}
          </View>
        </View>
      ))}
      <View className='case-box case-box--line'>
        <Input
          className='case-box__input'
          placeholder='转办理由（必填），如：属于后勤维修范围'
          maxlength={TRANSFER_REASON_MAX * 2}
          value={t.reason}
          onInput={(e) => t.setReason(e.detail.value)}
        />
        <Counter count={t.count} />
      </View>
      {note ? <Text className={`case-note ${note.fairWindow ? 'case-note--warn' : ''}`}>{note.text}</Text> : null}
      <ErrorLine text={error} />

      {t.confirming ? (
        <View className='case-confirm'>
          <Text className='case-confirm__title'>确认转办至「{t.toUnitName}」？</Text>
          <Text className='case-confirm__text'>转办理由：{t.reason.trim()}</Text>
          <Text className='case-confirm__text'>转办后由「{t.toUnitName}」负责答复，该单位会收到通知。</Text>
          {note?.fairWindow ? <Text className='case-confirm__text case-confirm__text--warn'>{note.text}</Text> : null}
          <View className='case-buttons case-buttons--split'>
            <Button className='case-btn' onClick={t.cancel}>取消</Button>
            <Button className='case-btn case-btn--main' disabled={panel.busy !== null || undefined} onClick={t.confirm}>
              确认转办
            </Button>
          </View>
        </View>
      ) : (
        <View className='case-buttons case-buttons--split'>
          <Button className='case-btn' onClick={() => setOpen(false)}>收起</Button>
          <Button className='case-btn case-btn--main' disabled={panel.busy !== null || undefined} onClick={t.ask}>
            {panel.busy === 'transfer' ? '转办中…' : t.toUnitName ? `转办至「${t.toUnitName}」` : '转办'}
          </Button>
        </View>
      )}
    </ActionSection>
  );
}
