import { useState } from 'react';
import { View, Text, Button, Input } from '@tarojs/components';
import type { Category } from '@shared/contracts/catalog.contract';
import type { RosterPerson } from '@shared/contracts/roster.contract';
import { TEAMS, TEAM_LABELS, type Team } from '@shared/domain/organisation';
import type { RosterChange } from '../../../services/roster.service';
import { roleLabel } from '../../../utils/labels';
import { confirmAction } from '../../../utils/copy';
import { Chips } from '../chips';

type Membership = RosterPerson['memberships'][number];

const TEAM_OPTIONS = TEAMS.map((t) => ({ value: t, label: TEAM_LABELS[t] }));

interface Props {
  person: RosterPerson;
  categories: readonly Category[];
  /** The viewer may change people (unit admin, school admin); the server checks each unit. */
  canManage: boolean;
  saving: string | null;
  error: { key: string; text: string } | null;
  onUpdate: (key: string, change: RosterChange, doneText: string) => Promise<boolean>;
}

function MembershipEditor({ person, m, categories, busy, error, onUpdate, onClose }: {
  person: RosterPerson;
  m: Membership;
  categories: readonly Category[];
  busy: boolean;
  error: string | null;
  onUpdate: Props['onUpdate'];
  onClose: () => void;
}) {
  const [team, setTeam] = useState<Team | null>(m.team);
  const [cats, setCats] = useState<string[]>(m.categoryIds);
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<string | null>(null);
  const unchanged = team === m.team && cats.length === m.categoryIds.length && cats.every((c) => m.categoryIds.includes(c));
  const save = async () => {
    if (unchanged) {
      setLocal('团队和分工都没有变化');
      return;
    }
    setLocal(null);
    const ok = await onUpdate(
      `${person.personId}:${m.unitId}`,
      { personId: person.personId, unitId: m.unitId, team, categoryIds: cats, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      `已调整 ${person.name} 在「${m.unitName}」的团队和分工`,
    );
    if (ok) onClose();
  };
  return (
    <View className='person__editor'>
      <Text className='person__editor-label'>团队</Text>
      <Chips label='团队' options={TEAM_OPTIONS} selected={team ? [team] : []} onToggle={(t) => setTeam(t)} />
      <Text className='person__editor-label'>分工（负责答复的问题类别，可多选）</Text>
      <Chips
        label='分工'
        options={categories.map((c) => ({ value: c.id, label: c.name }))}
        selected={cats}
        onToggle={(id) => setCats((prev) => (prev.includes(id) ? prev.filter((x) => x !== id) : [...prev, id]))}
      />
      <Input className='person__reason' placeholder='调整原因（选填，记入操作日志）' maxlength={200} value={reason} onInput={(e) => setReason(e.detail.value)} />
      {local || error ? <Text className='person__error'>{local ?? error}</Text> : null}
      <View className='person__editor-actions'>
        <Button className='person__btn person__btn--primary' disabled={busy} loading={busy} onClick={() => void save()}>保存调整</Button>
        <Button className='person__btn' onClick={onClose}>取消</Button>
      </View>
    </View>
  );
}

/** One person of the roster: roles, number, and each membership with its team and 分工, 调整 and 停用 in place. */
export function PersonCard({ person, categories, canManage, saving, error, onUpdate }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  const nameOf = (id: string) => categories.find((c) => c.id === id)?.name ?? id;
  const toggleActive = async (m: Membership) => {
    const key = `${person.personId}:${m.unitId}`;
    if (m.active) {
      const ok = await confirmAction(
        '停用成员',
        `停用后，${person.name} 不再收到「${m.unitName}」的问题和提醒，也不计入达标人数。之后可以随时恢复。`,
        '停用',
      );
      if (!ok) return;
      await onUpdate(key, { personId: person.personId, unitId: m.unitId, active: false }, `已停用 ${person.name}（${m.unitName}）`);
    } else {
      await onUpdate(key, { personId: person.personId, unitId: m.unitId, active: true }, `已恢复 ${person.name}（${m.unitName}）`);
    }
  };
  return (
    <View className={`person ${person.active ? '' : 'person--inactive'}`}>
      <View className='person__head'>
        <Text className='person__name'>{person.name}</Text>
        <View className='person__roles'>
          {person.roles.filter((r) => r !== 'student').map((r) => (
            <Text key={r} className='person__role'>{roleLabel(r)}</Text>
          ))}
        </View>
      </View>
      <Text className='person__phone'>{person.phone ? `手机 ${person.phone}` : '未绑定手机号'}</Text>
      {person.memberships.map((m) => {
        const key = `${person.personId}:${m.unitId}`;
        return (
          <View key={m.unitId} className={`person__m ${m.active ? '' : 'person__m--off'}`}>
            <View className='person__m-head'>
              <Text className='person__unit breakable'>{m.unitName}</Text>
              {m.admin ? <Text className='person__tag'>管理员</Text> : null}
              {m.active ? null : <Text className='person__tag person__tag--off'>已停用</Text>}
            </View>
            <Text className='person__line'>
              {m.team ? TEAM_LABELS[m.team] : '未分团队'} · 分工：{m.categoryIds.length ? m.categoryIds.map(nameOf).join('、') : '未分配'}
            </Text>
            {error && error.key === key && editing !== key ? <Text className='person__error'>{error.text}</Text> : null}
            {canManage && editing !== key ? (
              <View className='person__actions'>
                {m.active ? <Text className='person__link' onClick={() => setEditing(key)}>调整团队与分工</Text> : null}
                <Text className={`person__link ${m.active ? 'person__link--danger' : ''}`} onClick={() => void toggleActive(m)}>
                  {saving === key ? '正在保存…' : m.active ? '停用' : '恢复'}
                </Text>
              </View>
            ) : null}
            {editing === key ? (
              <MembershipEditor
                person={person}
                m={m}
                categories={categories}
                busy={saving === key}
                error={error?.key === key ? error.text : null}
                onUpdate={onUpdate}
                onClose={() => setEditing(null)}
              />
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
