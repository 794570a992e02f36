import { fireEvent, render, screen } from '@testing-library/react';
import EscalationsPage from '../../miniprogram/src/admin/pages/escalations/index';
import UnreachablePage from '../../miniprogram/src/admin/pages/unreachable/index';
import { listEscalations, listUnreachable } from '../../miniprogram/src/services/admin.service';
import { ApiRequestError } from '../../miniprogram/src/services/api-error';
import { HOUR_MS } from '@shared/domain/answer-deadline';
import { taroState } from './support/taro-double';
import { MINUTE_MS, NOW, summary } from './support/fixtures';

jest.mock('../../miniprogram/src/services/admin.service');

const escalationsMock = jest.mocked(listEscalations);
const unreachableMock = jest.mocked(listUnreachable);

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  escalationsMock.mockReset();
  unreachableMock.mockReset();
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
  test('lists missed questions oldest first with the unit, how long overdue and 紧急', async () => {
    escalationsMock.mockResolvedValue({
      items: [
        overdue('q-old', '宿舍漏水没人管', 26 * HOUR_MS, { ownerUnitName: '后勤服务中心' }),
        overdue('q-new', '奖学金评定疑问', 90 * MINUTE_MS, { ownerUnitName: '计算机学院团委', urgent: true }),
      ],
      nextCursor: null,
    });
    render(<EscalationsPage />);

    expect(await screen.findByText('宿舍漏水没人管')).toBeTruthy();
    expect(escalationsMock).toHaveBeenCalledWith(undefined);
    const cards = Array.from(document.querySelectorAll('.esc-card'));
    expect(cards.map((c) => c.querySelector('.esc-card__title')?.textContent)).toEqual(['宿舍漏水没人管', '奖学金评定疑问']);
    expect(cards[0]?.querySelector('.esc-card__unit')?.textContent).toBe('后勤服务中心');
    expect(cards[1]?.querySelector('.esc-card__unit')?.textContent).toBe('计算机学院团委');
    expect(screen.getByText('已超时 1天2小时').className).toContain('countdown--danger');
    expect(screen.getByText('已超时 1小时30分').className).toContain('countdown--danger');
    expect(cards[1]?.textContent).toContain('紧急');
    expect(cards[0]?.textContent).not.toContain('紧急');
  });

  test('tapping one opens the reply page, where the coordinator answers or transfers', async () => {
    escalationsMock.mockResolvedValue({ items: [overdue('q-9', '超时的问题', HOUR_MS)], nextCursor: null });
    render(<EscalationsPage />);
    fireEvent.click(await screen.findByText('超时的问题'));
    expect(taroState.navigations).toEqual([{ kind: 'navigateTo', url: '/expert/pages/reply/index?id=q-9' }]);
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

describe('提醒送达情况', () => {
  test('lists who missed reminders, with unit, counts, reason and time, and the resubscribe hint', async () => {
    unreachableMock.mockResolvedValue({
      people: [
        { key: 'p_1', name: '任智宇', unitName: '计算机学院团委', missed: 3, viaGroup: 0, lastReason: '未订阅提醒，且单位未配置企业微信群，提醒未送达', lastAt: NOW - 2 * HOUR_MS },
        { key: 'p_2', name: '高鹏', unitName: '计算机学院团委', missed: 1, viaGroup: 2, lastReason: '未订阅提醒，已改发单位企业微信群', lastAt: NOW - 30 * MINUTE_MS },
      ],
    });
    render(<UnreachablePage />);

    expect(await screen.findByText('任智宇')).toBeTruthy();
    expect(unreachableMock).toHaveBeenCalledTimes(1);
    expect(screen.getByText('高鹏')).toBeTruthy();
    expect(screen.getByText('3 条未送达')).toBeTruthy();
    expect(screen.getByText('1 条未送达 · 2 条改发群')).toBeTruthy();
    expect(screen.getAllByText('计算机学院团委')).toHaveLength(2);
    expect(screen.getByText('未订阅提醒，且单位未配置企业微信群，提醒未送达')).toBeTruthy();
    expect(screen.getByText('未订阅提醒，已改发单位企业微信群')).toBeTruthy();
    expect(document.querySelectorAll('.person__time')[0]?.textContent).toMatch(/^最近一次：/);
    expect(screen.getByText('请提醒以上老师在答复工作台重新订阅提醒')).toBeTruthy();
  });

  test('empty state when every reminder got through', async () => {
    unreachableMock.mockResolvedValue({ people: [] });
    render(<UnreachablePage />);
    expect(await screen.findByText('提醒都已送达，没有需要跟进的老师')).toBeTruthy();
    expect(screen.queryByText('请提醒以上老师在答复工作台重新订阅提醒')).toBeNull();
  });

  test('an error can be retried', async () => {
    unreachableMock.mockRejectedValueOnce(new ApiRequestError('AUTH.FORBIDDEN', '只有单位管理员可以查看')).mockResolvedValueOnce({ people: [] });
    render(<UnreachablePage />);
    fireEvent.click(await screen.findByText('重试'));
    expect(await screen.findByText('提醒都已送达，没有需要跟进的老师')).toBeTruthy();
  });
});
