import { act, fireEvent, render, screen, within } from '@testing-library/react';
import QuestionPage from '../../miniprogram/src/pages/question/index';
import { QuestionCard } from '../../miniprogram/src/components/question-card';
import { getQuestion } from '../../miniprogram/src/services/question.service';
import { reportContent } from '../../miniprogram/src/services/moderation.service';
import { ApiRequestError } from '../../miniprogram/src/services/api-error';
import { showToast, taroState } from './support/taro-double';
import { NOW, answer, detail, summary } from './support/fixtures';

jest.mock('../../miniprogram/src/services/question.service');
jest.mock('../../miniprogram/src/services/moderation.service');

/** Issue 8 on 问题详情: 审核中 / 已隐藏 for the people who still see held content, and 举报 for everyone else. */
const getMock = jest.mocked(getQuestion);
const reportMock = jest.mocked(reportContent);
const notice = (moderation: 'published' | 'review' | 'hidden' = 'published') => ({ text: '已联系保卫处加强夜间巡逻。', publishedAt: NOW - 1000, moderation });

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  getMock.mockReset();
  reportMock.mockReset();
  showToast.mockClear();
  taroState.params = { id: 'q1' };
});

const answerCard = (text: string) => screen.getByText(text).closest('.answer') as HTMLElement;

describe('held content', () => {
  test('the asker sees 审核中 on the question and a held answer, with what it means for them', async () => {
    getMock.mockResolvedValue(
      detail({
        viewerIsAsker: true,
        moderation: 'review',
        answers: [answer({ id: 'a1', content: '学院有模板，需要的同学可以加微信找我要。', moderation: 'review' }), answer({ id: 'a2', content: '模板在学院官网下载。' })],
      }),
    );
    render(<QuestionPage />);
    await screen.findByText('宿舍热水几点供应？');
    const tags = document.querySelector('.detail__tags') as HTMLElement;
    expect(within(tags).getByText('审核中')).toBeTruthy();
    expect(screen.getAllByText('审核中：其他同学暂时看不到，通过后公开')).toHaveLength(2);
    expect(within(answerCard('学院有模板，需要的同学可以加微信找我要。')).getByText('审核中')).toBeTruthy();
    expect(within(answerCard('模板在学院官网下载。')).queryByText('审核中')).toBeNull();
    // Nothing of one's own to report.
    expect(within(document.querySelector('.detail__card') as HTMLElement).queryByText('举报')).toBeNull();
  });

  test('a hidden question tells its asker other students cannot see it; a handler is told it waits for moderators', async () => {
    getMock.mockResolvedValueOnce(detail({ viewerIsAsker: true, moderation: 'hidden' }));
    const { unmount } = render(<QuestionPage />);
    expect(await screen.findByText('已隐藏：其他同学看不到这个问题')).toBeTruthy();
    expect(within(document.querySelector('.detail__tags') as HTMLElement).getByText('已隐藏')).toBeTruthy();
    unmount();

    getMock.mockResolvedValueOnce(detail({ viewerIsHandler: true, moderation: 'review', notice: notice('review') }));
    render(<QuestionPage />);
    expect(await screen.findByText('审核中：公众暂时看不到，等待协管或管理员审核', { selector: '.detail__card *' })).toBeTruthy();
    const noticeBox = document.querySelector('.detail__notice') as HTMLElement;
    expect(within(noticeBox).getByText('审核中')).toBeTruthy();
    expect(within(noticeBox).getByText('审核中：公众暂时看不到，等待协管或管理员审核')).toBeTruthy();
  });

  test('a private question is nobody’s to publish: no 审核中 badge or “通过后公开” line', async () => {
    getMock.mockResolvedValue(detail({ viewerIsAsker: true, visibility: 'private', moderation: 'review' }));
    render(<QuestionPage />);
    await screen.findByText('仅自己和处理老师可见');
    expect(screen.queryByText('审核中')).toBeNull();
    expect(screen.queryByText(/通过后公开/)).toBeNull();
  });

  test('the question card in 我的 marks a held question', () => {
    render(<QuestionCard question={summary({ moderation: 'review' })} now={NOW} onOpen={() => undefined} />);
    expect(screen.getByText('审核中')).toBeTruthy();
  });
});

describe('举报', () => {
  test('offered on published public content the viewer did not write: the question, each answer, the notice', async () => {
    getMock.mockResolvedValue(detail({ notice: notice() }));
    render(<QuestionPage />);
    await screen.findByText('宿舍热水几点供应？');
    expect(within(document.querySelector('.detail__card') as HTMLElement).getByText('举报')).toBeTruthy();
    expect(within(answerCard('热水供应时间为每天 6:00-24:00，已联系维修。')).getByText('举报')).toBeTruthy();
    expect(within(document.querySelector('.detail__notice') as HTMLElement).getByText('举报')).toBeTruthy();
  });

  test('not on a private question, not to its asker for the question, not to handlers for answers and the notice', async () => {
    getMock.mockResolvedValueOnce(detail({ visibility: 'private' }));
    const first = render(<QuestionPage />);
    await screen.findByText('宿舍热水几点供应？');
    expect(screen.queryByText('举报')).toBeNull();
    first.unmount();

    getMock.mockResolvedValueOnce(detail({ viewerIsAsker: true, notice: notice() }));
    const second = render(<QuestionPage />);
    await screen.findByText('宿舍热水几点供应？');
    expect(within(document.querySelector('.detail__card') as HTMLElement).queryByText('举报')).toBeNull();
    // The asker did not write the answer: they may report it.
    expect(within(answerCard('热水供应时间为每天 6:00-24:00，已联系维修。')).getByText('举报')).toBeTruthy();
    second.unmount();

    getMock.mockResolvedValueOnce(detail({ viewerIsHandler: true, notice: notice() }));
    render(<QuestionPage />);
    await screen.findByText('宿舍热水几点供应？');
    expect(within(answerCard('热水供应时间为每天 6:00-24:00，已联系维修。')).queryByText('举报')).toBeNull();
    expect(within(document.querySelector('.detail__notice') as HTMLElement).queryByText('举报')).toBeNull();
  });

  async function openAnswerReport() {
    getMock.mockResolvedValue(detail());
    render(<QuestionPage />);
    await screen.findByText('宿舍热水几点供应？');
    fireEvent.click(within(answerCard('热水供应时间为每天 6:00-24:00，已联系维修。')).getByText('举报'));
    expect(screen.getByText('举报这条答复')).toBeTruthy();
  }

  test('a reason is picked and sent; the toast thanks the reporter and the link says 已举报', async () => {
    reportMock.mockResolvedValue({ reported: true, hiddenPendingReview: false });
    await openAnswerReport();
    for (const r of ['广告引流', '不实信息', '人身攻击', '泄露隐私', '违法违规', '其他']) expect(screen.getByText(r)).toBeTruthy();

    fireEvent.click(screen.getByText('提交举报'));
    expect(screen.getByText('请选择举报原因')).toBeTruthy();
    expect(reportMock).not.toHaveBeenCalled();

    fireEvent.click(screen.getByText('不实信息'));
    await act(async () => {
      fireEvent.click(screen.getByText('提交举报'));
    });

    expect(reportMock).toHaveBeenCalledWith({ questionId: 'q1', target: 'answer', answerId: 'a1' }, '不实信息');
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已举报，感谢你的反馈' }));
    expect(screen.queryByText('举报这条答复')).toBeNull();
    expect(screen.getByText('已举报，感谢你的反馈')).toBeTruthy();
    expect(within(answerCard('热水供应时间为每天 6:00-24:00，已联系维修。')).getByText('已举报')).toBeTruthy();
  });

  test('其他 asks for words, 2 to 200 characters, checked before sending', async () => {
    reportMock.mockResolvedValue({ reported: true, hiddenPendingReview: false });
    await openAnswerReport();
    fireEvent.click(screen.getByText('其他'));
    const input = screen.getByPlaceholderText('请说明举报原因');
    fireEvent.click(screen.getByText('提交举报'));
    expect(screen.getByText(/^举报原因至少 2 个字/)).toBeTruthy();

    fireEvent.input(input, { target: { value: '长'.repeat(201) } });
    expect(screen.getByText('201/200').className).toContain('counter--over');
    fireEvent.click(screen.getByText('提交举报'));
    expect(screen.getByText(/^举报原因不能超过 200 个字/)).toBeTruthy();
    expect(reportMock).not.toHaveBeenCalled();

    fireEvent.input(input, { target: { value: '答复里的电话是假的' } });
    await act(async () => {
      fireEvent.click(screen.getByText('提交举报'));
    });
    expect(reportMock).toHaveBeenCalledWith({ questionId: 'q1', target: 'answer', answerId: 'a1' }, '答复里的电话是假的');
  });

  test('the report that reaches the threshold hides it: 已暂时隐藏，等待管理员审核, and the page reloads without it', async () => {
    reportMock.mockResolvedValue({ reported: true, hiddenPendingReview: true });
    await openAnswerReport();
    getMock.mockResolvedValue(detail({ answers: [] }));
    fireEvent.click(screen.getByText('广告引流'));
    await act(async () => {
      fireEvent.click(screen.getByText('提交举报'));
    });
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已暂时隐藏，等待管理员审核' }));
    expect(screen.getByText('你举报的答复已暂时隐藏，等待管理员审核')).toBeTruthy();
    expect(getMock).toHaveBeenCalledTimes(2);
    expect(screen.queryByText('热水供应时间为每天 6:00-24:00，已联系维修。')).toBeNull();
    // Answered, but nothing to show: not "the unit is still working on it".
    expect(await screen.findByText('这个问题已有答复，目前不公开显示（审核中或已隐藏）')).toBeTruthy();
  });

  test('a second report by the same person: 你已经举报过', async () => {
    reportMock.mockResolvedValue({ reported: false, hiddenPendingReview: false });
    await openAnswerReport();
    fireEvent.click(screen.getByText('人身攻击'));
    await act(async () => {
      fireEvent.click(screen.getByText('提交举报'));
    });
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '你已经举报过' }));
  });

  test('a refusal from the server is shown as it comes, in the sheet, which stays open', async () => {
    reportMock.mockRejectedValue(new ApiRequestError('INPUT.INVALID', '只能举报公开发布的内容'));
    await openAnswerReport();
    fireEvent.click(screen.getByText('违法违规'));
    await act(async () => {
      fireEvent.click(screen.getByText('提交举报'));
    });
    expect(screen.getByText('只能举报公开发布的内容')).toBeTruthy();
    expect(screen.getByText('举报这条答复')).toBeTruthy();
    expect(showToast).not.toHaveBeenCalled();

    fireEvent.click(screen.getByText('取消'));
    expect(screen.queryByText('举报这条答复')).toBeNull();
  });

  test('the question and the notice are reported as themselves', async () => {
    reportMock.mockResolvedValue({ reported: true, hiddenPendingReview: false });
    getMock.mockResolvedValue(detail({ notice: notice() }));
    render(<QuestionPage />);
    await screen.findByText('宿舍热水几点供应？');

    fireEvent.click(within(document.querySelector('.detail__card') as HTMLElement).getByText('举报'));
    expect(screen.getByText('举报这个问题')).toBeTruthy();
    fireEvent.click(screen.getByText('广告引流'));
    await act(async () => {
      fireEvent.click(screen.getByText('提交举报'));
    });
    fireEvent.click(within(document.querySelector('.detail__notice') as HTMLElement).getByText('举报'));
    expect(screen.getByText('举报这条处理公告')).toBeTruthy();
    fireEvent.click(screen.getByText('不实信息'));
    await act(async () => {
      fireEvent.click(screen.getByText('提交举报'));
    });
    expect(reportMock.mock.calls).toEqual([
      [{ questionId: 'q1', target: 'question' }, '广告引流'],
      [{ questionId: 'q1', target: 'notice' }, '不实信息'],
    ]);
  });
});
