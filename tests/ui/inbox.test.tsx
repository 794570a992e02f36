import { fireEvent, render, screen } from '@testing-library/react';
import InboxPage from '../../miniprogram/src/expert/pages/inbox/index';
import { listInbox, listWaitingInbox } from '../../miniprogram/src/services/question.service';
import { HOUR_MS } from '@shared/domain/answer-deadline';
import { taroState } from './support/taro-double';
import { MINUTE_MS, NOW, summary } from './support/fixtures';

jest.mock('../../miniprogram/src/services/question.service');

const inboxMock = jest.mocked(listInbox);
const waitingMock = jest.mocked(listWaitingInbox);

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  inboxMock.mockReset();
  waitingMock.mockReset();
});

const pending = (id: string, title: string, deadlineAt: number, extra = {}) =>
  summary({ id, title, status: 'routed', answeredAt: null, deadlineAt, createdAt: deadlineAt - 24 * HOUR_MS, ...extra });

test('待回复 lists the soonest deadline first with live countdowns, red under 4 hours or overdue', async () => {
  waitingMock.mockResolvedValue({
    items: [
      pending('q-late', '宽裕的问题', NOW + 20 * HOUR_MS),
      pending('q-soon', '快到期的问题', NOW + 3 * HOUR_MS + 30 * MINUTE_MS),
      pending('q-over', '已超时的问题', NOW - 90 * MINUTE_MS),
      pending('q-urgent', '紧急的问题', NOW + 45 * MINUTE_MS, { urgent: true }),
    ],
    nextCursor: null,
  });

  render(<InboxPage />);

  await screen.findByText('宽裕的问题');
  expect(waitingMock).toHaveBeenCalledWith(undefined);
  const titles = Array.from(document.querySelectorAll('.q-card__title')).map((n) => n.textContent);
  expect(titles).toEqual(['已超时的问题', '紧急的问题', '快到期的问题', '宽裕的问题']);

  const tone = (text: string) => screen.getByText(text).className;
  expect(tone('已超时 1小时30分')).toContain('countdown--danger');
  expect(tone('剩余 45分钟')).toContain('countdown--danger');
  expect(tone('剩余 3小时30分')).toContain('countdown--danger');
  expect(tone('剩余 20小时')).toContain('countdown--calm');

  const urgentCard = screen.getByText('紧急的问题').closest('.q-card') as HTMLElement;
  expect(urgentCard.textContent).toContain('紧急');
});

test('tapping a pending question opens the reply page', async () => {
  waitingMock.mockResolvedValue({ items: [pending('q-1', '待办问题', NOW + HOUR_MS)], nextCursor: null });
  render(<InboxPage />);
  fireEvent.click(await screen.findByText('待办问题'));
  expect(taroState.navigations).toEqual([{ kind: 'navigateTo', url: '/expert/pages/reply/index?id=q-1' }]);
});

test('已回复 tab loads the answered box', async () => {
  waitingMock.mockResolvedValue({ items: [], nextCursor: null });
  inboxMock.mockResolvedValueOnce({ items: [summary({ id: 'q-done', title: '答过的问题', answeredAt: NOW - 2 * HOUR_MS })], nextCursor: null });
  render(<InboxPage />);
  expect(await screen.findByText('暂无待回复的问题 🎉')).toBeTruthy();

  fireEvent.click(screen.getByText('已回复'));

  expect(await screen.findByText('答过的问题')).toBeTruthy();
  expect(screen.getByText('答复于 2小时前')).toBeTruthy();
  expect(inboxMock).toHaveBeenLastCalledWith({ box: 'answered', cursor: undefined });
});

test('办理中 tab loads the handling box and opens the reply page for progress', async () => {
  waitingMock.mockResolvedValue({ items: [], nextCursor: null });
  inboxMock.mockResolvedValue({ items: [summary({ id: 'q-h', title: '办理中的问题', status: 'handling' })], nextCursor: null });
  render(<InboxPage />);
  await screen.findByText('暂无待回复的问题 🎉');

  fireEvent.click(screen.getByText('办理中'));
  fireEvent.click(await screen.findByText('办理中的问题'));

  expect(inboxMock).toHaveBeenLastCalledWith({ box: 'handling', cursor: undefined });
  expect(taroState.navigations).toEqual([{ kind: 'navigateTo', url: '/expert/pages/reply/index?id=q-h' }]);
});
