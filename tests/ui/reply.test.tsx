import { fireEvent, render, screen } from '@testing-library/react';
import ReplyPage from '../../miniprogram/src/expert/pages/reply/index';
import { getQuestion, postAnswer } from '../../miniprogram/src/services/question.service';
import { ApiRequestError } from '../../miniprogram/src/services/api-error';
import { taroState } from './support/taro-double';
import { NOW, detail } from './support/fixtures';

jest.mock('../../miniprogram/src/services/question.service');

const waiting = detail({ id: 'q3', status: 'routed', answeredAt: null, answers: [], viewerCanAnswer: true, anonymous: true, askerName: '李同学' });

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  taroState.params = { id: 'q3' };
  jest.mocked(getQuestion).mockReset().mockResolvedValue(waiting);
  jest.mocked(postAnswer).mockReset();
});

function typeReply(value: string) {
  fireEvent.change(screen.getByPlaceholderText(/首条答复将作为官方答复/), { target: { value } });
}

test('posts a reply and reports that it became the official answer, then goes back to the question', async () => {
  jest.mocked(postAnswer).mockResolvedValue({ answerId: 'a9', official: true, answeredAt: NOW });
  render(<ReplyPage />);
  expect(await screen.findByText(/李同学（匿名提问）/)).toBeTruthy();

  typeReply('已联系宿管，今晚恢复热水供应。');
  expect(screen.getByText('15/3000')).toBeTruthy();
  fireEvent.click(screen.getByText('提交回复'));

  expect(await screen.findByText('已作为官方答复，计时已停止')).toBeTruthy();
  expect(postAnswer).toHaveBeenCalledWith('q3', '已联系宿管，今晚恢复热水供应。');
  expect(getQuestion).toHaveBeenCalledTimes(2);

  fireEvent.click(screen.getByText('返回问题'));
  expect(taroState.navigations).toEqual([{ kind: 'redirectTo', url: '/pages/question/index?id=q3' }]);
});

test('a follow-up reply is not official', async () => {
  jest.mocked(postAnswer).mockResolvedValue({ answerId: 'a10', official: false, answeredAt: NOW - 1000 });
  render(<ReplyPage />);
  await screen.findByText('宿舍热水几点供应？');
  typeReply('补充：周末同样适用。');
  fireEvent.click(screen.getByText('提交回复'));
  expect(await screen.findByText('已作为补充回复发布')).toBeTruthy();
});

test('an empty reply is refused inline; a server refusal shows its message', async () => {
  jest.mocked(postAnswer).mockRejectedValue(new ApiRequestError('AUTH.FORBIDDEN', '你没有权限进行此操作'));
  render(<ReplyPage />);
  await screen.findByText('宿舍热水几点供应？');

  fireEvent.click(screen.getByText('提交回复'));
  expect(screen.getByText('回复至少 2 个字')).toBeTruthy();
  expect(postAnswer).not.toHaveBeenCalled();

  typeReply('我来回复一下');
  fireEvent.click(screen.getByText('提交回复'));
  expect(await screen.findByText('你没有权限进行此操作')).toBeTruthy();
});
