import { fireEvent, render, screen, waitFor } from '@testing-library/react';
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
  expect(screen.getByText('高老师 · 转至「后勤服务中心」')).toBeTruthy();
});

test('the asker rates the answer and the question reloads', async () => {
  getMock.mockResolvedValue(detail({ viewerIsAsker: true, viewerActions: ['rate'] }));
  render(<QuestionPage />);

  fireEvent.click(await screen.findByText('满意'));

  await screen.findByText('这个答复解决你的问题了吗？');
  expect(rateQuestion).toHaveBeenCalledWith('q1', true, '', expect.stringMatching(/^q[0-9a-z]{12,}$/));
  await waitFor(() => expect(getMock).toHaveBeenCalledTimes(2));
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
      notice: { text: '已排查7号楼线路并更换老化插座，隐患已消除。', publishedAt: NOW },
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
