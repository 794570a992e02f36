import Taro, { useRouter } from '@tarojs/taro';
import { View, Text, Button } from '@tarojs/components';
import type { Me } from '@shared/contracts/me.contract';
import type { ReportSummary } from '@shared/contracts/report.contract';
import { canReadStatistics } from '@shared/domain/permissions';
import { usePullToReload } from '../../../hooks/use-pull-to-reload';
import { useReshow } from '../../../hooks/use-reshow';
import { useNow } from '../../../hooks/use-now';
import { StateView } from '../../../components/state-view';
import { isRetryable } from '../../../services/api-error';
import { routes } from '../../../utils/routes';
import { formatDateTime } from '../../../utils/time';
import { AccessGate, NoAccess, leavePage } from '../../components/access-gate';
import { OversightLinks } from '../../components/oversight-links';
import { Chips } from '../../components/chips';
import { useReportList } from '../../hooks/use-biweekly';
import { ReportStateTags } from '../../components/report-tags';
import { percent } from '../../utils/figures';
import './index.scss';

export const REPORTS_DENIED = '双周报仅限单位管理员、协管、主管老师和学校管理员查看。';

function ReportRow({ r, now, canUrge, urging, onUrge }: { r: ReportSummary; now: number; canUrge: boolean; urging: boolean; onUrge: () => void }) {
  return (
    <View className={`report-row ${r.state === 'draft' && r.late ? 'report-row--late' : ''}`} onClick={() => void Taro.navigateTo({ url: routes.report(r.id) })}>
      <View className='report-row__head'>
        <Text className='report-row__name'>{r.unitName}</Text>
        <ReportStateTags r={r} />
      </View>
      <Text className='report-row__figs'>
        提问 {r.questions} · 按时答复率 {percent(r.onTimeRate)} · 超时 {r.missed}
      </Text>
      <Text className='report-row__meta'>
        {r.state === 'submitted' && r.submittedAt !== null
          ? `${r.submittedByName ?? ''} 于 ${formatDateTime(r.submittedAt, now)} 提交`
          : r.urgeCount > 0 && r.lastUrgedAt !== null
            ? `已催交 ${r.urgeCount} 次，最近 ${formatDateTime(r.lastUrgedAt, now)}`
            : '尚未提交'}
      </Text>
      {canUrge && r.state === 'draft' && r.scope === 'unit' ? (
        <View className='report-row__foot' onClick={(e) => e.stopPropagation()}>
          <Button className='report-row__urge' disabled={urging || undefined} onClick={onUrge}>
            {urging ? '催交中…' : '催交'}
          </Button>
        </View>
      ) : null}
    </View>
  );
}

function Reports({ me }: { me: Me }) {
  const router = useRouter();
  const list = useReportList(router.params.period || undefined);
  const now = useNow(60_000);
  usePullToReload(list.reload, list.loading);
  useReshow(list.reload);
  if (list.errorCode === 'AUTH.FORBIDDEN') return <NoAccess text={list.error ?? REPORTS_DENIED} />;
  const data = list.data;
  const period = data?.period ?? null;
  const progress = data?.periods.find((p) => p.key === period?.key);
  const drafts = data?.items.filter((r) => r.state === 'draft' && r.scope === 'unit') ?? [];

  return (
    <View className='reports'>
      <View className='reports__intro'>
        <Text className='reports__title'>双周报</Text>
        <Text className='reports__hint'>
          每月 12 日、26 日 0 点自动生成上一期的数据、超时问题、重复问题和典型案例；各单位填写「存在问题与工作建议」后，于 13 日、27 日 0 点前提交。
        </Text>
        {data && data.periods.length > 1 ? (
          <View className='reports__periods'>
            <Chips
              label='报告期'
              options={data.periods.map((p) => ({ value: p.key, label: `${p.label}（${p.submitted}/${p.total}）` }))}
              selected={[period?.key ?? '']}
              onToggle={list.setPeriod}
            />
          </View>
        ) : null}
        {period ? (
          <Text className='reports__summary'>
            {period.label} · 截止 {formatDateTime(period.dueAt, now)}
            {progress ? ` · 已提交 ${progress.submitted}/${progress.total}` : ''}
          </Text>
        ) : null}
        {data?.viewerCanUrge && drafts.length > 0 ? (
          <Button className='btn-primary reports__urge' disabled={list.urging !== null || undefined} onClick={() => void list.urge()}>
            {list.urging === 'all' ? '催交中…' : `催交未提交的 ${drafts.length} 个单位`}
          </Button>
        ) : null}
        {list.urgeResult ? <Text className={`reports__result ${list.urgeResult.error ? 'reports__result--error' : ''}`}>{list.urgeResult.text}</Text> : null}
      </View>

      {list.error && !data ? (
        <StateView
          kind='error'
          title={list.error}
          actions={[...(isRetryable(list.errorCode) ? [{ label: '重试', onClick: list.reload, primary: true }] : []), { label: '返回', onClick: leavePage }]}
        />
      ) : !data ? (
        <StateView kind='loading' title='加载中…' />
      ) : data.items.length === 0 ? (
        <StateView
          kind='empty'
          title='还没有双周报'
          text='双周报在每月 12 日和 26 日 0 点自动生成，生成后在这里填写和提交。'
          actions={[{ label: '查看数据统计', onClick: () => void Taro.navigateTo({ url: routes.stats }), primary: true }]}
        />
      ) : (
        <View className='reports__list'>
          {data.items.map((r) => (
            <ReportRow key={r.id} r={r} now={now} canUrge={data.viewerCanUrge} urging={list.urging === r.unitId} onUrge={() => void list.urge(r.unitId ?? undefined)} />
          ))}
        </View>
      )}
      <OversightLinks show={['stats', 'cases', 'performance']} roles={me.roles} />
    </View>
  );
}

/**
 * 双周报 (BUCM §八.二): the reports of a period and who has submitted; the
 * school-wide roles 催交 the units that have not. A unit admin sees their units'.
 */
export default function ReportsPage() {
  return (
    <AccessGate allows={canReadStatistics} deniedText={REPORTS_DENIED}>
      {(me) => <Reports me={me} />}
    </AccessGate>
  );
}
