import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import EscalationsPage from '../../miniprogram/src/admin/pages/escalations/index';
import UnreachablePage from '../../miniprogram/src/admin/pages/unreachable/index';
import PerformancePage from '../../miniprogram/src/admin/pages/performance/index';
import { getUnitPerformance, listEscalations, listUnreachable } from '../../miniprogram/src/services/admin.service';
import { getMe } from '../../miniprogram/src/services/me.service';
import { ApiRequestError } from '../../miniprogram/src/services/api-error';
import type { Me } from '@shared/contracts/me.contract';
import type { UnitPerformance } from '@shared/contracts/escalation.contract';
import { HOUR_MS } from '@shared/domain/answer-deadline';
import { taroState } from './support/taro-double';
import { MINUTE_MS, NOW, studentMe, summary } from './support/fixtures';

jest.mock('../../miniprogram/src/services/admin.service', () => ({
  ...jest.requireActual('../../miniprogram/src/services/admin.service'),
  listEscalations: jest.fn(),
  listUnreachable: jest.fn(),
  getUnitPerformance: jest.fn(),
  urgeQuestion: jest.fn(),
}));
jest.mock('../../miniprogram/src/services/me.service');

const escalationsMock = jest.mocked(listEscalations);
const unreachableMock = jest.mocked(listUnreachable);
const performanceMock = jest.mocked(getUnitPerformance);

const as = (roles: Me['roles'], memberships: Me['memberships'] = []): Me => ({ ...studentMe, name: '某老师', roles, memberships });
const coordinator = as(['coordinator', 'responder'], [{ unitId: 'u-school', unitName: '校团委', team: 'league', categoryIds: [] }]);
const supervisor = as(['supervisor'], [{ unitId: 'u-school', unitName: '校团委', team: 'expert', categoryIds: [] }]);
const schoolAdmin = as(['schoolAdmin', 'supervisor'], [{ unitId: 'u-school', unitName: '校团委', team: 'league', categoryIds: [] }]);
const unitAdmin = as(['responder', 'unitAdmin'], [{ unitId: 'c-cs', unitName: '计算机科学与技术学院团委', team: 'league', categoryIds: [] }]);

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  escalationsMock.mockReset();
  unreachableMock.mockReset();
  performanceMock.mockReset();
  jest.mocked(getMe).mockResolvedValue(coordinator);
});

const overdue = (id: string, title: string, overdueMs: number, extra = {}) =>
  summary({
    id,
    title,
    status: 'routed',
    answeredAt: null,
    escalated: true,
    deadlineAt: NOW - overdueMs,
    createdAt: NOW - overdueMs - 24 * HOUR_MS,
    ...extra,
  });

describe('超时督办', () => {
  test('lists missed questions in the server\'s order (urgent first, then longest overdue) with the unit, how long overdue, 紧急 and the assignee', async () => {
    escalationsMock.mockResolvedValue({
      items: [
        overdue('q-new', '奖学金评定疑问', 90 * MINUTE_MS, { ownerUnitName: '计算机学院团委', urgent: true }),
        overdue('q-old', '宿舍漏水没人管', 26 * HOUR_MS, { ownerUnitName: '后勤服务中心', assigneeName: '夏晶' }),
      ],
      nextCursor: null,
    });
    render(<EscalationsPage />);

    expect(await screen.findByText('宿舍漏水没人管')).toBeTruthy();
    expect(escalationsMock).toHaveBeenCalledWith(undefined);
    const cards = Array.from(document.querySelectorAll('.esc-card'));
    expect(cards.map((c) => c.querySelector('.esc-card__title')?.textContent)).toEqual(['奖学金评定疑问', '宿舍漏水没人管']);
    expect(cards[0]?.querySelector('.esc-card__unit')?.textContent).toBe('计算机学院团委');
    expect(cards[1]?.querySelector('.esc-card__unit')?.textContent).toBe('后勤服务中心');
    expect(screen.getByText('已超时 1天2小时').className).toContain('countdown--danger');
    expect(screen.getByText('已超时 1小时30分').className).toContain('countdown--danger');
    expect(cards[0]?.textContent).toContain('紧急');
    expect(cards[0]?.textContent).toContain('无人认领');
    expect(cards[1]?.textContent).toContain('认领人 夏晶');
    expect(cards[1]?.textContent).not.toContain('紧急');
  });

  test('the coordinator is told they can answer, transfer or urge; tapping opens the question', async () => {
    escalationsMock.mockResolvedValue({ items: [overdue('q-9', '超时的问题', HOUR_MS)], nextCursor: null });
    render(<EscalationsPage />);
    expect(await screen.findByText(/点开可直接答复、转办，或催办负责单位/)).toBeTruthy();
    expect(screen.getByText('答复 / 催办 ›')).toBeTruthy();
    fireEvent.click(await screen.findByText('超时的问题'));
    expect(taroState.navigations).toEqual([{ kind: 'navigateTo', url: '/expert/pages/reply/index?id=q-9' }]);
  });

  test.each([
    ['supervisor', supervisor],
    ['school admin', schoolAdmin],
  ])('the %s is invited to urge, not to answer', async (_who, me) => {
    jest.mocked(getMe).mockResolvedValue(me);
    escalationsMock.mockResolvedValue({ items: [overdue('q-9', '超时的问题', HOUR_MS)], nextCursor: null });
    render(<EscalationsPage />);
    expect(await screen.findByText(/点开可催办负责单位，答复由该单位或协管完成/)).toBeTruthy();
    expect(screen.queryByText(/直接答复/)).toBeNull();
    expect(screen.getByText('催办 ›')).toBeTruthy();
    fireEvent.click(screen.getByText('超时的问题'));
    expect(taroState.navigations).toEqual([{ kind: 'navigateTo', url: '/expert/pages/reply/index?id=q-9' }]);
  });

  test('各单位答复情况 and 提醒送达情况 are one tap away', async () => {
    escalationsMock.mockResolvedValue({ items: [], nextCursor: null });
    render(<EscalationsPage />);
    fireEvent.click(await screen.findByText('各单位答复情况'));
    fireEvent.click(screen.getByText('提醒送达情况'));
    expect(taroState.navigations).toEqual([
      { kind: 'navigateTo', url: '/admin/pages/performance/index' },
      { kind: 'navigateTo', url: '/admin/pages/unreachable/index' },
    ]);
  });

  test('pages on with the cursor, and says when nothing is overdue', async () => {
    escalationsMock
      .mockResolvedValueOnce({ items: [overdue('q-1', '第一页', 3 * HOUR_MS)], nextCursor: 'c-2' })
      .mockResolvedValueOnce({ items: [overdue('q-2', '第二页', HOUR_MS)], nextCursor: null });
    render(<EscalationsPage />);
    await screen.findByText('第一页');
    fireEvent.click(screen.getByText('加载更多'));
    expect(await screen.findByText('第二页')).toBeTruthy();
    expect(escalationsMock).toHaveBeenLastCalledWith('c-2');
  });

  test('empty queue', async () => {
    escalationsMock.mockResolvedValue({ items: [], nextCursor: null });
    render(<EscalationsPage />);
    expect(await screen.findByText('没有超时未答的问题，各单位都在按时答复')).toBeTruthy();
  });

  test('a forbidden viewer sees the server message', async () => {
    escalationsMock.mockRejectedValue(new ApiRequestError('AUTH.FORBIDDEN', '只有协管、主管老师和工作小组组长可以查看'));
    render(<EscalationsPage />);
    expect(await screen.findByText('只有协管、主管老师和工作小组组长可以查看')).toBeTruthy();
  });
});

describe('提醒送达情况 (item 10)', () => {
  const people = [
    { key: 'p_1', name: '高鹏', unitName: '计算机科学与技术学院团委', missed: 3, viaGroup: 0, lastReason: '未订阅提醒，且单位未配置企业微信群，提醒未送达', lastAt: NOW - 2 * HOUR_MS, phone: null },
    { key: 'p_2', name: '夏晶', unitName: '后勤服务中心', missed: 0, viaGroup: 4, lastReason: '未订阅提醒，已改发单位企业微信群', lastAt: NOW - HOUR_MS, phone: null },
    { key: 'p_3', name: '黄怡然', unitName: '计算机科学与技术学院团委', missed: 1, viaGroup: 2, lastReason: '未订阅提醒，已改发单位企业微信群', lastAt: NOW - 30 * MINUTE_MS, phone: null },
  ];

  test.each([
    ['coordinator', coordinator],
    ['school admin', schoolAdmin],
  ])('the %s sees every unit, grouped, with advice that names the control that exists', async (_who, me) => {
    jest.mocked(getMe).mockResolvedValue(me);
    unreachableMock.mockResolvedValue({ people });
    render(<UnreachablePage />);

    expect(await screen.findByText('范围：全校各单位')).toBeTruthy();
    const blocks = Array.from(document.querySelectorAll('.unit-block'));
    expect(blocks.map((b) => b.querySelector('.unit-block__name')?.textContent)).toEqual(['计算机科学与技术学院团委', '后勤服务中心']);
    expect(Array.from(blocks[0]!.querySelectorAll('.person__name')).map((n) => n.textContent)).toEqual(['高鹏', '黄怡然']);
    expect(screen.getByText('3 条未送达')).toBeTruthy();
    expect(screen.getByText('4 条改发群')).toBeTruthy();
    expect(screen.getByText('1 条未送达 · 2 条改发群')).toBeTruthy();
    expect(screen.getByText('未订阅提醒，且单位未配置企业微信群，提醒未送达')).toBeTruthy();
    expect(document.querySelectorAll('.person__time')[0]?.textContent).toMatch(/^最近一次：/);
    expect(screen.getByText('请提醒以上老师打开「答复工作台」，点「订阅提醒」补充提醒次数（每订阅一次可收一条）')).toBeTruthy();
    expect(screen.queryByText(/提醒都已送达/)).toBeNull();
  });

  test('a unit admin is told the report covers their unit', async () => {
    jest.mocked(getMe).mockResolvedValue(unitAdmin);
    unreachableMock.mockResolvedValue({ people: [people[0]!] });
    render(<UnreachablePage />);
    expect(await screen.findByText('范围：计算机科学与技术学院团委')).toBeTruthy();
    expect(screen.getByText('高鹏')).toBeTruthy();
    expect(screen.queryByText('各单位答复情况')).toBeNull();
  });

  test('the all-clear names what it covers', async () => {
    jest.mocked(getMe).mockResolvedValue(schoolAdmin);
    unreachableMock.mockResolvedValue({ people: [] });
    render(<UnreachablePage />);
    expect(await screen.findByText('全校各单位的提醒都已送达，没有需要跟进的老师')).toBeTruthy();
    expect(screen.queryByText(/订阅提醒」补充/)).toBeNull();
  });

  test('an error can be retried', async () => {
    jest.mocked(getMe).mockResolvedValue(unitAdmin);
    unreachableMock.mockRejectedValueOnce(new ApiRequestError('AUTH.FORBIDDEN', '只有单位管理员可以查看')).mockResolvedValueOnce({ people: [] });
    render(<UnreachablePage />);
    fireEvent.click(await screen.findByText('重试'));
    expect(await screen.findByText('计算机科学与技术学院团委的提醒都已送达，没有需要跟进的老师')).toBeTruthy();
  });
});

describe('各单位答复情况 (item 9)', () => {
  const unit = (unitName: string, f: Partial<UnitPerformance>): UnitPerformance => ({
    unitId: unitName,
    unitName,
    received: 0,
    answeredOnTime: 0,
    answeredLate: 0,
    waiting: 0,
    overdueNow: 0,
    missed: 0,
    ...f,
  });
  const report = (days: number, units: UnitPerformance[]) => ({ from: NOW - days * 24 * HOUR_MS, to: NOW, units });

  test('shows every unit\'s figures for 30 days, worst first as the server sends them, and switches to 7 and 90 days', async () => {
    jest.mocked(getMe).mockResolvedValue(supervisor);
    performanceMock.mockImplementation((days) =>
      Promise.resolve(
        days === 30
          ? report(30, [
              unit('后勤服务中心', { received: 8, answeredOnTime: 5, answeredLate: 1, waiting: 1, overdueNow: 1, missed: 2 }),
              unit('计算机科学与技术学院团委', { received: 4, answeredOnTime: 4 }),
              unit('人文学院团委', {}),
            ])
          : report(days, [unit('后勤服务中心', { received: days, answeredOnTime: days })]),
      ),
    );
    render(<PerformancePage />);

    const rows = await screen.findAllByText(/团委|中心/, { selector: '.perf-unit__name' });
    expect(rows.map((n) => n.textContent)).toEqual(['后勤服务中心', '计算机科学与技术学院团委', '人文学院团委']);
    expect(performanceMock).toHaveBeenCalledWith(30);
    const logistics = rows[0]!.closest('.perf-unit') as HTMLElement;
    const figures = Array.from(logistics.querySelectorAll('.perf-fig')).map((f) => f.textContent);
    expect(figures).toEqual(['8收到', '5按时答复', '1超时答复', '1待答复', '1当前超时', '2错过时限']);
    expect(within(logistics).getByText('按时率 71%')).toBeTruthy();
    expect(logistics.className).toContain('perf-unit--troubled');
    expect(within(rows[2]!.closest('.perf-unit') as HTMLElement).getByText('按时率 —')).toBeTruthy();
    expect(screen.getByText(/全校收到 12 个问题，按时答复 9，超时答复 1，当前超时 1/)).toBeTruthy();

    const firstFigure = () => document.querySelector('.perf-fig')?.textContent;
    fireEvent.click(screen.getByText('近7天'));
    await waitFor(() => expect(firstFigure()).toBe('7收到'));
    expect(performanceMock).toHaveBeenLastCalledWith(7);
    expect(screen.queryByText('人文学院团委')).toBeNull();
    fireEvent.click(screen.getByText('近90天'));
    await waitFor(() => expect(firstFigure()).toBe('90收到'));
    expect(performanceMock).toHaveBeenLastCalledWith(90);
    expect(document.querySelector('.perf__period--on')?.textContent).toBe('近90天');
  });

  test('links back to 超时督办, where the overdue ones can be urged', async () => {
    jest.mocked(getMe).mockResolvedValue(schoolAdmin);
    performanceMock.mockResolvedValue(report(30, []));
    render(<PerformancePage />);
    fireEvent.click(await screen.findByText('超时督办'));
    expect(taroState.navigations).toEqual([{ kind: 'navigateTo', url: '/admin/pages/escalations/index' }]);
  });

  test('a refusal is shown with a retry', async () => {
    performanceMock.mockRejectedValueOnce(new ApiRequestError('AUTH.FORBIDDEN', '只有协管、主管老师和工作小组组长可以查看各单位的答复情况')).mockResolvedValueOnce(report(30, [unit('保卫处', { received: 1 })]));
    render(<PerformancePage />);
    expect(await screen.findByText('只有协管、主管老师和工作小组组长可以查看各单位的答复情况')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('保卫处')).toBeTruthy();
  });
});
