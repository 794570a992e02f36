import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import ReplyPage from '../../miniprogram/src/expert/pages/reply/index';
import {
  getQuestion,
  postAnswer,
  claimQuestion,
  transferQuestion,
  resolveQuestion,
} from '../../miniprogram/src/services/question.service';
import { getCatalog } from '../../miniprogram/src/services/catalog.service';
import { getMe } from '../../miniprogram/src/services/me.service';
import { ApiRequestError } from '../../miniprogram/src/services/api-error';
import { taroState } from './support/taro-double';
import { NOW, catalog, detail, studentMe } from './support/fixtures';

jest.mock('../../miniprogram/src/services/question.service');
jest.mock('../../miniprogram/src/services/catalog.service');
jest.mock('../../miniprogram/src/services/me.service');

const waiting = detail({ id: 'q3', status: 'routed', answeredAt: null, answers: [], viewerCanAnswer: true, anonymous: true, askerName: '李同学' });

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  taroState.params = { id: 'q3' };
  jest.mocked(getQuestion).mockReset().mockResolvedValue(waiting);
  jest.mocked(postAnswer).mockReset();
  jest.mocked(getCatalog).mockResolvedValue(catalog);
  jest.mocked(getMe).mockResolvedValue({ ...studentMe, roles: ['responder'] });
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
  expect(postAnswer).toHaveBeenCalledWith('q3', '已联系宿管，今晚恢复热水供应。', expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/));
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

describe('办理 panel', () => {
  test('shows only the actions the server allows; 认领 claims at once', async () => {
    jest.mocked(getQuestion).mockResolvedValue({ ...waiting, viewerActions: ['claim', 'transfer'] });
    jest.mocked(claimQuestion).mockResolvedValue({ status: 'routed', version: 2 });
    render(<ReplyPage />);

    fireEvent.click(await screen.findByText('认领'));

    expect(await screen.findByText('已认领，由你跟进')).toBeTruthy();
    expect(claimQuestion).toHaveBeenCalledWith('q3', expect.stringMatching(/^q[0-9a-z]{12,}$/));
    expect(screen.queryByText('办结')).toBeNull();
    expect(screen.getByText('转办')).toBeTruthy();
  });

  test('转办 needs a target unit and a reason', async () => {
    jest.mocked(getQuestion).mockResolvedValue({ ...waiting, viewerActions: ['transfer'] });
    render(<ReplyPage />);

    fireEvent.click(await screen.findByText('转办'));
    expect(screen.getByText('请选择转办单位')).toBeTruthy();
    expect(transferQuestion).not.toHaveBeenCalled();
  });

  test('办结 sends the note and reports success', async () => {
    jest.mocked(getQuestion).mockResolvedValue({ ...waiting, status: 'handling', viewerActions: ['addProgress', 'resolve'] });
    jest.mocked(resolveQuestion).mockResolvedValue({ status: 'resolved', version: 5 });
    render(<ReplyPage />);

    fireEvent.click(await screen.findByText('办结'));
    expect(screen.getByText('办结说明至少 2 个字')).toBeTruthy();

    fireEvent.change(screen.getByPlaceholderText('办理说明 / 进展 / 转办理由 / 处理公告'), { target: { value: '已更换热水器，恢复供应。' } });
    fireEvent.click(screen.getByText('办结'));

    expect(await screen.findByText('已办结')).toBeTruthy();
    expect(resolveQuestion).toHaveBeenCalledWith('q3', '已更换热水器，恢复供应。', expect.stringMatching(/^q[0-9a-z]{12,}$/));
  });

  test('a retried 办结 after a lost response carries the same request id; a changed note a new one', async () => {
    jest.mocked(getQuestion).mockResolvedValue({ ...waiting, status: 'handling', viewerActions: ['addProgress', 'resolve'] });
    jest.mocked(resolveQuestion).mockReset().mockRejectedValueOnce(new Error('network lost')).mockRejectedValueOnce(new Error('network lost')).mockResolvedValue({ status: 'resolved', version: 5 });
    render(<ReplyPage />);
    const box = await screen.findByPlaceholderText('办理说明 / 进展 / 转办理由 / 处理公告');

    fireEvent.change(box, { target: { value: '已更换热水器，恢复供应。' } });
    fireEvent.click(screen.getByText('办结'));
    await waitFor(() => expect(resolveQuestion).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.getByText('办结')).toBeTruthy());
    fireEvent.click(screen.getByText('办结'));
    await waitFor(() => expect(resolveQuestion).toHaveBeenCalledTimes(2));
    const [first, second] = jest.mocked(resolveQuestion).mock.calls.map((c) => c[2]);
    expect(second).toBe(first);

    fireEvent.change(box, { target: { value: '已更换热水器，并检查了管道。' } });
    fireEvent.click(screen.getByText('办结'));
    expect(await screen.findByText('已办结')).toBeTruthy();
    expect(jest.mocked(resolveQuestion).mock.calls[2]![2]).not.toBe(first);
  });
});

test('a retry after a lost reply sends the same request id, so the reply posts once', async () => {
  jest.mocked(postAnswer)
    .mockRejectedValueOnce(new Error('network'))
    .mockResolvedValueOnce({ answerId: 'a11', official: true, answeredAt: NOW });
  render(<ReplyPage />);
  await screen.findByText('宿舍热水几点供应？');
  typeReply('热水早上六点到晚上十一点供应。');
  fireEvent.click(screen.getByText('提交回复'));
  await waitFor(() => expect(postAnswer).toHaveBeenCalledTimes(1));
  await screen.findByText('提交回复');
  fireEvent.click(screen.getByText('提交回复'));
  expect(await screen.findByText('已作为官方答复，计时已停止')).toBeTruthy();
  const [first, second] = jest.mocked(postAnswer).mock.calls;
  expect(second![2]).toBe(first![2]);
});
