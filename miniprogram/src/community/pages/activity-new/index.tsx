import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Input, Picker, Button, Textarea } from '@tarojs/components';
import type { Me } from '@shared/contracts/me.contract';
import type { Catalog } from '@shared/contracts/catalog.contract';
import { ACTIVITY_BODY_MAX, ACTIVITY_TITLE_MAX } from '@shared/contracts/activity.contract';
import { useEntryParams } from '../../../hooks/use-entry-params';
import { useNow } from '../../../hooks/use-now';
import { useActivityForm, type ActivityFormDraft } from '../../../hooks/use-activity-form';
import { CharCounter } from '../../../components/char-counter';
import { BoardGate, Field } from '../../components/board-ui';
import { ORGANISER_DENIED, unitsSpokenFor } from '../../../utils/board-access';
import type { LocalDateTime } from '../../../utils/datetime-input';
import { nativeMaxLength } from '../../../utils/text-limits';
import { routes } from '../../../utils/routes';
import '../../styles/board.scss';

function When({ value, onChange }: { value: LocalDateTime; onChange: (v: LocalDateTime) => void }) {
  return (
    <View className='when'>
      <Picker mode='date' value={value.date} onChange={(e) => onChange({ ...value, date: String(e.detail.value) })}>
        <View className='board-select when__date'><Text>{value.date || '选择日期'}</Text></View>
      </Picker>
      <Picker mode='time' value={value.time} onChange={(e) => onChange({ ...value, time: String(e.detail.value) })}>
        <View className='board-select when__time'><Text>{value.time || '时间'}</Text></View>
      </Picker>
    </View>
  );
}

function ActivityForm({ me, catalog, questionIds }: { me: Me; catalog: Catalog; questionIds: string[] }) {
  const now = useNow();
  const units = unitsSpokenFor(me, catalog);
  const onCreated = useCallback((id: string, told: number) => {
    void Taro.showToast({ title: told > 0 ? `已发布，已通知 ${told} 位提问同学` : '活动已发布', icon: 'none' });
    void Taro.redirectTo({ url: routes.activity(id) });
  }, []);
  const form = useActivityForm(now, units[0]?.id ?? '', questionIds, onCreated);
  const { draft, errors } = form;
  const unitIndex = Math.max(0, units.findIndex((u) => u.id === draft.unitId));
  const set = <K extends keyof ActivityFormDraft>(k: K) => (v: ActivityFormDraft[K]) => form.update(k, v);

  return (
    <View className='board board--form'>
      <View className='board__intro'>
        <Text className='board__title'>发起活动</Text>
        <Text className='board__hint'>发布后出现在「活动公告」，同学可以报名；名额满后自动进入候补，有人取消时按顺序递补。</Text>
      </View>
      {questionIds.length > 0 ? (
        <View className='board-card board-card--note'>
          <Text className='board__hint'>线上诉求延伸到线下：这个活动将关联 {questionIds.length} 个同学的提问，发布后会通知提问的同学。</Text>
        </View>
      ) : null}
      <View className='board-card'>
        <Field label='主办单位' error={errors.unitId}>
          {units.length > 1 ? (
            <Picker mode='selector' range={units.map((u) => u.name)} value={unitIndex} onChange={(e) => form.update('unitId', units[Number(e.detail.value)]?.id ?? '')}>
              <View className='board-select'><Text>{units[unitIndex]?.name ?? '请选择'}</Text><Text className='board-select__arrow'>›</Text></View>
            </Picker>
          ) : (
            <Text className='field__static'>{units[0]?.name}</Text>
          )}
        </Field>
        <Field label='活动名称' extra={<CharCounter text={draft.title} max={ACTIVITY_TITLE_MAX} singleLine />} error={errors.title}>
          <Input className='board-input' placeholder='如：考研还是就业？学长学姐面对面' maxlength={nativeMaxLength(ACTIVITY_TITLE_MAX)} value={draft.title} onInput={(e) => set('title')(e.detail.value)} />
        </Field>
        <Field label='地点' error={errors.place}>
          <Input className='board-input' placeholder='如：大学生活动中心 305' maxlength={nativeMaxLength(60)} value={draft.place} onInput={(e) => set('place')(e.detail.value)} />
        </Field>
        <Field label='开始时间' error={errors.start}>
          <When value={draft.start} onChange={set('start')} />
        </Field>
        <Field label='结束时间' error={errors.end}>
          <When value={draft.end} onChange={set('end')} />
        </Field>
        <Field label='报名截止' error={errors.deadline}>
          <When value={draft.deadline} onChange={set('deadline')} />
        </Field>
        <Field label='名额（人）' error={errors.capacity}>
          <Input className='board-input' type='number' placeholder='1–2000' value={draft.capacity} onInput={(e) => set('capacity')(e.detail.value)} />
        </Field>
        <Field label='活动介绍' extra={<CharCounter text={draft.body} max={ACTIVITY_BODY_MAX} />} error={errors.body}>
          <View className='board-textarea-box'>
            <Textarea className='board-textarea' placeholder='活动内容、面向对象、需要准备什么……' maxlength={nativeMaxLength(ACTIVITY_BODY_MAX)} value={draft.body} onInput={(e) => set('body')(e.detail.value)} />
          </View>
        </Field>
      </View>
      {form.submitError ? <Text className='board-error board-error--block'>{form.submitError}</Text> : null}
      <View className='board__actions'>
        <Button className='btn-primary' disabled={form.submitting || undefined} onClick={() => void form.submit()}>
          {form.submitting ? '发布中…' : '发布活动'}
        </Button>
      </View>
    </View>
  );
}

export default function NewActivityPage() {
  const { questions = '' } = useEntryParams();
  const questionIds = questions.split(',').map((s) => s.trim()).filter(Boolean);
  return (
    <BoardGate
      allows={(me, catalog) => unitsSpokenFor(me, catalog).length > 0}
      deniedText={ORGANISER_DENIED}
      purpose='发起活动'
      backLabel='返回活动公告'
      backUrl={routes.activities}
    >
      {(me, catalog) => <ActivityForm me={me} catalog={catalog} questionIds={questionIds} />}
    </BoardGate>
  );
}
