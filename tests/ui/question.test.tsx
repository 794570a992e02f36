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

test.each([
  ['QUESTION.NOT_FOUND', '问题不存在或已被删除'],
  ['AUTH.FORBIDDEN', '你没有权限查看这个问题'],
] as const)('%s: the message and 返回首页, no 重试 that cannot help', async (code, message) => {
  getMock.mockRejectedValue(new ApiRequestError(code, message));
  render(<QuestionPage />);
  expect(await screen.findByText(message)).toBeTruthy();
  expect(screen.queryByText('重试')).toBeNull();

  fireEvent.click(screen.getByText('返回首页'));
  expect(taroState.navigations).toEqual([{ kind: 'switchTab', url: '/pages/index/index' }]);
});

test('a network failure offers 重试, which loads the question again', async () => {
  getMock.mockRejectedValueOnce(new ApiRequestError('NETWORK.FAILED')).mockResolvedValueOnce(detail());
  render(<QuestionPage />);
  expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
  fireEvent.click(screen.getByText('重试'));
  expect(await screen.findByText('宿舍热水几点供应？')).toBeTruthy();
});

test('a long Latin word or URL is allowed to break, so nothing pushes the page sideways', async () => {
  const url = 'https://example.edu.cn/courses/data-structures/2026/spring/assignments/homework-03/submission-portal?token=abcdefghijklmnopqrstuvwxyz';
  getMock.mockResolvedValue(detail({ title: 'Pneumonoultramicroscopicsilicovolcanoconiosis', content: `课程网站 ${url} 打不开` }));
  render(<QuestionPage />);
  const title = await screen.findByText('Pneumonoultramicroscopicsilicovolcanoconiosis');
  // jsdom has no layout: the e2e test measures the page; here the breakable class is checked.
  expect(title.closest('.breakable')).not.toBeNull();
  expect(screen.getByText(new RegExp(url.slice(0, 30).replace(/[.?/]/g, '\\$&'))).closest('.breakable')).not.toBeNull();
});

test('the published answer and the 处理公告 are shown with when they were published', async () => {
  getMock.mockResolvedValue(
    detail({
      urgent: true,
      status: 'resolved',
      notice: { text: '已排查7号楼线路并更换老化插座，隐患已消除。', publishedAt: NOW - 30 * MINUTE_MS, moderation: 'published' },
    }),
  );
  render(<QuestionPage />);
  const notice = (await screen.findByText('已排查7号楼线路并更换老化插座，隐患已消除。')).closest('.detail__notice') as HTMLElement;
  expect(within(notice).getByText('处理公告')).toBeTruthy();
  expect(within(notice).getByText('发布于 3月2日 09:30')).toBeTruthy();
  expect(within(screen.getByText('热水供应时间为每天 6:00-24:00，已联系维修。').closest('.answer') as HTMLElement).getByText('官方答复')).toBeTruthy();
});

describe('a reopened question says so', () => {
  test('waiting again: when it was reopened and that the unit must answer again, by when', async () => {
    getMock.mockResolvedValue(
      detail({
        status: 'routed',
        answeredAt: null,
        reopenedAt: NOW - HOUR_MS,
        reopenCount: 1,
        deadlineAt: NOW + 23 * HOUR_MS,
        viewerIsAsker: true,
      }),
    );
    render(<QuestionPage />);
    const banner = (await screen.findByText('已重新打开')).closest('.detail__reopened') as HTMLElement;
    expect(within(banner).getByText('3月2日 09:00 重新打开，「后勤服务中心」需要重新答复，时限至 3月3日 09:00')).toBeTruthy();
    expect(screen.getByText('剩余 23小时')).toBeTruthy();
  });

  test('answered again: the reopening stays on record', async () => {
    getMock.mockResolvedValue(detail({ status: 'answered', reopenedAt: NOW - 3 * HOUR_MS, reopenCount: 1 }));
    render(<QuestionPage />);
    expect(await screen.findByText('曾于 3月2日 07:00 重新打开')).toBeTruthy();
    expect(screen.queryByText('已重新打开')).toBeNull();
  });
});
