import { useState } from 'react';
import { View, Text, Button, Input } from '@tarojs/components';
import type { RoutingCategory, RoutingUnit } from '@shared/contracts/routing.contract';
import {
  categoryDraftErrors,
  categoryDraftOf,
  unitDraftErrors,
  unitDraftOf,
  type CategoryDraft,
  type SaveFailure,
  type UnitDraft,
} from '../../hooks/use-routing';
import { Chips } from '../chips';

interface Common {
  busy: boolean;
  failure: SaveFailure | null;
  onCancel: () => void;
  onReload: () => void;
}

function Failure({ failure, onReload }: { failure: SaveFailure | null; onReload: () => void }) {
  if (!failure) return null;
  return (
    <View className='rt-form__failure'>
      <Text className='rt-form__error'>{failure.text}</Text>
      {failure.stale ? <Text className='rt-form__link' onClick={onReload}>刷新</Text> : null}
    </View>
  );
}

function Actions({ busy, onSave, onCancel }: { busy: boolean; onSave: () => void; onCancel: () => void }) {
  return (
    <View className='rt-form__actions'>
      <Button className='rt-btn rt-btn--primary' loading={busy} disabled={busy} onClick={onSave}>保存</Button>
      <Button className='rt-btn' onClick={onCancel}>取消</Button>
    </View>
  );
}

const WEBHOOK_MODES = [
  { value: 'keep' as const, label: '保持不变' },
  { value: 'set' as const, label: '换成新的机器人' },
  { value: 'clear' as const, label: '不单独设置' },
];

/** 编辑单位: names, emergency contacts, the WeCom group robot (kept unless changed: only its masked form is shown). */
export function UnitEditor({ unit, onSave, ...common }: Common & { unit: RoutingUnit; onSave: (d: UnitDraft) => void }) {
  const [d, setD] = useState<UnitDraft>(() => unitDraftOf(unit));
  const [shown, setShown] = useState<string[]>([]);
  const set = (patch: Partial<UnitDraft>) => setD((prev) => ({ ...prev, ...patch }));
  const setContact = (i: number, patch: Partial<UnitDraft['contacts'][number]>) =>
    set({ contacts: d.contacts.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const save = () => {
    const errors = unitDraftErrors(d);
    setShown(errors);
    if (errors.length === 0) onSave(d);
  };
  return (
    <View className='rt-form'>
      <Text className='rt-form__label'>名称</Text>
      <Input className='rt-form__input' aria-label='单位名称' value={d.name} maxlength={40} onInput={(e) => set({ name: e.detail.value })} />
      <Text className='rt-form__label'>简称（学生选择时看到的名字）</Text>
      <Input className='rt-form__input' aria-label='简称' value={d.shortName} maxlength={30} onInput={(e) => set({ shortName: e.detail.value })} />
      <Text className='rt-form__label'>紧急联系人（提问页开启紧急求助时显示，最多 5 个）</Text>
      {d.contacts.map((c, i) => (
        <View key={i} className='rt-form__contact'>
          <Input className='rt-form__input rt-form__input--label' aria-label={`联系人${i + 1}名称`} placeholder='如 保卫处24小时值班' value={c.label} maxlength={30} onInput={(e) => setContact(i, { label: e.detail.value })} />
          <Input className='rt-form__input rt-form__input--phone' aria-label={`联系人${i + 1}电话`} placeholder='电话' value={c.phone} maxlength={25} onInput={(e) => setContact(i, { phone: e.detail.value })} />
          <Text className='rt-form__link rt-form__link--danger' onClick={() => set({ contacts: d.contacts.filter((_, j) => j !== i) })}>删除</Text>
        </View>
      ))}
      {d.contacts.length < 5 ? <Text className='rt-form__link' onClick={() => set({ contacts: [...d.contacts, { label: '', phone: '' }] })}>＋ 添加联系人</Text> : null}
      <Text className='rt-form__label'>企业微信群（答复人收不到提醒时改发到群里）</Text>
      <Chips label='企业微信群' options={WEBHOOK_MODES} selected={[d.webhookMode]} onToggle={(m) => set({ webhookMode: m })} />
      {d.webhookMode === 'set' ? (
        <Input className='rt-form__input' aria-label='机器人地址' placeholder='https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…' value={d.webhook} onInput={(e) => set({ webhook: e.detail.value })} />
      ) : null}
      {d.webhookMode === 'clear' ? <Text className='rt-form__note'>保存后使用部署配置中的群（如有）。</Text> : null}
      <Input className='rt-form__input rt-form__reason' aria-label='修改原因' placeholder='修改原因（选填，记入操作日志）' maxlength={200} value={d.reason} onInput={(e) => set({ reason: e.detail.value })} />
      {shown.map((e) => (
        <Text key={e} className='rt-form__error'>{e}</Text>
      ))}
      <Failure failure={common.failure} onReload={common.onReload} />
      <Actions busy={common.busy} onSave={save} onCancel={common.onCancel} />
    </View>
  );
}

/** 编辑类别: name, description, owning unit (or the asker's college), answer window. */
export function CategoryEditor({ category, units, onSave, ...common }: Common & {
  category: RoutingCategory;
  units: readonly RoutingUnit[];
  onSave: (d: CategoryDraft) => void;
}) {
  const [d, setD] = useState<CategoryDraft>(() => categoryDraftOf(category));
  const [shown, setShown] = useState<string[]>([]);
  const set = (patch: Partial<CategoryDraft>) => setD((prev) => ({ ...prev, ...patch }));
  const owners = [{ value: '', label: '按提问者所选学院' }, ...units.filter((u) => u.kind !== 'branch').map((u) => ({ value: u.id, label: u.shortName }))];
  const save = () => {
    const errors = categoryDraftErrors(d);
    setShown(errors);
    if (errors.length === 0) onSave(d);
  };
  return (
    <View className='rt-form'>
      <Text className='rt-form__label'>类别名称</Text>
      <Input className='rt-form__input' aria-label='类别名称' value={d.name} maxlength={20} onInput={(e) => set({ name: e.detail.value })} />
      <Text className='rt-form__label'>说明</Text>
      <Input className='rt-form__input' aria-label='类别说明' value={d.description} maxlength={60} onInput={(e) => set({ description: e.detail.value })} />
      <Text className='rt-form__label'>负责单位</Text>
      {category.crisisLane ? <Text className='rt-form__note'>这是危机干预通道的类别，必须指定负责单位。</Text> : null}
      <Chips
        label='负责单位'
        options={category.crisisLane ? owners.slice(1) : owners}
        selected={[d.ownerUnitId ?? '']}
        onToggle={(id) => set({ ownerUnitId: id || null })}
      />
      <Text className='rt-form__label'>答复时限（小时，留空为 24 小时）</Text>
      <Input className='rt-form__input rt-form__input--hours' aria-label='答复时限' type='number' value={d.answerHours} maxlength={2} onInput={(e) => set({ answerHours: e.detail.value })} />
      <Input className='rt-form__input rt-form__reason' aria-label='修改原因' placeholder='修改原因（选填，记入操作日志）' maxlength={200} value={d.reason} onInput={(e) => set({ reason: e.detail.value })} />
      {shown.map((e) => (
        <Text key={e} className='rt-form__error'>{e}</Text>
      ))}
      <Failure failure={common.failure} onReload={common.onReload} />
      <Actions busy={common.busy} onSave={save} onCancel={common.onCancel} />
    </View>
  );
}
