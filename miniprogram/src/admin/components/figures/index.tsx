import { View, Text } from '@tarojs/components';
import type { RosterTotals, StatFigures } from '@shared/contracts/statistics.contract';
import { StatTable, type Column } from '../stat-table';
import { duration, onTimeOf, percent, satisfiedOf, settledOf } from '../../utils/figures';
import './index.scss';

function Card({ label, value, sub, tone }: { label: string; value: string; sub?: string; tone?: 'bad' }) {
  return (
    <View className={`stat-card ${tone ? `stat-card--${tone}` : ''}`}>
      <Text className='stat-card__value'>{value}</Text>
      <Text className='stat-card__label'>{label}</Text>
      {sub ? <Text className='stat-card__sub'>{sub}</Text> : null}
    </View>
  );
}

/** The headline figures of a range or a report period: the three rates with their counts, and the rest. */
export function FigureCards({ figures: t, roster: r }: { figures: StatFigures; roster: RosterTotals }) {
  return (
    <View className='stat-cards' aria-label='总体数据'>
      <Card label='按时答复率' value={percent(t.onTimeRate)} sub={`按时 ${onTimeOf(t)}`} />
      <Card label='办结率' value={percent(t.resolutionRate)} sub={`办结 ${settledOf(t)}`} />
      <Card label='满意率' value={percent(t.satisfactionRate)} sub={`满意 ${satisfiedOf(t)}`} />
      <Card label='提问量' value={String(t.questions)} sub={`已答复 ${t.answeredQuestions}`} />
      <Card label='回答量' value={String(t.answers)} sub='含追问回复' />
      <Card label='首次答复中位时长' value={duration(t.medianFirstAnswerMinutes)} />
      <Card label='超时次数' value={String(t.missed)} sub={`当前超时未答 ${t.overdueOpen}`} tone={t.missed + t.overdueOpen > 0 ? 'bad' : undefined} />
      <Card label='专家 / 成员' value={`${r.experts} / ${r.members}`} sub='专帮青 / 在岗成员' />
      <Card label='典型案例' value={String(t.cases.online + t.cases.offline)} sub={`线上 ${t.cases.online} · 线下 ${t.cases.offline}`} />
    </View>
  );
}

export function Rate({ rate, of }: { rate: number | null; of: string }) {
  return (
    <View className='fig-rate'>
      <Text>{percent(rate)}</Text>
      <Text className='fig-rate__of'>{of}</Text>
    </View>
  );
}

export interface UnitLine {
  unitId: string;
  unitName: string;
  figures: StatFigures;
  roster: RosterTotals;
  place: number | null;
}

const UNIT_COLUMNS: Column<UnitLine>[] = [
  { key: 'place', label: '名次', width: 80, cell: (u) => (u.place === null ? <Text className='fig-muted'>未排名</Text> : <Text className='fig-place'>{u.place}</Text>) },
  { key: 'name', label: '单位', width: 230, cell: (u) => u.unitName },
  { key: 'onTime', label: '按时答复率', width: 150, numeric: true, cell: (u) => <Rate rate={u.figures.onTimeRate} of={onTimeOf(u.figures)} /> },
  { key: 'missed', label: '超时', width: 90, numeric: true, cell: (u) => <Text className={u.figures.missed > 0 ? 'fig-bad' : ''}>{u.figures.missed}</Text> },
  { key: 'satisfaction', label: '满意率', width: 140, numeric: true, cell: (u) => <Rate rate={u.figures.satisfactionRate} of={satisfiedOf(u.figures)} /> },
  { key: 'resolution', label: '办结率', width: 140, numeric: true, cell: (u) => <Rate rate={u.figures.resolutionRate} of={settledOf(u.figures)} /> },
  { key: 'questions', label: '提问', width: 90, numeric: true, cell: (u) => u.figures.questions },
  { key: 'answers', label: '回答', width: 90, numeric: true, cell: (u) => u.figures.answers },
  { key: 'overdue', label: '当前超时', width: 120, numeric: true, cell: (u) => u.figures.overdueOpen },
  { key: 'median', label: '首答中位', width: 140, numeric: true, cell: (u) => duration(u.figures.medianFirstAnswerMinutes) },
  { key: 'roster', label: '专家/成员', width: 130, numeric: true, cell: (u) => `${u.roster.experts}/${u.roster.members}` },
  { key: 'cases', label: '案例 线上/线下', width: 170, numeric: true, cell: (u) => `${u.figures.cases.online}/${u.figures.cases.offline}` },
];

/** Every unit's line, ranked (评优), with the figures behind each place. */
export function UnitTable({ rows, label = '各单位统计' }: { rows: readonly UnitLine[]; label?: string }) {
  return (
    <StatTable label={label} columns={UNIT_COLUMNS} rows={rows} rowKey={(u) => u.unitId} highlight={(u) => u.figures.missed > 0 || u.figures.overdueOpen > 0} emptyText='没有可统计的单位' />
  );
}
