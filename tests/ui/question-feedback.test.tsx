import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { TimelineEntry } from '@shared/contracts/question.contract';
import QuestionPage from '../../miniprogram/src/pages/question/index';
import { getQuestion, rateQuestion, reopenQuestion } from '../../miniprogram/src/services/question.service';
import { HOUR_MS } from '@shared/domain/answer-deadline';
import { taroState } from './support/taro-double';
import { NOW, detail } from './support/fixtures';

jest.mock('../../miniprogram/src/services/question.service');

const getMock = jest.mocked(getQuestion);

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  taroState.params = { id: 'q1' };
  getMock.mockReset();
  jest.mocked(rateQuestion).mockReset().mockResolvedValue({ status: 'closed', version: 3 });
  jest.mocked(reopenQuestion).mockReset().mockResolvedValue({ status: 'routed', version: 4 });
});

test('shows the case timeline in order with who, what and why', async () => {
  getMock.mockResolvedValue(
    detail({
      timeline: [
        { id: 't1', type: 'ask', at: NOW - 3 * HOUR_MS, actorName: '匿名同学', unitName: null, fromStatus: null, toStatus: 'routed', reason: null, internal: false },
        { id: 't2', type: 'transfer', at: NOW - 2 * HOUR_MS, actorName: '高老师', unitName: '后勤服务中心', fromStatus: 'routed', toStatus: 'routed', reason: '属于后勤事务', internal: false },
        { id: 't3', type: 'answer', at: NOW - HOUR_MS, actorName: '王老师', unitName: '后勤服务中心', fromStatus: 'routed', toStatus: 'answered', reason: null, internal: false },
      ],
    }),
  );
  render(<QuestionPage />);

  expect(await screen.findByText('处理记录')).toBeTruthy();
  const steps = Array.from(document.querySelectorAll('.timeline__what')).map((n) => n.textContent);
  expect(steps).toEqual(['提问', '转办', '官方答复']);
  expect(screen.getByText('属于后勤事务')).toBeTruthy();
  expect(screen.getByText('高老师 转办 · 转至「后勤服务中心」')).toBeTruthy();
});

test('rating asks for confirmation, takes an optional comment, then sends it and reloads', async () => {
  getMock.mockResolvedValue(detail({ viewerIsAsker: true, viewerActions: ['rate'] }));
  render(<QuestionPage />);

  fireEvent.click(await screen.findByText('满意'));

  // Nothing is sent on the first tap: the choice is confirmed first.
  expect(rateQuestion).not.toHaveBeenCalled();
  expect(screen.getByText('确认评价为「满意」？评价后问题将关闭')).toBeTruthy();
  expect(screen.getByText('补充说明仅你和处理老师可见')).toBeTruthy();
  fireEvent.change(screen.getByPlaceholderText('补充说明（选填）'), { target: { value: '回复很快！👍' } });
  expect(screen.getByText('6/200')).toBeTruthy();

  fireEvent.click(screen.getByText('确认评价'));

  await waitFor(() => expect(getMock).toHaveBeenCalledTimes(2));
  expect(rateQuestion).toHaveBeenCalledWith('q1', true, '回复很快！👍', expect.stringMatching(/^q[0-9a-z]{12,}$/));
});

test('a rating can be reconsidered: 取消 sends nothing and 不满意 can be chosen instead', async () => {
  getMock.mockResolvedValue(detail({ viewerIsAsker: true, viewerActions: ['rate', 'reopen'] }));
  render(<QuestionPage />);

  fireEvent.click(await screen.findByText('满意'));
  fireEvent.click(screen.getByText('取消'));
  expect(screen.queryByText('确认评价')).toBeNull();

  fireEvent.click(screen.getByText('不满意'));
  expect(screen.getByText('确认评价为「不满意」？评价后问题将关闭')).toBeTruthy();
  fireEvent.click(screen.getByText('确认评价'));
  await waitFor(() => expect(rateQuestion).toHaveBeenCalledWith('q1', false, '', expect.any(String)));
  expect(rateQuestion).toHaveBeenCalledTimes(1);
});

test('the reopen box says who will read the reason and counts as the server does', async () => {
  getMock.mockResolvedValue(detail({ viewerIsAsker: true, viewerActions: ['rate', 'reopen'] }));
  render(<QuestionPage />);
  expect(await screen.findByText('理由仅你和处理老师可见')).toBeTruthy();
  fireEvent.input(screen.getByPlaceholderText('还有哪里没解决'), { target: { value: '还是不行😭' } });
  expect(screen.getByText('5/200')).toBeTruthy();
});

test('reopening needs a reason, then sends it', async () => {
  getMock.mockResolvedValue(detail({ viewerIsAsker: true, viewerActions: ['rate', 'reopen'] }));
  render(<QuestionPage />);

  fireEvent.click(await screen.findByText('重新打开'));
  expect(screen.getByText('理由至少 2 个字')).toBeTruthy();
  expect(reopenQuestion).not.toHaveBeenCalled();

  fireEvent.input(screen.getByPlaceholderText('还有哪里没解决'), { target: { value: '热水还是没有恢复' } });
  fireEvent.click(screen.getByText('重新打开'));
  await waitFor(() => expect(getMock).toHaveBeenCalledTimes(2));
  expect(reopenQuestion).toHaveBeenCalledWith('q1', '热水还是没有恢复', expect.stringMatching(/^q[0-9a-z]{12,}$/));
});

test('no feedback controls for someone who is not the asker; a published notice and the rating are shown', async () => {
  getMock.mockResolvedValue(
    detail({
      urgent: true,
      status: 'closed',
      notice: { text: '已排查7号楼线路并更换老化插座，隐患已消除。', publishedAt: NOW, moderation: 'published' },
      rating: { satisfied: true, comment: '处理很快', at: NOW },
    }),
  );
  render(<QuestionPage />);

  expect(await screen.findByText('已排查7号楼线路并更换老化插座，隐患已消除。')).toBeTruthy();
  expect(screen.getByText('已关闭')).toBeTruthy();
  expect(screen.getByText('提问者评价：满意')).toBeTruthy();
  expect(screen.queryByText('满意')).toBeNull();
  expect(screen.queryByText('重新打开')).toBeNull();
});

const step = (over: Partial<TimelineEntry>): TimelineEntry => ({
  id: `t-${over.type ?? 'ask'}`,
  type: 'ask',
  at: NOW - 2 * HOUR_MS,
  actorName: '李老师',
  unitName: '后勤服务中心',
  fromStatus: null,
  toStatus: null,
  reason: null,
  internal: false,
  ...over,
});

test('the asker sees every step of their case, without the handlers\' internal notes', async () => {
  getMock.mockResolvedValue(
    detail({
      viewerIsAsker: true,
      status: 'resolved',
      timeline: [
        step({ id: 't1', type: 'ask', actorName: '李同学', reason: '按类别转交' }),
        step({ id: 't2', type: 'startHandling', internal: true, reason: null }),
        // Even if a note slipped through, a handling note is not the asker's to read.
        step({ id: 't3', type: 'resolve', internal: true, reason: '已没收违规电器，约谈当事同学' }),
        step({ id: 't4', type: 'reopen', actorName: '李同学', internal: true, reason: '热水还是没有恢复' }),
      ],
    }),
  );
  render(<QuestionPage />);

  expect(await screen.findByText('处理记录')).toBeTruthy();
  const steps = Array.from(document.querySelectorAll('.timeline__what')).map((n) => n.textContent);
  expect(steps).toEqual(['提问', '开始办理', '办结', '重新办理']);
  expect(screen.queryByText('已没收违规电器，约谈当事同学')).toBeNull();
  // Their own reopen reason is theirs to read, marked as not public.
  const own = screen.getByText('热水还是没有恢复').closest('.timeline__item') as HTMLElement;
  expect(within(own).getByText('不公开')).toBeTruthy();
});

test('someone else sees no internal note at all', async () => {
  getMock.mockResolvedValue(
    detail({
      timeline: [step({ id: 't1', type: 'ask', actorName: '提问同学' }), step({ id: 't3', type: 'resolve', internal: true, reason: '412宿舍使用违规电器，已没收' })],
    }),
  );
  render(<QuestionPage />);
  expect(await screen.findByText('办结')).toBeTruthy();
  expect(screen.queryByText('412宿舍使用违规电器，已没收')).toBeNull();
  expect(screen.queryByText('不公开')).toBeNull();
});

test('a handler sees the internal notes, each marked 内部', async () => {
  getMock.mockResolvedValue(
    detail({
      viewerIsHandler: true,
      viewerCanAnswer: true,
      timeline: [step({ id: 't3', type: 'resolve', internal: true, reason: '412宿舍使用违规电器，已没收' })],
    }),
  );
  render(<QuestionPage />);
  const note = (await screen.findByText('412宿舍使用违规电器，已没收')).closest('.timeline__item') as HTMLElement;
  expect(within(note).getByText('内部')).toBeTruthy();
});
