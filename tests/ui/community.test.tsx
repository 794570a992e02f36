import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import HomePage from '../../miniprogram/src/pages/index/index';
import QuestionPage from '../../miniprogram/src/pages/question/index';
import MessagesPage from '../../miniprogram/src/community/pages/messages/index';
import AskPage from '../../miniprogram/src/pages/ask/index';
import { getQuestion, listPublicQuestions, askQuestion } from '../../miniprogram/src/services/question.service';
import { getQuestionReactions, listExperts, listMessages, markMessagesRead, setAnswerLike, setFollow, setMetoo, countUnreadMessages } from '../../miniprogram/src/services/community.service';
import { getMe } from '../../miniprogram/src/services/me.service';
import { getCatalog } from '../../miniprogram/src/services/catalog.service';
import { shareCardFor } from '../../miniprogram/src/utils/share';
import type { MessageItem } from '@shared/contracts/message.contract';
import type { ExpertProfile } from '@shared/contracts/community.contract';
import { taroState } from './support/taro-double';
import { NOW, answer, catalog, detail, studentMe, summary } from './support/fixtures';

jest.mock('../../miniprogram/src/services/question.service', () => ({
  ...jest.requireActual('../../miniprogram/src/services/question.service'),
  getQuestion: jest.fn(),
  listPublicQuestions: jest.fn(),
  askQuestion: jest.fn(),
}));
jest.mock('../../miniprogram/src/services/community.service', () => ({
  ...jest.requireActual('../../miniprogram/src/services/community.service'),
  getQuestionReactions: jest.fn(),
  setMetoo: jest.fn(),
  setFollow: jest.fn(),
  setAnswerLike: jest.fn(),
  listMessages: jest.fn(),
  markMessagesRead: jest.fn(),
  countUnreadMessages: jest.fn(),
  listExperts: jest.fn(),
}));
jest.mock('../../miniprogram/src/services/me.service');
jest.mock('../../miniprogram/src/services/catalog.service');

beforeEach(() => {
  jest.clearAllMocks();
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  jest.mocked(getMe).mockResolvedValue(studentMe);
  jest.mocked(getCatalog).mockResolvedValue(catalog);
  jest.mocked(countUnreadMessages).mockResolvedValue({ unread: 0 });
  taroState.params = { id: 'q1' };
});

describe('同声同心', () => {
  test('sorts by 同问 and by likes, and each card shows its 同问 and 赞', async () => {
    jest.mocked(listPublicQuestions).mockResolvedValue({ items: [summary({ id: 'q1', title: '图书馆能延长开放吗', metooCount: 12, likeCount: 5 })], nextCursor: null });
    render(<HomePage />);
    expect(await screen.findByText('同问 12 · 赞 5')).toBeTruthy();
    fireEvent.click(screen.getByText('同问最多'));
    await waitFor(() => expect(listPublicQuestions).toHaveBeenLastCalledWith(expect.objectContaining({ sort: 'metoo' })));
    fireEvent.click(screen.getByText('点赞最多'));
    await waitFor(() => expect(listPublicQuestions).toHaveBeenLastCalledWith(expect.objectContaining({ sort: 'likes' })));
    expect(screen.getByText('热点标签')).toBeTruthy();
    expect(screen.getByText('专家推荐')).toBeTruthy();
  });
});

describe('the question page', () => {
  const reactions = (over = {}) => ({ questionId: 'q1', metooCount: 2, canWatch: true, metoo: false, following: false, answers: [{ answerId: 'a1', likeCount: 4, liked: false }], ...over });

  test('同问 and 关注 toggle with their counts; 赞 on an answer counts', async () => {
    jest.mocked(getQuestion).mockResolvedValue(detail({ answers: [answer({ id: 'a1', content: '热水已恢复供应。' })] }));
    jest.mocked(getQuestionReactions).mockResolvedValue(reactions());
    jest.mocked(setMetoo).mockResolvedValue({ questionId: 'q1', on: true, count: 3 });
    jest.mocked(setFollow).mockResolvedValue({ questionId: 'q1', on: true });
    jest.mocked(setAnswerLike).mockResolvedValue({ answerId: 'a1', on: true, count: 5 });
    render(<QuestionPage />);
    fireEvent.click(await screen.findByText('同问 2'));
    expect(await screen.findByText('已同问 3')).toBeTruthy();
    expect(setMetoo).toHaveBeenCalledWith('q1', true);
    fireEvent.click(screen.getByText('关注'));
    expect(await screen.findByText('已关注')).toBeTruthy();
    expect(setFollow).toHaveBeenCalledWith('q1', true);
    fireEvent.click(screen.getByText('赞 4'));
    expect(await screen.findByText('已赞 5')).toBeTruthy();
    expect(setAnswerLike).toHaveBeenCalledWith('q1', 'a1', true);
    // Un-同问 puts the count back.
    jest.mocked(setMetoo).mockResolvedValue({ questionId: 'q1', on: false, count: 2 });
    fireEvent.click(screen.getByText('已同问 3'));
    expect(await screen.findByText('同问 2')).toBeTruthy();
  });

  test('a failed 同问 goes back and says why', async () => {
    jest.mocked(getQuestion).mockResolvedValue(detail());
    jest.mocked(getQuestionReactions).mockResolvedValue(reactions());
    const { ApiRequestError } = jest.requireActual('../../miniprogram/src/services/api-error');
    jest.mocked(setMetoo).mockRejectedValue(new ApiRequestError('REACTION.NOT_ALLOWED'));
    render(<QuestionPage />);
    fireEvent.click(await screen.findByText('同问 2'));
    expect(await screen.findByText('同问 2')).toBeTruthy();
    expect(screen.getByText(/不能|无法|不可/)).toBeTruthy();
  });

  test('the asker sees the 同问 count but no button to 同问 or 关注 their own question', async () => {
    jest.mocked(getQuestion).mockResolvedValue(detail({ viewerIsAsker: true }));
    jest.mocked(getQuestionReactions).mockResolvedValue(reactions({ canWatch: false }));
    render(<QuestionPage />);
    expect(await screen.findByText('同问 2')).toBeTruthy();
    expect(screen.queryByText('关注')).toBeNull();
    fireEvent.click(screen.getByText('同问 2'));
    expect(setMetoo).not.toHaveBeenCalled();
  });

  test('a private question has no 同问, no share and no share card', async () => {
    jest.mocked(getQuestion).mockResolvedValue(detail({ visibility: 'private' }));
    jest.mocked(getQuestionReactions).mockResolvedValue(reactions({ canWatch: false }));
    render(<QuestionPage />);
    expect(await screen.findByText('仅自己和处理老师可见')).toBeTruthy();
    expect(screen.queryByText(/同问/)).toBeNull();
    expect(screen.queryByText('分享')).toBeNull();
    expect(taroState.share?.().title).not.toContain('宿舍热水');
    expect(shareCardFor(detail({ visibility: 'private' }))).toBeNull();
  });

  test("an anonymous asker's question shares with its title only, never the asker's name", async () => {
    const q = detail({ anonymous: true, askerName: '李同学', title: '宿舍热水几点供应？' });
    jest.mocked(getQuestion).mockResolvedValue(q);
    jest.mocked(getQuestionReactions).mockResolvedValue(reactions());
    render(<QuestionPage />);
    expect(await screen.findByText('分享')).toBeTruthy();
    const card = taroState.share?.();
    expect(card).toEqual({ title: '宿舍热水几点供应？ · 青年之声', path: '/pages/question/index?id=q1' });
    expect(card?.title).not.toContain('李同学');
    expect(shareCardFor({ ...q, moderation: 'review' })).toBeNull();
  });
});

describe('消息中心', () => {
  const message = (over: Partial<MessageItem> = {}): MessageItem => ({
    id: 'm1', kind: 'followed', title: '你关注的问题有新进展', text: '「宿舍热水几点供应？」已答复', questionId: 'q1',
    subject: { type: 'question', id: 'q1' }, page: '/pages/question/index?id=q1', at: NOW - 60_000, read: false, ...over,
  });

  test('marks unread ones; opening one marks it read and opens its page; 全部已读 clears the badge', async () => {
    jest.mocked(listMessages).mockResolvedValue({ items: [message(), message({ id: 'm2', title: '你的问题已答复', read: true })], nextCursor: null, unread: 2 });
    jest.mocked(markMessagesRead).mockResolvedValueOnce({ marked: 1, unread: 1 }).mockResolvedValueOnce({ marked: 1, unread: 0 });
    render(<MessagesPage />);
    expect(await screen.findByText('1 条未读')).toBeTruthy();
    expect(taroState.tabBadge).toBe('2');
    expect(screen.getByText('未读 · 查看 ›')).toBeTruthy();

    fireEvent.click(screen.getByText('你关注的问题有新进展'));
    expect(markMessagesRead).toHaveBeenCalledWith({ ids: ['m1'] });
    expect(taroState.navigations).toContainEqual({ kind: 'navigateTo', url: '/pages/question/index?id=q1' });
    await waitFor(() => expect(taroState.tabBadge).toBe('1'));
    expect(screen.queryByText('未读 · 查看 ›')).toBeNull();
  });

  test('全部已读', async () => {
    jest.mocked(listMessages).mockResolvedValue({ items: [message(), message({ id: 'm2' })], nextCursor: null, unread: 2 });
    jest.mocked(markMessagesRead).mockResolvedValue({ marked: 2, unread: 0 });
    render(<MessagesPage />);
    fireEvent.click(await screen.findByText('全部已读'));
    await waitFor(() => expect(taroState.tabBadge).toBeNull());
    expect(markMessagesRead).toHaveBeenCalledWith({ all: true });
    expect(screen.queryByText('未读 · 查看 ›')).toBeNull();
    expect(screen.queryByText('全部已读')).toBeNull();
  });
});

describe('the ask form suggests experts', () => {
  const expert: ExpertProfile = {
    id: 'p-zhou', name: '周老师', team: 'expert', teamLabel: '专帮青', unitId: 'u-cs', unitName: '计算机学院团委',
    categories: [{ id: 'cat-study', name: '学业' }], answers: 12, satisfaction: 0.9, rated: 10, medianResponseMinutes: 90, likesReceived: 3,
  };

  test('once college and category are chosen; addressing one is optional and sent as expertId', async () => {
    taroState.params = { college: 'c-cs' };
    jest.mocked(listExperts).mockResolvedValue({ items: [expert], nextCursor: null, figuresAt: NOW });
    jest.mocked(askQuestion).mockResolvedValue({ id: 'q9', routedTo: { unitId: 'u-cs', unitName: '计算机学院团委', reason: 'college' }, createdAt: NOW, deadlineAt: NOW + 86_400_000, moderation: 'published', crisis: null });
    render(<AskPage />);
    const study = catalog.categories.find((c) => c.id === 'cat-study')!;
    fireEvent.click(await screen.findByText(study.name));
    expect(await screen.findByText('推荐专家（可选）')).toBeTruthy();
    expect(listExperts).toHaveBeenCalledWith({ collegeId: 'c-cs', categoryId: 'cat-study' });
    expect(screen.getByText(/仍按正常流程分派，24 小时内答复/)).toBeTruthy();
    fireEvent.click(screen.getByText('指定TA'));
    expect(screen.getByText('已指定')).toBeTruthy();
    fireEvent.input(screen.getByPlaceholderText('一句话说清你的问题'), { target: { value: '毕业论文查重次数有限制吗' } });
    fireEvent.input(screen.getByPlaceholderText(/把情况说具体些/), { target: { value: '想知道学校提供的论文查重一共可以用几次，超过了怎么办？' } });
    fireEvent.click(screen.getByText('提交问题'));
    await waitFor(() => expect(askQuestion).toHaveBeenCalledWith(expect.objectContaining({ expertId: 'p-zhou', categoryId: 'cat-study' }), expect.any(String)));
  });
});
