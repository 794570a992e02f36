import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import type { Me } from '@shared/contracts/me.contract';
import type { RoutingCategory, RoutingUnit } from '@shared/contracts/routing.contract';
import { UNIT_KIND_LABELS } from '@shared/domain/organisation';
import { canManageRouting, canReadRouting } from '@shared/domain/permissions';
import { usePullToReload } from '../../../hooks/use-pull-to-reload';
import { StateView } from '../../../components/state-view';
import { isRetryable } from '../../../services/api-error';
import { AccessGate, NoAccess, leavePage } from '../../components/access-gate';
import { OversightLinks } from '../../components/oversight-links';
import { CategoryEditor, NewUnitForm, UnitEditor } from '../../components/routing/editors';
import { useRouting } from '../../hooks/use-routing';
import { formatDateTime } from '../../../utils/time';
import './index.scss';

export const ROUTING_DENIED = '单位与分类仅限学校管理员、协管和主管老师查看，由学校管理员修改。';

/** The unit tree in reading order: the school committee, each college with its branches, then the departments. */
export function unitTree(units: readonly RoutingUnit[]): { unit: RoutingUnit; depth: number }[] {
  const byOrder = (a: RoutingUnit, b: RoutingUnit) => a.order - b.order || a.name.localeCompare(b.name);
  const out: { unit: RoutingUnit; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (u: RoutingUnit, depth: number) => {
    if (seen.has(u.id)) return;
    seen.add(u.id);
    out.push({ unit: u, depth });
    units.filter((c) => c.parentId === u.id && c.kind !== 'department').sort(byOrder).forEach((c) => walk(c, depth + 1));
  };
  units.filter((u) => u.parentId === null && u.kind !== 'department').sort(byOrder).forEach((u) => walk(u, 0));
  units.filter((u) => u.kind === 'department').sort(byOrder).forEach((u) => walk(u, 0));
  units.filter((u) => !seen.has(u.id)).sort(byOrder).forEach((u) => walk(u, 0));
  return out;
}

const WEBHOOK_SOURCE: Record<'unit' | 'config', string> = { unit: '本单位设置', config: '部署配置' };

function UnitRow({ unit, depth, editable, onEdit }: { unit: RoutingUnit; depth: number; editable: boolean; onEdit: () => void }) {
  const hook = unit.fallbackWebhook;
  return (
    <View className={`rt-unit rt-unit--d${Math.min(depth, 2)}`}>
      <View className='rt-unit__head'>
        <Text className='rt-unit__name breakable'>{unit.name}</Text>
        <Text className='rt-unit__kind'>{UNIT_KIND_LABELS[unit.kind]}</Text>
        {editable ? <Text className='rt-unit__edit' onClick={onEdit}>编辑</Text> : null}
      </View>
      <Text className='rt-unit__line breakable'>
        紧急联系人：{unit.emergencyContacts.length ? unit.emergencyContacts.map((c) => `${c.label} ${c.phone}`).join('；') : '无'}
      </Text>
      <Text className='rt-unit__line breakable'>
        企业微信群：{hook.source ? `${WEBHOOK_SOURCE[hook.source]} ${hook.masked ?? ''}` : '未设置（提醒送不到时无处改发）'}
      </Text>
    </View>
  );
}

function CategoryRow({ c, ownerName, editable, onEdit }: { c: RoutingCategory; ownerName: string; editable: boolean; onEdit: () => void }) {
  return (
    <View className='rt-cat'>
      <View className='rt-unit__head'>
        <Text className='rt-unit__name'>{c.name}</Text>
        {c.crisisLane ? <Text className='rt-cat__crisis'>危机干预通道</Text> : null}
        {editable ? <Text className='rt-unit__edit' onClick={onEdit}>编辑</Text> : null}
      </View>
      {c.description ? <Text className='rt-unit__line breakable'>{c.description}</Text> : null}
      <Text className='rt-unit__line'>负责单位：{ownerName} · 答复时限：{c.answerHours ?? 24} 小时</Text>
      {c.updatedAt ? <Text className='rt-cat__when'>{formatDateTime(c.updatedAt)} 修改</Text> : null}
    </View>
  );
}

function Routing({ me }: { me: Me }) {
  const r = useRouting();
  const editable = canManageRouting(me);
  const [editing, setEditing] = useState<string | null>(null);
  usePullToReload(r.table.reload, r.table.loading);
  if (r.table.errorCode === 'AUTH.FORBIDDEN') return <NoAccess text={r.table.error ?? ROUTING_DENIED} />;

  const data = r.table.data;
  const close = () => {
    setEditing(null);
    r.clearFailure();
  };
  const reload = () => {
    close();
    r.table.reload();
  };
  const open = (key: string) => {
    r.clearFailure();
    r.clearDone();
    setEditing(key);
  };
  const nameOf = (id: string | null) => (id ? data?.units.find((u) => u.id === id)?.name ?? id : '按提问者所选学院');
  // An edit's confirmation heads the page; a creation's stays by the list it added to (on a phone the units come after the categories).
  const doneAt = (where: 'top' | 'new-category' | 'new-unit') =>
    r.done && (r.done.key.startsWith('new-') ? r.done.key === where : where === 'top') ? <Text className='routing__done'>✓ {r.done.text}</Text> : null;
  const NEW_NOTE = '新增后只对之后的新提问生效，已经提出的问题不受影响；记入操作日志。';

  return (
    <View className='routing'>
      <View className='routing__intro'>
        <Text className='routing__title'>单位与分类</Text>
        <Text className='routing__hint'>
          问题按类别分给负责单位；没有指定单位的类别，分给提问者所选学院的团委。{editable ? '修改后' : '学校管理员修改后，'}只对之后的新提问生效：已经提出的问题保留原来的负责单位和答复时限。每次修改记入操作日志。
        </Text>
      </View>
      {doneAt('top')}

      {r.table.error ? (
        <StateView
          kind='error'
          title={r.table.error}
          actions={[
            ...(isRetryable(r.table.errorCode) ? [{ label: '重试', primary: true, onClick: r.table.reload }] : []),
            { label: '返回', onClick: leavePage },
          ]}
        />
      ) : !data ? (
        <StateView kind='loading' title='加载中…' />
      ) : (
        <View className='routing__body'>
          <View className='routing__col'>
            <View className='routing__head'>
              <Text className='routing__section'>问题类别（{data.categories.length}）</Text>
              {editable && editing !== 'new-category' ? <Text className='routing__add' onClick={() => open('new-category')}>＋ 新增类别</Text> : null}
            </View>
            {doneAt('new-category')}
            {editing === 'new-category' ? (
              <View className='rt-cat rt-cat--editing rt-new'>
                <Text className='rt-unit__name'>新增类别</Text>
                <Text className='rt-new__note'>{NEW_NOTE}</Text>
                <CategoryEditor
                  categories={data.categories}
                  units={data.units}
                  busy={r.saving === 'new-category'}
                  failure={r.failure?.key === 'new-category' ? r.failure : null}
                  onCancel={close}
                  onReload={() => { r.clearFailure(); r.table.reload(); }}
                  onSave={(d) => void r.createCategory(d, nameOf(d.ownerUnitId)).then((ok) => ok && setEditing(null))}
                />
              </View>
            ) : null}
            {[...data.categories].sort((a, b) => a.order - b.order).map((c) =>
              editing === `category:${c.id}` ? (
                <View key={c.id} className='rt-cat rt-cat--editing'>
                  <Text className='rt-unit__name'>编辑类别「{c.name}」</Text>
                  <CategoryEditor
                    category={c}
                    units={data.units}
                    busy={r.saving === `category:${c.id}`}
                    failure={r.failure?.key === `category:${c.id}` ? r.failure : null}
                    onCancel={close}
                    onReload={reload}
                    onSave={(d) => void r.saveCategoryDraft(c, d).then((ok) => ok && setEditing(null))}
                  />
                </View>
              ) : (
                <CategoryRow key={c.id} c={c} ownerName={nameOf(c.ownerUnitId)} editable={editable} onEdit={() => open(`category:${c.id}`)} />
              ),
            )}
          </View>
          <View className='routing__col'>
            <View className='routing__head'>
              <Text className='routing__section'>单位（{data.units.length}）</Text>
              {editable && editing !== 'new-unit' ? <Text className='routing__add' onClick={() => open('new-unit')}>＋ 新增单位</Text> : null}
            </View>
            {doneAt('new-unit')}
            {editing === 'new-unit' ? (
              <View className='rt-unit rt-unit--editing rt-new'>
                <Text className='rt-unit__name'>新增单位</Text>
                <Text className='rt-new__note'>{NEW_NOTE}</Text>
                <NewUnitForm
                  units={data.units}
                  busy={r.saving === 'new-unit'}
                  failure={r.failure?.key === 'new-unit' ? r.failure : null}
                  onCancel={close}
                  onReload={() => { r.clearFailure(); r.table.reload(); }}
                  onSave={(d) => void r.createUnit(d, d.parentId ? nameOf(d.parentId) : null).then((ok) => ok && setEditing(null))}
                />
              </View>
            ) : null}
            {unitTree(data.units).map(({ unit, depth }) =>
              editing === `unit:${unit.id}` ? (
                <View key={unit.id} className='rt-unit rt-unit--editing'>
                  <Text className='rt-unit__name'>编辑「{unit.name}」</Text>
                  <UnitEditor
                    unit={unit}
                    busy={r.saving === `unit:${unit.id}`}
                    failure={r.failure?.key === `unit:${unit.id}` ? r.failure : null}
                    onCancel={close}
                    onReload={reload}
                    onSave={(d) => void r.saveUnitDraft(unit, d).then((ok) => ok && setEditing(null))}
                  />
                </View>
              ) : (
                <UnitRow key={unit.id} unit={unit} depth={depth} editable={editable} onEdit={() => open(`unit:${unit.id}`)} />
              ),
            )}
          </View>
        </View>
      )}
      <OversightLinks show={['people', 'entry', 'audit']} roles={me.roles} />
    </View>
  );
}

/**
 * 单位与分类 (路由表): which unit answers each category and within how long,
 * the unit tree with emergency contacts and WeCom groups. The school-wide roles
 * read it; the school admin edits it.
 */
export default function RoutingPage() {
  return (
    <AccessGate allows={canReadRouting} deniedText={ROUTING_DENIED}>
      {(me) => <Routing me={me} />}
    </AccessGate>
  );
}
