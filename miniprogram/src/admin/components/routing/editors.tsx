import { useState } from 'react';
import { View, Text, Button, Input } from '@tarojs/components';
import type { RoutingCategory, RoutingUnit } from '@shared/contracts/routing.contract';
import { MAX_SCENE_UNIT_ID_LENGTH } from '@shared/domain/entry-scene';
import { UNIT_KIND_LABELS, type UnitKind } from '@shared/domain/organisation';
import {
  blankCategoryDraft,
  blankUnitDraft,
  categoryDraftErrors,
  categoryDraftOf,
  newCategoryDraftErrors,
  newUnitDraftErrors,
  newUnitKinds,
  parentChoices,
  type NewUnitDraft,
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

function Actions({ busy, onSave, onCancel, saveLabel = '保存' }: { busy: boolean; onSave: () => void; onCancel: () => void; saveLabel?: string }) {
  return (
    <View className='rt-form__actions'>
      <Button className='rt-btn rt-btn--primary' loading={busy} disabled={busy} onClick={onSave}>{saveLabel}</Button>
      <Button className='rt-btn' onClick={onCancel}>取消</Button>
    </View>
  );
}

const WEBHOOK_MODES = [
  { value: 'keep' as const, label: '保持不变' },
  { value: 'set' as const, label: '换成新的机器人' },
  { value: 'clear' as const, label: '不单独设置' },
];

type Contact = { label: string; phone: string };

/** Up to 5 emergency contacts, each a name and a number. */
function ContactsInput({ contacts, onChange }: { contacts: Contact[]; onChange: (next: Contact[]) => void }) {
  const setContact = (i: number, patch: Partial<Contact>) => onChange(contacts.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <>
      {contacts.map((c, i) => (
        <View key={i} className='rt-form__contact'>
          <Input className='rt-form__input rt-form__input--label' aria-label={`联系人${i + 1}名称`} placeholder='如 保卫处24小时值班' value={c.label} maxlength={30} onInput={(e) => setContact(i, { label: e.detail.value })} />
          <Input className='rt-form__input rt-form__input--phone' aria-label={`联系人${i + 1}电话`} placeholder='电话' value={c.phone} maxlength={25} onInput={(e) => setContact(i, { phone: e.detail.value })} />
          <Text className='rt-form__link rt-form__link--danger' onClick={() => onChange(contacts.filter((_, j) => j !== i))}>删除</Text>
        </View>
      ))}
      {contacts.length < 5 ? <Text className='rt-form__link' onClick={() => onChange([...contacts, { label: '', phone: '' }])}>＋ 添加联系人</Text> : null}
    </>
  );
}

/** 编辑单位: names, emergency contacts, the WeCom group robot (kept unless changed: only its masked form is shown). */
export function UnitEditor({ unit, onSave, ...common }: Common & { unit: RoutingUnit; onSave: (d: UnitDraft) => void }) {
  const [d, setD] = useState<UnitDraft>(() => unitDraftOf(unit));
  const [shown, setShown] = useState<string[]>([]);
  const set = (patch: Partial<UnitDraft>) => setD((prev) => ({ ...prev, ...patch }));
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
      <ContactsInput contacts={d.contacts} onChange={(contacts) => set({ contacts })} />
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

/**
 * 编辑类别 or, without a category, 新增类别: name, description, owning unit
 * (or the asker's college), answer window. A new category is never the crisis
 * lane (there is one, edited in place).
 */
export function CategoryEditor({ category, categories = [], units, onSave, ...common }: Common & {
  category?: RoutingCategory;
  /** When creating: the names already taken. */
  categories?: readonly RoutingCategory[];
  units: readonly RoutingUnit[];
  onSave: (d: CategoryDraft) => void;
}) {
  const [d, setD] = useState<CategoryDraft>(() => (category ? categoryDraftOf(category) : blankCategoryDraft()));
  const [shown, setShown] = useState<string[]>([]);
  const set = (patch: Partial<CategoryDraft>) => setD((prev) => ({ ...prev, ...patch }));
  const owners = [{ value: '', label: '按提问者所选学院' }, ...units.filter((u) => u.kind !== 'branch').map((u) => ({ value: u.id, label: u.shortName }))];
  const crisis = category?.crisisLane === true;
  const save = () => {
    const errors = category ? categoryDraftErrors(d) : newCategoryDraftErrors(d, categories);
    setShown(errors);
    if (errors.length === 0) onSave(d);
  };
  return (
    <View className='rt-form'>
      <Text className='rt-form__label'>类别名称</Text>
      <Input className='rt-form__input' aria-label='类别名称' placeholder={category ? '' : '如 法律援助（学生提问时看到的名字）'} value={d.name} maxlength={20} onInput={(e) => set({ name: e.detail.value })} />
      <Text className='rt-form__label'>说明{category ? '' : '（选填，60 字以内）'}</Text>
      <Input className='rt-form__input' aria-label='类别说明' placeholder={category ? '' : '如 合同、租房、维权咨询'} value={d.description} maxlength={60} onInput={(e) => set({ description: e.detail.value })} />
      <Text className='rt-form__label'>负责单位</Text>
      {crisis ? <Text className='rt-form__note'>这是危机干预通道的类别，必须指定负责单位。</Text> : null}
      {!category ? <Text className='rt-form__note'>选「按提问者所选学院」时，问题分给提问者所选学院的团委。</Text> : null}
      <Chips
        label='负责单位'
        options={crisis ? owners.slice(1) : owners}
        selected={[d.ownerUnitId ?? '']}
        onToggle={(id) => set({ ownerUnitId: id || null })}
      />
      <Text className='rt-form__label'>答复时限（小时，留空为 24 小时）</Text>
      <Input className='rt-form__input rt-form__input--hours' aria-label='答复时限' type='number' placeholder='24' value={d.answerHours} maxlength={2} onInput={(e) => set({ answerHours: e.detail.value })} />
      <Input className='rt-form__input rt-form__reason' aria-label={category ? '修改原因' : '新增原因'} placeholder={category ? '修改原因（选填，记入操作日志）' : '新增原因（选填，记入操作日志）'} maxlength={200} value={d.reason} onInput={(e) => set({ reason: e.detail.value })} />
      {shown.map((e) => (
        <Text key={e} className='rt-form__error'>{e}</Text>
      ))}
      <Failure failure={common.failure} onReload={common.onReload} />
      <Actions busy={common.busy} onSave={save} onCancel={common.onCancel} saveLabel={category ? '保存' : '确认新增'} />
    </View>
  );
}

/**
 * 新增单位: its kind and where it sits (a college under the school committee,
 * a branch under a college, a department at the top or under the school
 * committee), names, an optional id (the scene `c=<id>` of a college's
 * mini-program code), emergency contacts and an optional WeCom group robot.
 */
export function NewUnitForm({ units, onSave, ...common }: Common & { units: readonly RoutingUnit[]; onSave: (d: NewUnitDraft) => void }) {
  const [d, setD] = useState<NewUnitDraft>(() => blankUnitDraft(units.some((u) => u.kind === 'school') ? 'college' : 'school', units));
  const [shown, setShown] = useState<string[]>([]);
  const set = (patch: Partial<NewUnitDraft>) => setD((prev) => ({ ...prev, ...patch }));
  const kinds = newUnitKinds(units).map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }));
  const parents = parentChoices(d.kind, units);
  const parentOptions = [...(d.kind === 'department' ? [{ value: '', label: '不设上级' }] : []), ...parents.map((u) => ({ value: u.id, label: u.shortName }))];
  const pickKind = (kind: UnitKind) => setD((prev) => ({ ...blankUnitDraft(kind, units), name: prev.name, shortName: prev.shortName, id: prev.id, contacts: prev.contacts, webhook: prev.webhook, reason: prev.reason }));
  const save = () => {
    const errors = newUnitDraftErrors(d, units);
    setShown(errors);
    if (errors.length === 0) onSave(d);
  };
  return (
    <View className='rt-form'>
      <Text className='rt-form__label'>类型</Text>
      <Chips label='单位类型' options={kinds} selected={[d.kind]} onToggle={pickKind} />
      {parentOptions.length > 0 ? (
        <>
          <Text className='rt-form__label'>上级单位</Text>
          <Chips label='上级单位' options={parentOptions} selected={d.parentId === null ? (d.kind === 'department' ? [''] : []) : [d.parentId]} onToggle={(id) => set({ parentId: id || null })} />
        </>
      ) : null}
      {d.kind === 'branch' && parents.length === 0 ? <Text className='rt-form__note'>还没有学院团委：请先新增学院团委。</Text> : null}
      <Text className='rt-form__label'>名称</Text>
      <Input className='rt-form__input' aria-label='单位名称' placeholder={d.kind === 'college' ? '如 法学院团委' : d.kind === 'branch' ? '如 法学2401班团支部' : '如 心理健康教育中心'} value={d.name} maxlength={40} onInput={(e) => set({ name: e.detail.value })} />
      <Text className='rt-form__label'>简称（学生选择时看到的名字）</Text>
      <Input className='rt-form__input' aria-label='简称' placeholder={d.kind === 'college' ? '如 法学院' : ''} value={d.shortName} maxlength={30} onInput={(e) => set({ shortName: e.detail.value })} />
      <Text className='rt-form__label'>编号（选填）</Text>
      <Text className='rt-form__note'>英文字母、数字、- 和 _，不超过 {MAX_SCENE_UNIT_ID_LENGTH} 个字符，用在学院入口链接和小程序码里，建好后不能修改；留空自动生成。</Text>
      <Input className='rt-form__input' aria-label='单位编号' placeholder='如 c-law' value={d.id} maxlength={MAX_SCENE_UNIT_ID_LENGTH + 10} onInput={(e) => set({ id: e.detail.value })} />
      <Text className='rt-form__label'>紧急联系人（提问页开启紧急求助时显示，最多 5 个）</Text>
      <ContactsInput contacts={d.contacts} onChange={(contacts) => set({ contacts })} />
      <Text className='rt-form__label'>企业微信群机器人（选填，答复人收不到提醒时改发到群里）</Text>
      <Input className='rt-form__input' aria-label='机器人地址' placeholder='https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…' value={d.webhook} onInput={(e) => set({ webhook: e.detail.value })} />
      <Input className='rt-form__input rt-form__reason' aria-label='新增原因' placeholder='新增原因（选填，记入操作日志）' maxlength={200} value={d.reason} onInput={(e) => set({ reason: e.detail.value })} />
      {shown.map((e) => (
        <Text key={e} className='rt-form__error'>{e}</Text>
      ))}
      <Failure failure={common.failure} onReload={common.onReload} />
      <Actions busy={common.busy} onSave={save} onCancel={common.onCancel} saveLabel='确认新增' />
    </View>
  );
}
