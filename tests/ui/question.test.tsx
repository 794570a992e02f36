import { fireEvent, render, screen, within } from '@testing-library/react';
import QuestionPage from '../../miniprogram/src/pages/question/index';
import { getQuestion } from '../../miniprogram/src/services/question.service';
import { ApiRequestError } from '../../miniprogram/src/services/api-error';
import { HOUR_MS } from '@shared/domain/answer-deadline';
import { taroState } from './support/taro-double';
import { MINUTE_MS, NOW, answer, detail } from './support/fixtures';

jest.mock('../../miniprogram/src/services/question.service');

const getMock = jest.mocked(getQuestion);

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  getMock.mockReset();
  taroState.params = { id: 'q1' };
});

test('shows the question, the responsible unit and the official answer with responder details', async () => {
  getMock.mockResolvedValue(
    detail({
      answers: [
        answer({ id: 'a1', official: true, responderName: '王老师', unitName: '后勤服务中心', teamLabel: '专帮青', content: '热水已恢复供应。' }),
        answer({ id: 'a2', official: false, responderName: '张同学', unitName: '后勤服务中心', teamLabel: '青帮青', content: '补充：周末照常。', createdAt: NOW - 30 * MINUTE_MS }),
      ],
    }),
  );

  render(<QuestionPage />);

  expect(await screen.findByText('宿舍热水几点供应？')).toBeTruthy();
  expect(getMock).toHaveBeenCalledWith('q1');
  expect(screen.getByText('由「后勤服务中心」负责')).toBeTruthy();
  expect(screen.getByText('已回复')).toBeTruthy();
  expect(screen.getByText('答复（2）')).toBeTruthy();

  const official = screen.getByText('热水已恢复供应。').closest('.answer') as HTMLElement;
  expect(within(official).getByText('官方答复')).toBeTruthy();
  expect(within(official).getByText('王老师')).toBeTruthy();
  expect(within(official).getByText('后勤服务中心 · 专帮青')).toBeTruthy();
  expect(within(official).getByText('3月2日 09:00')).toBeTruthy();

  const extra = screen.getByText('补充：周末照常。').closest('.answer') as HTMLElement;
  expect(within(extra).queryByText('官方答复')).toBeNull();
  expect(screen.queryByText('回复')).toBeNull();
});

test('an anonymous asker is shown as 匿名同学', async () => {
  getMock.mockResolvedValue(detail({ anonymous: true, askerName: '匿名同学' }));
  render(<QuestionPage />);
  expect(await screen.findByText('匿名同学')).toBeTruthy();
  expect(screen.queryByText('计算机学院同学')).toBeNull();
});

test('a handler sees who asked anonymously, marked as such', async () => {
  getMock.mockResolvedValue(detail({ anonymous: true, askerName: '李同学', viewerCanAnswer: true }));
  render(<QuestionPage />);
  expect(await screen.findByText('李同学（匿名提问）')).toBeTruthy();
});

test('a waiting question shows the time left, or how long it is overdue', async () => {
  getMock.mockResolvedValue(
    detail({ status: 'routed', answeredAt: null, answers: [], deadlineAt: NOW + 5 * HOUR_MS + 12 * MINUTE_MS }),
  );
  const { unmount } = render(<QuestionPage />);
  expect(await screen.findByText('剩余 5小时12分')).toBeTruthy();
  expect(screen.getByText('待回复')).toBeTruthy();
  expect(screen.getByText('负责单位正在处理，答复后会第一时间显示在这里')).toBeTruthy();
  unmount();

  getMock.mockResolvedValue(detail({ status: 'routed', answeredAt: null, answers: [], deadlineAt: NOW - 2 * HOUR_MS }));
  render(<QuestionPage />);
  const overdue = await screen.findByText('已超时 2小时');
  expect(overdue.className).toContain('countdown--danger');
});

test('a responder who may answer gets a 回复 button to the reply page', async () => {
  getMock.mockResolvedValue(detail({ id: 'q7', viewerCanAnswer: true, status: 'routed', answeredAt: null, answers: [] }));
  render(<QuestionPage />);
  fireEvent.click(await screen.findByText('回复'));
  expect(taroState.navigations).toEqual([{ kind: 'navigateTo', url: '/expert/pages/reply/index?id=q7' }]);
});

test('a missing question shows the backend message', async () => {
  getMock.mockRejectedValue(new ApiRequestError('QUESTION.NOT_FOUND', '问题不存在或已被删除'));
  render(<QuestionPage />);
  expect(await screen.findByText('问题不存在或已被删除')).toBeTruthy();
});
