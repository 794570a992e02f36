import { render, screen } from '@testing-library/react';
import QuestionPage from '../../miniprogram/src/pages/question/index';
import { Timeline } from '../../miniprogram/src/components/timeline';
import { getQuestion } from '../../miniprogram/src/services/question.service';
import { TIMELINE_EVENT_TYPES, type TimelineEntry, type TimelineEventType } from '@shared/contracts/question.contract';
import { HOUR_MS } from '@shared/domain/answer-deadline';
import { taroState } from './support/taro-double';
import { NOW, detail } from './support/fixtures';

jest.mock('../../miniprogram/src/services/question.service');

const EXPECTED: Record<TimelineEventType, string> = {
  ask: '提问',
  reply: '回复',
  answer: '官方答复',
  claim: '认领',
  transfer: '转办',
  startHandling: '开始办理',
  addProgress: '办理进展',
  resolve: '办结',
  publishNotice: '发布处理公告',
  rate: '评价',
  reopen: '重新办理',
  escalate: '超时升级',
  autoClose: '自动关闭',
  urge: '催办',
  moderate: '内容审核',
  markCase: '典型案例',
};

const entry = (type: TimelineEventType, i: number, extra: Partial<TimelineEntry> = {}): TimelineEntry => ({
  id: `t-${type}`,
  type,
  at: NOW - (20 - i) * HOUR_MS,
  actorName: `人${i}`,
  unitName: '后勤服务中心',
  fromStatus: null,
  toStatus: null,
  reason: `理由${i}`,
  internal: false,
  ...extra,
});

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  taroState.params = { id: 'q1' };
});

test('every timeline event type reads in Chinese, with the unit and the reason', () => {
  const entries = TIMELINE_EVENT_TYPES.map((t, i) => entry(t, i));
  render(<Timeline entries={entries} now={NOW} />);
  const steps = Array.from(document.querySelectorAll('.timeline__what')).map((n) => n.textContent);
  expect(steps).toEqual(TIMELINE_EVENT_TYPES.map((t) => EXPECTED[t]));
  TIMELINE_EVENT_TYPES.forEach((_, i) => expect(screen.getByText(`理由${i}`)).toBeTruthy());
  expect(screen.getByText('人0 提问 · 转至「后勤服务中心」')).toBeTruthy();
  expect(screen.getByText(`人${TIMELINE_EVENT_TYPES.indexOf('transfer')} 转办 · 转至「后勤服务中心」`)).toBeTruthy();
  expect(screen.getByText(`人${TIMELINE_EVENT_TYPES.indexOf('answer')} · 后勤服务中心`)).toBeTruthy();
});

test('the lines read naturally: the asker is never shown as a member of the unit their question went to', () => {
  const unit = '计算机科学与技术学院团委';
  render(
    <Timeline
      now={NOW}
      entries={[
        entry('ask', 0, { actorName: '张晓雨', unitName: unit }),
        entry('reopen', 1, { actorName: '张晓雨', unitName: unit }),
        entry('rate', 2, { actorName: '张晓雨', unitName: unit }),
        entry('escalate', 3, { actorName: '系统', unitName: unit }),
        entry('urge', 4, { actorName: '王钰铭', unitName: unit }),
      ]}
    />,
  );
  const lines = Array.from(document.querySelectorAll('.timeline__who')).map((n) => n.textContent);
  expect(lines).toEqual([
    `张晓雨 提问 · 转至「${unit}」`,
    `张晓雨 重新打开 · 交回「${unit}」`,
    '张晓雨 评价',
    `「${unit}」超过时限未答复 · 转协管督办`,
    `王钰铭 催办「${unit}」`,
  ]);
  expect(lines.some((l) => l === `张晓雨 · ${unit}`)).toBe(false);
});

test('the public, who are not told the asker\'s name, read "同学提问"', () => {
  render(<Timeline now={NOW} viewer='public' entries={[entry('ask', 0, { actorName: '提问同学', unitName: '后勤服务中心' })]} />);
  expect(screen.getByText('同学提问 · 转至「后勤服务中心」')).toBeTruthy();
});

test('a system step without a person or unit still shows what happened', () => {
  render(<Timeline entries={[entry('autoClose', 0, { actorName: '系统', unitName: null, reason: null, internal: false })]} now={NOW} />);
  expect(screen.getByText('自动关闭')).toBeTruthy();
  expect(screen.getByText('系统 · 超过期限未评价，自动关闭')).toBeTruthy();
});

test('an escalated, still unanswered question tells the asker the coordinator is on it', async () => {
  jest.mocked(getQuestion).mockResolvedValue(
    detail({
      status: 'routed',
      answeredAt: null,
      answers: [],
      escalated: true,
      deadlineAt: NOW - 2 * HOUR_MS,
      viewerIsAsker: true,
      ownerUnitName: '计算机学院团委',
      timeline: [entry('ask', 0), entry('escalate', 1, { actorName: '系统', reason: null, internal: false })],
    }),
  );
  render(<QuestionPage />);
  expect(await screen.findByText('已超时，协管正在督办')).toBeTruthy();
  expect(screen.getByText('已超时升级')).toBeTruthy();
  expect(screen.getByText('已超时 2小时')).toBeTruthy();
  expect(screen.getByText('超时升级')).toBeTruthy();
});

test('an escalated question that has been answered keeps the badge but drops the coordinator note', async () => {
  jest.mocked(getQuestion).mockResolvedValue(detail({ escalated: true, status: 'answered' }));
  render(<QuestionPage />);
  expect(await screen.findByText('已超时升级')).toBeTruthy();
  expect(screen.getByText('热水供应时间为每天 6:00-24:00，已联系维修。')).toBeTruthy();
  expect(screen.queryByText('已超时，协管正在督办')).toBeNull();
});

test('a waiting question that never escalated shows its countdown, with no badge and no coordinator note', async () => {
  jest.mocked(getQuestion).mockResolvedValue(
    detail({ status: 'routed', answeredAt: null, answers: [], deadlineAt: NOW + 21 * HOUR_MS, timeline: [entry('ask', 0)] }),
  );
  render(<QuestionPage />);
  // Wait for the question itself (not the loading state): its countdown and its timeline.
  expect(await screen.findByText('剩余 21小时')).toBeTruthy();
  expect(jest.mocked(getQuestion)).toHaveBeenCalledWith('q1');
  expect(screen.getByText('处理记录')).toBeTruthy();
  expect(screen.getByText('提问')).toBeTruthy();
  expect(screen.getByText('由「后勤服务中心」负责')).toBeTruthy();
  expect(screen.queryByText('已超时升级')).toBeNull();
  expect(screen.queryByText('已超时，协管正在督办')).toBeNull();
});
