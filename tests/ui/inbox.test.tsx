import { fireEvent, render, screen } from '@testing-library/react';
import InboxPage from '../../miniprogram/src/expert/pages/inbox/index';
import { countInbox, listInbox } from '../../miniprogram/src/services/question.service';
import type { QuestionPage } from '@shared/contracts/question.contract';
import { HOUR_MS } from '@shared/domain/answer-deadline';
import { taroState } from './support/taro-double';
import { MINUTE_MS, NOW, summary } from './support/fixtures';

jest.mock('../../miniprogram/src/services/question.service');

const inboxMock = jest.mocked(listInbox);
const countsMock = jest.mocked(countInbox);

const waiting = (id: string, title: string, deadlineAt: number, extra = {}) =>
  summary({ id, title, status: 'routed', answeredAt: null, deadlineAt, createdAt: deadlineAt - 24 * HOUR_MS, ...extra });

/** What the server keeps in each box for these tests. */
const BOXES: Record<string, QuestionPage> = {
  pending: { items: [waiting('q-late', '宽裕的问题', NOW + 20 * HOUR_MS)], nextCursor: null },
  dueSoon: {
    items: [
      waiting('q-urgent', '紧急的问题', NOW + 45 * MINUTE_MS, { urgent: true }),
      waiting('q-soon', '快到期的问题', NOW + 3 * HOUR_MS + 30 * MINUTE_MS),
    ],
    nextCursor: null,
  },
  overdue: { items: [waiting('q-over', '已超时的问题', NOW - 90 * MINUTE_MS, { escalated: true })], nextCursor: null },
  handling: { items: [summary({ id: 'q-h', title: '办理中的问题', status: 'handling' })], nextCursor: null },
  answered: { items: [summary({ id: 'q-done', title: '答过的问题', answeredAt: NOW - 2 * HOUR_MS })], nextCursor: null },
};

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  inboxMock.mockReset();
  inboxMock.mockImplementation(({ box }) => Promise.resolve(BOXES[box]!));
  countsMock.mockReset();
  countsMock.mockResolvedValue({ pending: 0, dueSoon: 0, overdue: 0, handling: 0 });
});

test('the tabs carry how many questions wait in each box', async () => {
  countsMock.mockResolvedValue({ pending: 1, dueSoon: 2, overdue: 1, handling: 0 });
  render(<InboxPage />);
  await screen.findByText('2');
  const counts = Array.from(document.querySelectorAll('.inbox__tab')).map((tab) => tab.querySelector('.inbox__count')?.textContent ?? null);
  expect(counts).toEqual(['1', '2', '1', null, null]);
});

test('the tabs still work when the counts cannot be loaded', async () => {
  countsMock.mockRejectedValue(new Error('offline'));
  render(<InboxPage />);
  expect(await screen.findByText('宽裕的问题')).toBeTruthy();
  expect(document.querySelectorAll('.inbox__count')).toHaveLength(0);
});

const tone = (text: string) => screen.getByText(text).className;
const tabTexts = () => Array.from(document.querySelectorAll('.inbox__tab')).map((n) => n.textContent);

test('the workbench has the five tabs the product owner asked for, 待回复 first', async () => {
  render(<InboxPage />);
  await screen.findByText('宽裕的问题');
  expect(tabTexts()).toEqual(['待回复', '即将超时', '已超时', '办理中', '已回复']);
  expect(inboxMock).toHaveBeenCalledTimes(1);
  expect(inboxMock).toHaveBeenLastCalledWith({ box: 'pending', cursor: undefined });
  expect(tone('剩余 20小时')).toContain('countdown--calm');
});

test('每个 tab loads its own box', async () => {
  render(<InboxPage />);
  await screen.findByText('宽裕的问题');
  for (const [label, box, title] of [
    ['即将超时', 'dueSoon', '快到期的问题'],
    ['已超时', 'overdue', '已超时的问题'],
    ['办理中', 'handling', '办理中的问题'],
    ['已回复', 'answered', '答过的问题'],
    ['待回复', 'pending', '宽裕的问题'],
  ] as const) {
    fireEvent.click(screen.getAllByText(label).find((n) => n.closest('.inbox__tab'))!);
    expect(await screen.findByText(title)).toBeTruthy();
    expect(inboxMock).toHaveBeenLastCalledWith({ box, cursor: undefined });
  }
});

test('即将超时 shows red countdowns and the 紧急 badge', async () => {
  render(<InboxPage />);
  await screen.findByText('宽裕的问题');
  fireEvent.click(screen.getByText('即将超时'));
  await screen.findByText('紧急的问题');
  expect(tone('剩余 45分钟')).toContain('countdown--danger');
  expect(tone('剩余 3小时30分')).toContain('countdown--danger');
  const urgentCard = screen.getByText('紧急的问题').closest('.q-card') as HTMLElement;
  expect(urgentCard.querySelector('.badge--brand')?.textContent).toBe('紧急');
});

test('已超时 shows how long overdue in red and the 已升级 badge', async () => {
  render(<InboxPage />);
  await screen.findByText('宽裕的问题');
  fireEvent.click(screen.getByText('已超时'));
  await screen.findByText('已超时的问题');
  expect(tone('已超时 1小时30分')).toContain('countdown--danger');
  const card = screen.getByText('已超时的问题').closest('.q-card') as HTMLElement;
  expect(card.textContent).toContain('已升级');
});

test('tapping a waiting question opens the reply page; an answered one opens the question', async () => {
  render(<InboxPage />);
  fireEvent.click(await screen.findByText('宽裕的问题'));
  expect(taroState.navigations).toEqual([{ kind: 'navigateTo', url: '/expert/pages/reply/index?id=q-late' }]);

  fireEvent.click(screen.getByText('办理中'));
  fireEvent.click(await screen.findByText('办理中的问题'));
  expect(taroState.navigations[1]).toEqual({ kind: 'navigateTo', url: '/expert/pages/reply/index?id=q-h' });

  fireEvent.click(screen.getByText('已回复'));
  expect(await screen.findByText('答复于 2小时前')).toBeTruthy();
  fireEvent.click(screen.getByText('答过的问题'));
  expect(taroState.navigations[2]).toEqual({ kind: 'navigateTo', url: '/pages/question/index?id=q-done' });
});

test('an empty box says so', async () => {
  inboxMock.mockResolvedValue({ items: [], nextCursor: null });
  render(<InboxPage />);
  expect(await screen.findByText('暂无待回复的问题')).toBeTruthy();
  fireEvent.click(screen.getByText('已超时'));
  expect(await screen.findByText('没有超时未答的问题')).toBeTruthy();
});
