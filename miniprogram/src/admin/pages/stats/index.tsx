import { useMemo, useState } from 'react';
import { View, Text, Button, Picker } from '@tarojs/components';
import type { Me } from '@shared/contracts/me.contract';
import type { PersonStats, TrendDay } from '@shared/contracts/statistics.contract';
import { canReadStatistics } from '@shared/domain/permissions';
import { usePullToReload } from '../../../hooks/use-pull-to-reload';
import { StateView } from '../../../components/state-view';
import { isRetryable } from '../../../services/api-error';
import { formatDateTime } from '../../../utils/time';
import { AccessGate, NoAccess, leavePage } from '../../components/access-gate';
import { OversightLinks } from '../../components/oversight-links';
import { Chips } from '../../components/chips';
import { F2Chart } from '../../components/chart';
import { StatTable, type Column } from '../../components/stat-table';
import { FigureCards, Rate, UnitTable } from '../../components/figures';
import { useStats, type StatsData } from '../../hooks/use-stats';
import { RANGE_PRESETS, chartName, onTimeOf, percent, shortDate, slashDate } from '../../utils/figures';
import './index.scss';

export const STATS_DENIED = '数据统计仅限单位管理员、协管、主管老师和学校管理员查看。';

/** 评优: what places are decided by, in words (stats.units `rankedBy`). */
const RANKING_WORDS: Record<string, string> = {
  onTimeRate: '按时答复率高',
  missed: '超时次数少',
  satisfactionRate: '满意率高',
  resolutionRate: '办结率高',
  answers: '回答量多',
  officialAnswers: '正式答复多',
};

const TREND_COLUMNS: Column<TrendDay>[] = [
  { key: 'day', label: '日期', width: 150, cell: (d) => shortDate(d.day) },
  { key: 'questions', label: '提问量', width: 110, numeric: true, cell: (d) => d.questions },
  { key: 'answers', label: '回答量', width: 110, numeric: true, cell: (d) => d.answers },
  { key: 'onTime', label: '按时/到期', width: 130, numeric: true, cell: (d) => onTimeOf(d) },
  { key: 'rate', label: '按时答复率', width: 140, numeric: true, cell: (d) => percent(d.onTimeRate) },
];

function Trend({ trend, label }: { trend: TrendDay[]; label: string }) {
  const [all, setAll] = useState(false);
  const spec = useMemo(
    () => ({
      kind: 'trend' as const,
      data: trend.flatMap((d) => [
        { day: slashDate(d.day), series: '提问量', value: d.questions },
        { day: slashDate(d.day), series: '回答量', value: d.answers },
      ]),
    }),
    [trend],
  );
  // Newest first in the table; a long range shows its last week until expanded.
  const rows = [...trend].reverse();
  const shown = all ? rows : rows.slice(0, 7);
  return (
    <View className='stats__block'>
      <Text className='stats__section'>每日提问与回答</Text>
      <F2Chart spec={spec} height={220} label={`${label}每日提问量与回答量趋势`} />
      <StatTable label='每日数据' columns={TREND_COLUMNS} rows={shown} rowKey={(d) => d.day} />
      {rows.length > 7 ? (
        <Text className='stats__more' onClick={() => setAll(!all)}>{all ? '只看最近 7 天' : `展开全部 ${rows.length} 天`}</Text>
      ) : null}
    </View>
  );
}

function Units({ data }: { data: StatsData }) {
  const units = data.units.units;
  const spec = useMemo(
    () => ({
      kind: 'bars' as const,
      unit: '%' as const,
      // Drawn top to bottom in ranking order (a transposed chart draws its first category at the bottom).
      data: units
        .filter((u) => u.figures.onTimeRate !== null)
        .map((u) => ({ label: chartName(u.unitName), value: Math.round((u.figures.onTimeRate ?? 0) * 1000) / 10 }))
        .reverse(),
    }),
    [units],
  );
  const ranked = data.units.rankedBy.map((k) => RANKING_WORDS[k] ?? k).join(' → ');
  return (
    <View className='stats__block'>
      <Text className='stats__section'>各单位排名（评优依据）</Text>
      {spec.data.length > 0 ? <F2Chart spec={spec} height={Math.max(160, spec.data.length * 34 + 50)} label='各单位按时答复率' /> : null}
      <UnitTable rows={units} />
      <Text className='stats__legend'>
        名次依次比较：{ranked}；数字完全相同的单位名次并列。区间内没有到期问题的单位不参与排名，列在最后。按时答复率 = 按时答复 ÷（按时 + 超时答复 + 超时未答）；办结率 = 已办结或已关闭 ÷ 提问量；满意率 = 满意 ÷ 已评价。
      </Text>
    </View>
  );
}

function peopleColumns(likes: boolean): Column<PersonStats>[] {
  return [
    { key: 'place', label: '名次', width: 80, cell: (p) => <Text className='fig-place'>{p.place}</Text> },
    { key: 'name', label: '姓名', width: 130, cell: (p) => p.name },
    { key: 'unit', label: '单位 · 团队', width: 260, cell: (p) => [p.unitNames.join('、'), p.teamLabels.join('、')].filter(Boolean).join(' · ') },
    { key: 'answers', label: '回答', width: 90, numeric: true, cell: (p) => p.answers },
    { key: 'official', label: '正式答复', width: 120, numeric: true, cell: (p) => p.officialAnswers },
    { key: 'onTime', label: '按时率', width: 140, numeric: true, cell: (p) => <Rate rate={p.onTimeRate} of={p.officialAnswers ? `${p.officialOnTime}/${p.officialAnswers}` : '—'} /> },
    ...(likes ? [{ key: 'likes', label: '获赞', width: 90, numeric: true, cell: (p: PersonStats) => p.likesReceived }] : []),
  ];
}

function People({ data }: { data: StatsData }) {
  const { people, likesCounted } = data.people;
  const [all, setAll] = useState(false);
  const shown = all ? people : people.slice(0, 10);
  return (
    <View className='stats__block'>
      <Text className='stats__section'>答复人员排名</Text>
      <StatTable label='答复人员统计' columns={peopleColumns(likesCounted)} rows={shown} rowKey={(p) => p.key} emptyText='区间内没有人答复' />
      {people.length > 10 ? (
        <Text className='stats__more' onClick={() => setAll(!all)}>{all ? '只看前 10 名' : `展开全部 ${people.length} 人`}</Text>
      ) : null}
      <Text className='stats__legend'>
        依次比较回答量、正式答复的按时率、正式答复数。{likesCounted ? '' : '答复点赞功能上线后再统计获赞数，目前不计入排名。'}
      </Text>
    </View>
  );
}

function Stats({ me }: { me: Me }) {
  const stats = useStats();
  usePullToReload(stats.reload, stats.loading);
  if (stats.errorCode === 'AUTH.FORBIDDEN') return <NoAccess text={stats.error ?? STATS_DENIED} />;
  const data = stats.data;
  const scope = data?.overview.scope;
  const unitNames = scope && !scope.all ? data.units.units.map((u) => u.unitName).join('、') : '';
  const scopeLabel = scope ? (scope.all ? '全校' : unitNames || '本单位') : '';
  const range = data?.overview.range;

  return (
    <View className='stats'>
      <View className='stats__intro'>
        <Text className='stats__title'>数据统计{scope && !scope.all ? ` · ${scopeLabel}` : ''}</Text>
        <Text className='stats__hint'>
          {scope && !scope.all
            ? '本单位的提问、答复、办结与满意情况，每个数字都从问题记录实时汇总。'
            : '全校及各单位的提问、答复、办结与满意情况，每个数字都从问题记录实时汇总；排名是评优的依据。'}
        </Text>
        <View className='stats__range'>
          <Chips label='统计区间' options={RANGE_PRESETS} selected={[stats.preset]} onToggle={stats.setPreset} />
        </View>
        {stats.preset === 'custom' ? (
          <View className='stats__custom'>
            <Picker mode='date' value={stats.draft.from ?? ''} onChange={(e) => stats.setDraft({ from: String(e.detail.value) })}>
              <Text className='stats__date' aria-label='开始日期'>{stats.draft.from || '开始日期'}</Text>
            </Picker>
            <Text className='stats__muted'>至</Text>
            <Picker mode='date' value={stats.draft.to ?? ''} onChange={(e) => stats.setDraft({ to: String(e.detail.value) })}>
              <Text className='stats__date' aria-label='结束日期'>{stats.draft.to || '结束日期'}</Text>
            </Picker>
            <Button className='btn-primary stats__apply' size='mini' onClick={stats.applyCustom}>查询</Button>
          </View>
        ) : null}
        {stats.rangeError ? <Text className='stats__error'>{stats.rangeError}</Text> : null}
        {range ? (
          <Text className='stats__summary'>
            {scopeLabel} · {shortDate(range.from)}—{shortDate(range.to)}（{range.days} 天）· 统计于 {formatDateTime(range.asOf, range.asOf)}
          </Text>
        ) : null}
      </View>

      {stats.error && !data ? (
        <StateView
          kind='error'
          title={stats.error}
          actions={[...(isRetryable(stats.errorCode) ? [{ label: '重试', onClick: stats.reload, primary: true }] : []), { label: '返回', onClick: leavePage }]}
        />
      ) : !data ? (
        <StateView kind='loading' title='正在汇总…' />
      ) : (
        <>
          {stats.error ? <Text className='stats__error stats__error--bar'>{stats.error}（显示的是上次的数据）</Text> : null}
          <FigureCards figures={data.overview.totals} roster={data.overview.roster} />
          <Units data={data} />
          <View className='stats__grid'>
            <Trend trend={data.overview.trend} label={scopeLabel} />
            <People data={data} />
          </View>
        </>
      )}

      <OversightLinks show={['reports', 'cases', 'performance', 'escalations', 'people']} roles={me.roles} />
    </View>
  );
}

/**
 * 数据统计 (BUCM §七 考核, §二 评优): the three rates and the figures behind
 * them for a range, the daily trend, every unit ranked and every responder
 * ranked. A unit admin sees their own units; the school-wide roles every unit.
 */
export default function StatsPage() {
  return (
    <AccessGate allows={canReadStatistics} deniedText={STATS_DENIED}>
      {(me) => <Stats me={me} />}
    </AccessGate>
  );
}
