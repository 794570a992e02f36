import { View, Text, Button, Textarea, Picker } from '@tarojs/components';
import type { Unit } from '@shared/contracts/catalog.contract';
import { NOTE_MAX } from '@shared/contracts/case.contract';
import { RESPONDER_ACTION_LABELS, useCaseActions, type ResponderAction } from '../../hooks/use-case-actions';
import './index.scss';

const ORDER: ResponderAction[] = ['claim', 'startHandling', 'addProgress', 'resolve', 'publishNotice', 'transfer'];

interface Props {
  questionId: string;
  ownerUnitId: string;
  /** From the question's viewerActions: the server decides what is allowed now. */
  available: readonly string[];
  units: readonly Unit[];
  onDone: () => void;
}

/** 办理: claim, transfer (转办, keeps the deadline), handle, progress, resolve, emergency notice. */
export function CaseActions({ questionId, ownerUnitId, available, units, onDone }: Props) {
  const panel = useCaseActions(questionId, onDone);
  const actions = ORDER.filter((a) => available.includes(a));
  if (actions.length === 0) return null;

  const targets = units.filter((u) => u.id !== ownerUnitId);
  const targetIndex = targets.findIndex((u) => u.id === panel.toUnitId);
  const needsNote = actions.some((a) => a !== 'claim');

  return (
    <View className='case-actions'>
      <Text className='case-actions__title'>办理</Text>
      {needsNote ? (
        <View className='case-actions__note'>
          <Textarea
            className='case-actions__textarea'
            placeholder='办理说明 / 进展 / 转办理由 / 处理公告'
            maxlength={2000}
            value={panel.note}
            onInput={(e) => panel.setNote(e.detail.value)}
          />
          <Text className='case-actions__count'>{panel.note.length}/{NOTE_MAX}</Text>
        </View>
      ) : null}
      {actions.includes('transfer') ? (
        <Picker
          mode='selector'
          range={targets.map((u) => u.name)}
          value={targetIndex < 0 ? 0 : targetIndex}
          onChange={(e) => {
            const picked = targets[Number(e.detail.value)];
            if (picked) panel.setToUnitId(picked.id);
          }}
        >
          <View className='case-actions__select'>
            <Text>{targetIndex >= 0 ? `转办至「${targets[targetIndex]?.name ?? ''}」` : '选择转办单位'}</Text>
            <Text className='case-actions__arrow'>›</Text>
          </View>
        </Picker>
      ) : null}
      <View className='case-actions__buttons'>
        {actions.map((a) => (
          <Button
            key={a}
            className={`case-actions__btn ${a === 'resolve' ? 'case-actions__btn--main' : ''}`}
            disabled={panel.busy || undefined}
            onClick={() => panel.run(a)}
          >
            {RESPONDER_ACTION_LABELS[a]}
          </Button>
        ))}
      </View>
      {panel.error ? <Text className='case-actions__error'>{panel.error}</Text> : null}
      {panel.done ? <Text className='case-actions__done'>{panel.done}</Text> : null}
    </View>
  );
}
