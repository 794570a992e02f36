import { useMemo, useState } from 'react';
import { View, Text } from '@tarojs/components';
import type { Me } from '@shared/contracts/me.contract';
import { canManageRoster, canReadRoster } from '@shared/domain/permissions';
import { useCatalog } from '../../../hooks/use-catalog';
import { usePullToReload } from '../../../hooks/use-pull-to-reload';
import { ListFooter } from '../../../components/list-footer';
import { AccessGate, NoAccess } from '../../components/access-gate';
import { OversightLinks } from '../../components/oversight-links';
import { Chips } from '../../components/chips';
import { TargetCards } from '../../components/people/targets';
import { PersonCard } from '../../components/people/person-card';
import { InvitePanel } from '../../components/people/invite-panel';
import { useInvites, useRoster } from '../../hooks/use-roster';
import { unitsInView } from '../../hooks/unit-scope';
import './index.scss';

export const PEOPLE_DENIED = '人员与分工仅限单位管理员、协管、主管老师和学校管理员使用。';

type Tab = 'people' | 'invites';

function People({ me }: { me: Me }) {
  const catalog = useCatalog();
  const canManage = canManageRoster(me);
  const [tab, setTab] = useState<Tab>('people');
  const [unitId, setUnitId] = useState<string | null>(null);
  const roster = useRoster(unitId);
  const invites = useInvites(unitId);
  const units = useMemo(() => unitsInView(me, catalog.data?.units ?? []), [me, catalog.data]);
  const active = tab === 'people' ? roster.list : invites.list;
  usePullToReload(active.reload, active.loading);
  if (active.errorCode === 'AUTH.FORBIDDEN') return <NoAccess text={active.error ?? PEOPLE_DENIED} />;

  const unitOptions = [{ value: '', label: '全部' }, ...units.map((u) => ({ value: u.id, label: u.shortName }))];
  return (
    <View className='people'>
      <View className='people__intro'>
        <Text className='people__title'>人员与分工</Text>
        <Text className='people__hint'>
          {canManage
            ? '本单位的答复人员、团队和分工。邀请新成员加入，调整团队与分工，或停用已离开的人员；每次调整记入操作日志。'
            : '各单位的答复人员、团队和分工（只读）。邀请和调整由各单位管理员和学校管理员进行。'}
        </Text>
        {canManage ? (
          <View className='people__tabs'>
            <Text className={`people__tab ${tab === 'people' ? 'people__tab--on' : ''}`} onClick={() => setTab('people')}>成员</Text>
            <Text className={`people__tab ${tab === 'invites' ? 'people__tab--on' : ''}`} onClick={() => setTab('invites')}>邀请</Text>
          </View>
        ) : null}
        {units.length > 1 ? (
          <View className='people__units'>
            <Chips label='单位' options={unitOptions} selected={[unitId ?? '']} onToggle={(id) => setUnitId(id || null)} />
          </View>
        ) : null}
      </View>

      {roster.done && tab === 'people' ? <Text className='people__done'>✓ {roster.done}</Text> : null}

      {tab === 'people' ? (
        <View className='people__body'>
          <View className='people__side'>
            <Text className='people__section'>各学院达标情况</Text>
            {roster.colleges.length ? (
              <TargetCards colleges={roster.colleges} onPick={units.length > 1 ? (id) => setUnitId(id) : undefined} />
            ) : (
              <Text className='people__muted'>{roster.list.loading ? '加载中…' : '所选单位不属于学院，没有达标要求'}</Text>
            )}
            <Text className='people__legend'>专帮青至少 5 人（浙江大学方案 §四.1）；工作人员 10–30 人（北京中医药大学方案 §八.二）。只计在岗人员，学院及其团支部合计。</Text>
          </View>
          <View className='people__main'>
            <Text className='people__section'>成员</Text>
            {roster.people.map((p) => (
              <PersonCard
                key={p.personId}
                person={p}
                categories={catalog.categories}
                canManage={canManage}
                saving={roster.saving}
                error={roster.error}
                onUpdate={roster.update}
              />
            ))}
            <ListFooter
              loading={roster.list.loading}
              error={roster.list.error}
              hasMore={roster.list.hasMore}
              empty={roster.people.length === 0}
              emptyText={canManage ? '还没有成员，可在「邀请」中发出邀请' : '还没有成员'}
              onMore={roster.list.loadMore}
              onRetry={roster.list.reload}
            />
          </View>
        </View>
      ) : (
        <InvitePanel invites={invites} units={units} categories={catalog.categories} />
      )}
      <OversightLinks show={['routing', 'entry', 'stats', 'reports', 'unreachable']} roles={me.roles} />
    </View>
  );
}

/**
 * 人员与分工: the roster of the units the viewer manages (a college admin: the
 * college and its branches; the school-wide roles: everyone), each college's
 * targets, 调整 and 停用 in place, and invitations (unit and school admins).
 */
export default function PeoplePage() {
  return (
    <AccessGate allows={canReadRoster} deniedText={PEOPLE_DENIED}>
      {(me) => <People me={me} />}
    </AccessGate>
  );
}
