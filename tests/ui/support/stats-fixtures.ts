import type { StatFigures, UnitStats, PersonStats, TrendDay } from '@shared/contracts/statistics.contract';
import type { ReportDetail, ReportSummary } from '@shared/contracts/report.contract';
import type { StatsOverview, StatsPeople, StatsUnits } from '../../../miniprogram/src/services/stats.service';
import type { ReportList } from '../../../miniprogram/src/services/report.service';
import { DAY_MS } from '@shared/domain/statistics';
import { NOW } from './fixtures';

export function figures(overrides: Partial<StatFigures> = {}): StatFigures {
  return {
    questions: 10,
    answers: 12,
    answeredQuestions: 8,
    onTime: 6,
    late: 1,
    overdueOpen: 1,
    waiting: 1,
    settled: 5,
    rated: 4,
    satisfied: 3,
    missed: 2,
    onTimeRate: 0.75,
    resolutionRate: 0.5,
    satisfactionRate: 0.75,
    medianFirstAnswerMinutes: 192,
    cases: { online: 2, offline: 1 },
    ...overrides,
  };
}

const range = (from: string, to: string, days: number) => ({ from, to, fromAt: NOW - days * DAY_MS, toAt: NOW + DAY_MS, days, asOf: NOW });

export function trendDay(day: string, overrides: Partial<TrendDay> = {}): TrendDay {
  return { day, questions: 2, answers: 3, answeredQuestions: 2, onTime: 2, late: 0, overdueOpen: 0, missed: 0, settled: 1, onTimeRate: 1, ...overrides };
}

export function overview(all = true, unitIds: string[] = []): StatsOverview {
  return {
    range: range('2026-02-01', '2026-03-02', 30),
    scope: { all, unitIds },
    totals: figures(),
    roster: { experts: 7, members: 31 },
    trend: [trendDay('2026-03-01'), trendDay('2026-03-02', { questions: 4, answers: 1, onTimeRate: 0.5, onTime: 1, overdueOpen: 1 })],
  };
}

export function unitStats(overrides: Partial<UnitStats> = {}): UnitStats {
  return { unitId: 'u-cs', unitName: '计算机学院团委', kind: 'college', figures: figures(), roster: { experts: 3, members: 12 }, place: 1, ...overrides };
}

export function units(list: UnitStats[] = [
  unitStats({ unitId: 'u-med', unitName: '医学院团委', figures: figures({ onTime: 4, late: 0, overdueOpen: 0, onTimeRate: 1, missed: 0 }), place: 1 }),
  unitStats({ place: 2 }),
  unitStats({ unitId: 'u-logistics', unitName: '后勤服务中心', kind: 'department', figures: figures({ onTime: 0, late: 0, overdueOpen: 0, onTimeRate: null, missed: 0, questions: 0 }), place: null }),
]): StatsUnits {
  return { range: range('2026-02-01', '2026-03-02', 30), rankedBy: ['onTimeRate', 'missed', 'satisfactionRate', 'resolutionRate', 'answers'], units: list };
}

export function person(overrides: Partial<PersonStats> = {}): PersonStats {
  return { key: 'p1', name: '任智宇', unitNames: ['计算机学院团委'], teamLabels: ['专帮青'], answers: 9, officialAnswers: 6, officialOnTime: 5, onTimeRate: 0.8333, likesReceived: 0, place: 1, ...overrides };
}

export function people(list: PersonStats[] = [person(), person({ key: 'p2', name: '周雨桐', answers: 4, officialAnswers: 4, officialOnTime: 4, onTimeRate: 1, place: 2 })]): StatsPeople {
  return { range: range('2026-02-01', '2026-03-02', 30), rankedBy: ['answers', 'onTimeRate', 'officialAnswers'], likesCounted: false, people: list };
}

const period = { key: '2026-02-26', from: NOW - 18 * DAY_MS, to: NOW - 4 * DAY_MS, dueAt: NOW - 3 * DAY_MS, label: '2月12日—2月25日' };

export function reportSummary(overrides: Partial<ReportSummary> = {}): ReportSummary {
  return {
    id: 'r-cs',
    period,
    scope: 'unit',
    unitId: 'u-cs',
    unitName: '计算机学院团委',
    state: 'draft',
    submittedAt: null,
    submittedByName: null,
    late: false,
    lastUrgedAt: null,
    urgeCount: 0,
    questions: 10,
    onTimeRate: 0.75,
    missed: 2,
    version: 1,
    ...overrides,
  };
}

export function reportList(items: ReportSummary[], viewerCanUrge = true): ReportList {
  return {
    period,
    periods: [
      { key: '2026-02-26', label: '2月12日—2月25日', total: items.length, submitted: items.filter((r) => r.state === 'submitted').length },
      { key: '2026-02-12', label: '1月26日—2月11日', total: 3, submitted: 3 },
    ],
    items,
    viewerCanUrge,
  };
}

export function reportDetail(overrides: Partial<ReportDetail> = {}): ReportDetail {
  return {
    ...reportSummary(),
    content: {
      figures: figures(),
      roster: { experts: 3, members: 12 },
      overdue: [
        { questionId: 'q9', title: '实验室晚上几点关门？', unitId: 'u-cs', unitName: '计算机学院团委', askedAt: NOW - 10 * DAY_MS, escalatedAt: NOW - 9 * DAY_MS, holderName: '任智宇', answeredAt: null, answeredByName: null },
      ],
      repeated: [{ candidateId: 'fc1', questionCount: 3, titles: ['校园卡丢了怎么补办？', '补办校园卡去哪里？'], state: 'published', faqTitle: '校园卡补办' }],
      cases: [{ questionId: 'q3', title: '宿舍热水几点供应？', kind: 'offline', writeUp: '协调后勤延长热水供应时间到 23 点。', unitName: '计算机学院团委', markedAt: NOW - 5 * DAY_MS, markedByName: '高鹏' }],
      units: [],
    },
    problems: '',
    generatedAt: NOW - 4 * DAY_MS,
    updatedAt: NOW - 4 * DAY_MS,
    files: {
      xlsx: { url: 'https://files.example/reports/r-cs-v1.xlsx', fileName: '双周报-计算机学院团委-2026-02-26.xlsx' },
      docx: { url: 'https://files.example/reports/r-cs-v1.docx', fileName: '双周报-计算机学院团委-2026-02-26.docx' },
      version: 1,
      current: true,
    },
    viewerCanEdit: true,
    ...overrides,
  };
}
