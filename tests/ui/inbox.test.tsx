import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import InboxPage from '../../miniprogram/src/expert/pages/inbox/index';
import { countInbox, listInbox } from '../../miniprogram/src/services/question.service';
import { getMe } from '../../miniprogram/src/services/me.service';
import { callAction } from '../../miniprogram/src/services/api.client';
import type { QuestionPage } from '@shared/contracts/question.contract';
import { HOUR_MS } from '@shared/domain/answer-deadline';
import { taroState } from './support/taro-double';
import { MINUTE_MS, NOW, studentMe, summary } from './support/fixtures';

jest.mock('../../miniprogram/src/services/question.service');
jest.mock('../../miniprogram/src/services/me.service');
jest.mock('../../miniprogram/src/services/api.client');

const inboxMock = jest.mocked(listInbox);
const countsMock = jest.mocked(countInbox);
const originalEnv = process.env.TARO_ENV;

const waiting = (id: string, title: string, deadlineAt: number, extra = {}) =>
  summary({ id, title, status: 'routed', answeredAt: null, deadlineAt, createdAt: deadlineAt - 24 * HOUR_MS, ...extra });

/** What the server keeps in each box: 待回复 holds everything owed a reply, urgent first, then by deadline. */
const BOXES: Record<string, QuestionPage> = {
  pending: {
    items: [
      waiting('q-urgent', '紧急的问题', NOW + 45 * MINUTE_MS, { urgent: true, createdAt: NOW - HOUR_MS }),
      waiting('q-over', '已超时的问题', NOW - 90 * MINUTE_MS, { escalated: true, assigneeName: '任智宇' }),
      waiting('q-soon', '快到期的问题', NOW + 3 * HOUR_MS + 30 * MINUTE_MS),
      waiting('q-late', '宽裕的问题', NOW + 20 * HOUR_MS, { reopenedAt: NOW - HOUR_MS }),
    ],
    nextCursor: null,
  },
  dueSoon: {
    items: [waiting('q-urgent', '紧急的问题', NOW + 45 * MINUTE_MS, { urgent: true }), waiting('q-soon', '快到期的问题', NOW + 3 * HOUR_MS + 30 * MINUTE_MS)],
    nextCursor: null,
  },
  overdue: { items: [waiting('q-over', '已超时的问题', NOW - 90 * MINUTE_MS, { escalated: true })], nextCursor: null },
  handling: { items: [summary({ id: 'q-h', title: '办理中的问题', status: 'handling' })], nextCursor: null },
  answered: { items: [summary({ id: 'q-done', title: '答过的问题', answeredAt: NOW - 2 * HOUR_MS })], nextCursor: null },
};

const responderMe = {
  ...studentMe,
  name: '任智宇',
  roles: ['responder' as const],
  subscribeTemplates: { asker: [], responder: ['tpl-reminder', 'tpl-escalation'] },
  credits: [{ templateId: 'tpl-reminder', credits: 5 }],
};

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  inboxMock.mockReset();
  inboxMock.mockImplementation(({ box }) => Promise.resolve(BOXES[box]!));
  countsMock.mockReset();
  countsMock.mockResolvedValue({ pending: 0, dueSoon: 0, overdue: 0, handling: 0 });
  jest.mocked(getMe).mockResolvedValue(responderMe);
  jest.mocked(callAction).mockReset();
  jest.mocked(Taro.requestSubscribeMessage).mockReset();
});
afterEach(() => {
  process.env.TARO_ENV = originalEnv;
});

const cardTitles = () => Array.from(document.querySelectorAll('.q-card__title')).map((n) => n.textContent);
const card = (title: string) => screen.getByText(title).closest('.q-card') as HTMLElement;
const tone = (text: string) => screen.getByText(text).className;

test('opens on 待回复, which holds every question owed a reply with the urgent one on top, marked', async () => {
  render(<InboxPage />);
  await screen.findByText('紧急的问题');
  expect(inboxMock).toHaveBeenCalledTimes(1);
  expect(inboxMock).toHaveBeenLastCalledWith({ box: 'pending', cursor: undefined });
  expect(document.querySelector('.inbox__tab--on')?.textContent).toBe('待回复');
  expect(cardTitles()).toEqual(['紧急的问题', '已超时的问题', '快到期的问题', '宽裕的问题']);
  expect(screen.getByText('所有还没答复的问题：紧急的在最前，其余按答复时限先后')).toBeTruthy();

  expect(within(card('紧急的问题')).getByText('紧急').className).toContain('badge--brand');
  expect(card('紧急的问题').className).toContain('q-card--urgent');
  expect(tone('剩余 45分钟')).toContain('countdown--danger');
  expect(within(card('已超时的问题')).getByText('已超时').className).toContain('badge--warn');
  expect(tone('已超时 1小时30分')).toContain('countdown--danger');
  expect(within(card('宽裕的问题')).getByText('重新办理')).toBeTruthy();
  expect(tone('剩余 20小时')).toContain('countdown--calm');
});

test('each card says who claimed it, or that nobody has', async () => {
  render(<InboxPage />);
  await screen.findByText('紧急的问题');
  expect(within(card('已超时的问题')).getByText('认领人 任智宇')).toBeTruthy();
  expect(within(card('紧急的问题')).getByText('未认领')).toBeTruthy();
});

test('the tab counts are separate badges, so labels and numbers never run together', async () => {
  countsMock.mockResolvedValue({ pending: 4, dueSoon: 2, overdue: 1, handling: 0 });
  render(<InboxPage />);
  await screen.findByText('2');
  const tabs = Array.from(document.querySelectorAll('.inbox__tab'));
  expect(tabs.map((t) => t.querySelector('.inbox__tab-label > .taro-text:not(.inbox__count)')?.textContent)).toEqual(['待回复', '即将超时', '已超时', '办理中', '已回复']);
  expect(tabs.map((t) => t.querySelector('.inbox__count')?.textContent ?? null)).toEqual(['4', '2', '1', null, null]);
  // The badge is inside the label box it decorates (positioned above its end by CSS), not text after it.
  for (const badge of Array.from(document.querySelectorAll('.inbox__count'))) expect(badge.parentElement?.className).toBe('inbox__tab-label');
});

test('the tabs still work when the counts cannot be loaded', async () => {
  countsMock.mockRejectedValue(new Error('offline'));
  render(<InboxPage />);
  expect(await screen.findByText('宽裕的问题')).toBeTruthy();
  expect(document.querySelectorAll('.inbox__count')).toHaveLength(0);
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

test('tapping a waiting question opens the reply page; an answered one opens the question', async () => {
  render(<InboxPage />);
  fireEvent.click(await screen.findByText('宽裕的问题'));
  expect(taroState.navigations).toEqual([{ kind: 'navigateTo', url: '/expert/pages/reply/index?id=q-late' }]);

  fireEvent.click(screen.getByText('办理中', { selector: '.inbox__tab *' }));
  fireEvent.click(await screen.findByText('办理中的问题'));
  expect(taroState.navigations[1]).toEqual({ kind: 'navigateTo', url: '/expert/pages/reply/index?id=q-h' });

  fireEvent.click(screen.getByText('已回复', { selector: '.inbox__tab *' }));
  expect(await screen.findByText('答复于 2小时前')).toBeTruthy();
  fireEvent.click(screen.getByText('答过的问题'));
  expect(taroState.navigations[2]).toEqual({ kind: 'navigateTo', url: '/pages/question/index?id=q-done' });
});

test('an empty box says so', async () => {
  inboxMock.mockResolvedValue({ items: [], nextCursor: null });
  render(<InboxPage />);
  expect(await screen.findByText('暂无待回复的问题')).toBeTruthy();
  fireEvent.click(screen.getByText('已超时', { selector: '.inbox__tab *' }));
  expect(await screen.findByText('没有超时未答的问题')).toBeTruthy();
});

describe('订阅提醒 (item 10)', () => {
  test('shows how many reminders each responder template can still deliver, and warns when one is used up', async () => {
    render(<InboxPage />);
    const control = (await screen.findByText('订阅提醒')).closest('.remind') as HTMLElement;
    expect(control.textContent).toContain('答复提醒 还可收 5 条');
    expect(control.textContent).toContain('超时督办通知 还可收 0 条');
    expect(control.className).toContain('remind--low');
    expect(within(control).getByText('「超时督办通知」已用完，收不到这类提醒')).toBeTruthy();
    expect(within(control).getByText('超时督办通知 还可收 0 条').className).toContain('remind__credit--zero');
  });

  test('in WeChat the tap asks for the responder templates and shows the new counts', async () => {
    process.env.TARO_ENV = 'weapp';
    jest.mocked(Taro.requestSubscribeMessage).mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'tpl-reminder': 'accept', 'tpl-escalation': 'accept' });
    jest.mocked(callAction).mockResolvedValue({ credits: [{ templateId: 'tpl-reminder', credits: 6 }, { templateId: 'tpl-escalation', credits: 1 }] });
    render(<InboxPage />);

    fireEvent.click(await screen.findByText('订阅提醒'));
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tpl-reminder', 'tpl-escalation'], entityIds: [] });
    await waitFor(() => expect(document.querySelector('.remind')?.textContent).toContain('答复提醒 还可收 6 条'));
    expect(document.querySelector('.remind')?.textContent).toContain('超时督办通知 还可收 1 条');
    expect(callAction).toHaveBeenCalledWith('subscription.record', {
      results: [
        { templateId: 'tpl-reminder', result: 'accept' },
        { templateId: 'tpl-escalation', result: 'accept' },
      ],
    });
    expect(document.querySelector('.remind')?.className).not.toContain('remind--low');
  });

  test('in the web version it says subscribing happens in WeChat, and the button is not a dead end', async () => {
    process.env.TARO_ENV = 'h5';
    render(<InboxPage />);
    expect(await screen.findByText('订阅需在微信小程序中进行')).toBeTruthy();
    fireEvent.click(screen.getByText('订阅提醒'));
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled();
  });
});
