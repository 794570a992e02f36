import { View, Text, Button, Input, Image } from '@tarojs/components';
import type { Category, Unit } from '@shared/contracts/catalog.contract';
import type { Invitation } from '@shared/contracts/roster.contract';
import { INVITATION_STATUS_LABELS } from '@shared/domain/invitation';
import { TEAMS, TEAM_LABELS } from '@shared/domain/organisation';
import type { useInvites } from '../../hooks/use-roster';
import { ListFooter } from '../../../components/list-footer';
import { confirmAction, copyText } from '../../../utils/copy';
import { formatDateTime } from '../../../utils/time';
import { Chips } from '../chips';

type Invites = ReturnType<typeof useInvites>;

const TEAM_OPTIONS = TEAMS.map((t) => ({ value: t, label: TEAM_LABELS[t] }));
const DAYS_OPTIONS = [7, 14, 30].map((d) => ({ value: d, label: `${d} 天` }));
const USES_OPTIONS = [
  { value: 1, label: '1 人' },
  { value: 5, label: '5 人' },
  { value: 30, label: '30 人（海报）' },
];

function CodeImage({ state }: { state: Invites['codes'][string] | undefined }) {
  if (!state) return null;
  if (state === 'loading') return <Text className='invite__muted'>正在生成小程序码…</Text>;
  if ('error' in state) return <Text className='invite__error'>{state.error}</Text>;
  return (
    <View className='invite__qr'>
      <Image className='invite__qr-img' src={state.miniProgramCode.imageUrl} mode='aspectFit' showMenuByLongpress />
      <Text className='invite__muted'>微信扫码即打开加入页面。长按（电脑上右键）保存图片；图片链接 1 小时内有效，过期后重新打开即可。</Text>
    </View>
  );
}

function InvitationRow({ inv, inv: { status }, invites }: { inv: Invitation; invites: Invites }) {
  const cats = inv.categoryIds.length;
  const revoke = async () => {
    const ok = await confirmAction('撤销邀请', `撤销后，邀请码 ${inv.code} 不能再用来加入。已经加入的人不受影响。`, '撤销');
    if (ok) await invites.revoke(inv);
  };
  return (
    <View className={`invite ${status === 'open' ? '' : 'invite--closed'}`}>
      <View className='invite__head'>
        <Text className='invite__code'>{inv.code}</Text>
        <Text className={`invite__status invite__status--${status}`}>{INVITATION_STATUS_LABELS[status]}</Text>
      </View>
      <Text className='invite__line breakable'>
        {inv.unitName} · {TEAM_LABELS[inv.team]}{inv.role === 'unitAdmin' ? ' · 单位管理员' : ''}{cats ? ` · ${cats} 个分工` : ''}
        {inv.name ? ` · 给 ${inv.name}` : ''}
      </Text>
      <Text className='invite__meta'>
        {inv.createdByName} 发出 · 有效期至 {formatDateTime(inv.expiresAt)} · 已用 {inv.uses}/{inv.maxUses}
      </Text>
      {invites.rowError?.id === inv.id ? <Text className='invite__error'>{invites.rowError.text}</Text> : null}
      {status === 'open' ? (
        <View className='invite__actions'>
          <Text className='invite__link' onClick={() => copyText(inv.code, '邀请码')}>复制邀请码</Text>
          {invites.codes[inv.id] ? null : <Text className='invite__link' onClick={() => invites.showCode(inv.id)}>小程序码</Text>}
          <Text className='invite__link invite__link--danger' onClick={() => void revoke()}>撤销</Text>
        </View>
      ) : null}
      {status === 'open' ? <CodeImage state={invites.codes[inv.id]} /> : null}
    </View>
  );
}

interface Props {
  invites: Invites;
  units: readonly Unit[];
  categories: readonly Category[];
}

/** 邀请: a new invitation (unit, team, 分工, for whom, how long, how many) and the open ones. */
export function InvitePanel({ invites, units, categories }: Props) {
  const { draft, change, errors, issued } = invites;
  return (
    <View className='invites'>
      {issued ? (
        <View className='invite-issued'>
          <Text className='invite-issued__title'>✓ 邀请已生成</Text>
          <Text className='invite-issued__line breakable'>
            {issued.unitName} · {TEAM_LABELS[issued.team]} · 有效期至 {formatDateTime(issued.expiresAt)} · 可用 {issued.maxUses} 次
          </Text>
          <Text className='invite-issued__code'>{issued.code}</Text>
          <Text className='invite__muted'>把小程序码或邀请码发给受邀老师：在微信中扫码，或在「我的 → 加入答复团队」输入邀请码。</Text>
          <View className='invite__actions'>
            <Button className='person__btn person__btn--primary' onClick={() => copyText(issued.code, '邀请码')}>复制邀请码</Button>
            <Button className='person__btn' onClick={invites.closeIssued}>完成</Button>
          </View>
          <CodeImage state={invites.codes[issued.id]} />
        </View>
      ) : null}

      <View className='invite-form'>
        <Text className='invite-form__title'>发出新邀请</Text>
        <Text className='invite-form__label'>加入单位</Text>
        <Chips label='加入单位' options={units.map((u) => ({ value: u.id, label: u.shortName }))} selected={draft.unitId ? [draft.unitId] : []} onToggle={(id) => change({ unitId: id })} />
        {errors.unitId ? <Text className='invite__error'>{errors.unitId}</Text> : null}
        <Text className='invite-form__label'>团队</Text>
        <Chips label='团队' options={TEAM_OPTIONS} selected={draft.team ? [draft.team] : []} onToggle={(t) => change({ team: t })} />
        {errors.team ? <Text className='invite__error'>{errors.team}</Text> : null}
        <Text className='invite-form__label'>分工（选填，可多选）</Text>
        <Chips
          label='分工'
          options={categories.map((c) => ({ value: c.id, label: c.name }))}
          selected={draft.categoryIds}
          onToggle={(id) => change({ categoryIds: draft.categoryIds.includes(id) ? draft.categoryIds.filter((x) => x !== id) : [...draft.categoryIds, id] })}
        />
        <Text className='invite-form__label'>受邀人姓名（选填）</Text>
        <Input className='invite-form__input' placeholder='例如 孙明远' maxlength={20} value={draft.name} onInput={(e) => change({ name: e.detail.value })} />
        {errors.name ? <Text className='invite__error'>{errors.name}</Text> : null}
        <Text className='invite-form__label'>有效期</Text>
        <Chips label='有效期' options={DAYS_OPTIONS} selected={[draft.expiresInDays]} onToggle={(d) => change({ expiresInDays: d })} />
        <Text className='invite-form__label'>可加入人数</Text>
        <Chips label='可加入人数' options={USES_OPTIONS} selected={[draft.maxUses]} onToggle={(n) => change({ maxUses: n })} />
        {invites.issueError ? <Text className='invite__error'>{invites.issueError}</Text> : null}
        <Button className='btn-primary invite-form__submit' loading={invites.issuing} disabled={invites.issuing} onClick={() => void invites.issue()}>
          {invites.issuing ? '正在生成…' : '生成邀请码'}
        </Button>
      </View>

      <Text className='people__section'>已发出的邀请</Text>
      {invites.items.map((inv) => (
        <InvitationRow key={inv.id} inv={inv} invites={invites} />
      ))}
      <ListFooter
        loading={invites.list.loading}
        error={invites.list.error}
        hasMore={invites.list.hasMore}
        empty={invites.items.length === 0}
        emptyText='还没有发出的邀请'
        onMore={invites.list.loadMore}
        onRetry={invites.list.reload}
      />
    </View>
  );
}
