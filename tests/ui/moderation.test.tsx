import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ModerationPage from '../../miniprogram/src/admin/pages/moderation/index';
import EscalationsPage from '../../miniprogram/src/admin/pages/escalations/index';
import UnreachablePage from '../../miniprogram/src/admin/pages/unreachable/index';
import PerformancePage from '../../miniprogram/src/admin/pages/performance/index';
import { decideModeration, listModerationQueue, type ModerationItem } from '../../miniprogram/src/services/moderation.service';
import { getUnitPerformance, listEscalations, listUnreachable } from '../../miniprogram/src/services/admin.service';
import { getMe } from '../../miniprogram/src/services/me.service';
import { ApiRequestError } from '../../miniprogram/src/services/api-error';
import type { Me } from '@shared/contracts/me.contract';
import { HOUR_MS } from '@shared/domain/answer-deadline';
import { showToast, taroState } from './support/taro-double';
import { MINUTE_MS, NOW, studentMe } from './support/fixtures';

jest.mock('../../miniprogram/src/services/moderation.service');
jest.mock('../../miniprogram/src/services/admin.service');
jest.mock('../../miniprogram/src/services/me.service');

const queueMock = jest.mocked(listModerationQueue);
const decideMock = jest.mocked(decideModeration);

const as = (name: string, roles: Me['roles']): Me => ({ ...studentMe, name, roles });
const coordinator = as('王钰铭', ['coordinator', 'responder']);
const schoolAdmin = as('李天罡', ['schoolAdmin', 'supervisor']);
const supervisor = as('孟妍', ['supervisor']);
const student = as('张晓雨', ['student']);

const item = (overrides: Partial<ModerationItem>): ModerationItem => ({
  questionId: 'q-held',
  target: 'question',
  answerId: null,
  questionTitle: '二手教材转让，有需要的同学加微信',
  text: '二手教材转让，有需要的同学加微信\n大一高数、线代、大学物理教材都有，九成新，半价转让，有需要的同学加微信详聊。',
  authorName: '赵一鸣',
  state: 'review',
  reason: '关键词：加微信',
  reports: 0,
  at: NOW - 3 * HOUR_MS - 12 * MINUTE_MS,
  ...overrides,
});

const heldQuestion = item({});
const reportedAnswer = item({
  questionId: 'q-dorm',
  target: 'answer',
  answerId: 'a-7',
  questionTitle: '宿舍热水几点供应？',
  text: '热水的事找楼下小卖部老板，微信 abc123，包你满意。',
  authorName: '夏晶',
  reason: '3位用户举报，等待审核',
  reports: 3,
  at: NOW - 40 * MINUTE_MS,
});
const heldNotice = item({
  questionId: 'q-fire',
  target: 'notice',
  questionTitle: '宿舍楼道有烧焦的味道',
  text: '7号楼三楼一间宿舍使用违规电器，已处理，请同学们注意用电安全。',
  authorName: '夏晶',
  reason: '内容安全检查暂不可用，等待人工审核',
  at: NOW - 5 * MINUTE_MS,
});

function given(me: Me, items: ModerationItem[] = [heldQuestion, reportedAnswer, heldNotice]) {
  jest.mocked(getMe).mockResolvedValue(me);
  queueMock.mockResolvedValue({ items, nextCursor: null });
}

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  queueMock.mockReset();
  decideMock.mockReset();
  jest.mocked(showToast).mockClear();
  given(coordinator);
});

const card = (title: string) => screen.getByText(title, { selector: '.mod-card__question-title' }).closest('.mod-card') as HTMLElement;
const cards = () => Array.from(document.querySelectorAll('.mod-card'));
const reasonBox = () => screen.getByPlaceholderText(/的理由（2–200 字）/);

describe('who may open 内容审核', () => {
  test.each([
    ['a supervisor', supervisor],
    ['a student', student],
  ])('%s gets a clear 无权限 state with a way back, and the queue is never asked for', async (_who, me) => {
    given(me);
    taroState.pages = [{ route: 'pages/mine/index' }, { route: 'admin/pages/moderation/index' }];
    render(<ModerationPage />);
    expect(await screen.findByText('无权限')).toBeTruthy();
    expect(screen.getByText('内容审核仅限协管员和学校管理员使用。')).toBeTruthy();
    expect(queueMock).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('返回'));
    expect(taroState.navigations).toEqual([{ kind: 'navigateBack', url: undefined }]);
  });

  test('opened directly (no page to go back to), 返回 goes to 我的', async () => {
    given(supervisor);
    render(<ModerationPage />);
    fireEvent.click(await screen.findByText('返回'));
    expect(taroState.navigations).toEqual([{ kind: 'switchTab', url: '/pages/mine/index' }]);
  });

  test('the server refusing the queue (roles changed meanwhile) shows the same state', async () => {
    queueMock.mockRejectedValue(new ApiRequestError('AUTH.FORBIDDEN', '只有协管员和学校管理员可以审核内容'));
    render(<ModerationPage />);
    expect(await screen.findByText('无权限')).toBeTruthy();
  });

  test('who the viewer is could not be loaded: the reason and 重试', async () => {
    jest.mocked(getMe).mockRejectedValueOnce(new ApiRequestError('NETWORK.FAILED')).mockResolvedValue(coordinator);
    render(<ModerationPage />);
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('二手教材转让，有需要的同学加微信', { selector: '.mod-card__question-title' })).toBeTruthy();
  });

  test.each([
    ['the coordinator', coordinator],
    ['the school admin', schoolAdmin],
  ])('%s sees the queue', async (_who, me) => {
    given(me);
    render(<ModerationPage />);
    expect(await screen.findByText('宿舍热水几点供应？')).toBeTruthy();
    expect(queueMock).toHaveBeenCalledWith(undefined);
  });
});

describe('the queue', () => {
  test('each held thing in the server\'s order (longest waiting first): what it is, its question, why, who wrote it, how long it has waited, the whole text', async () => {
    render(<ModerationPage />);
    await screen.findByText('宿舍热水几点供应？');
    expect(cards().map((c) => c.querySelector('.mod-card__question-title')?.textContent)).toEqual([
      '二手教材转让，有需要的同学加微信',
      '宿舍热水几点供应？',
      '宿舍楼道有烧焦的味道',
    ]);

    const question = card('二手教材转让，有需要的同学加微信');
    expect(within(question).getByText('问题', { selector: '.badge' })).toBeTruthy();
    expect(within(question).getByText('关键词：加微信')).toBeTruthy();
    expect(within(question).getByText('提问人：赵一鸣')).toBeTruthy();
    expect(within(question).getByText('已等待 3小时12分')).toBeTruthy();
    expect(question.querySelector('.mod-card__text')?.textContent).toBe(heldQuestion.text);

    const answer = card('宿舍热水几点供应？');
    expect(within(answer).getByText('夏晶的答复', { selector: '.badge' })).toBeTruthy();
    expect(within(answer).getByText('3位用户举报，等待审核')).toBeTruthy();
    expect(within(answer).getByText('发布人：夏晶')).toBeTruthy();
    expect(within(answer).getByText('已等待 40分钟')).toBeTruthy();
    expect(within(answer).getByText(reportedAnswer.text)).toBeTruthy();

    const notice = card('宿舍楼道有烧焦的味道');
    expect(within(notice).getByText('处理公告', { selector: '.badge' })).toBeTruthy();
    expect(within(notice).getByText('已等待 5分钟')).toBeTruthy();
  });

  test('reports the reason does not mention are counted anyway', async () => {
    given(coordinator, [item({ reason: '关键词：代课', reports: 2 })]);
    render(<ModerationPage />);
    expect(await screen.findByText('关键词：代课；2位用户举报')).toBeTruthy();
  });

  test('a tap on the question title opens the question page', async () => {
    render(<ModerationPage />);
    fireEvent.click(await screen.findByText('宿舍热水几点供应？'));
    expect(taroState.navigations).toEqual([{ kind: 'navigateTo', url: '/pages/question/index?id=q-dorm' }]);
  });

  test('empty: 暂无待审核内容', async () => {
    given(coordinator, []);
    render(<ModerationPage />);
    expect(await screen.findByText('暂无待审核内容')).toBeTruthy();
  });

  test('pages on with the cursor', async () => {
    queueMock
      .mockResolvedValueOnce({ items: [heldQuestion], nextCursor: 'c-2' })
      .mockResolvedValueOnce({ items: [reportedAnswer], nextCursor: null });
    render(<ModerationPage />);
    await screen.findByText('二手教材转让，有需要的同学加微信');
    fireEvent.click(screen.getByText('加载更多'));
    expect(await screen.findByText('宿舍热水几点供应？')).toBeTruthy();
    expect(queueMock).toHaveBeenLastCalledWith('c-2');
    expect(cards()).toHaveLength(2);
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  test('a failed load says why and offers 重试', async () => {
    queueMock.mockRejectedValueOnce(new ApiRequestError('NETWORK.FAILED')).mockResolvedValue({ items: [heldQuestion], nextCursor: null });
    render(<ModerationPage />);
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('二手教材转让，有需要的同学加微信')).toBeTruthy();
  });
});

describe('公开 and 隐藏, each with a reason', () => {
  test('a reason is required: nothing is sent without one, or with one character', async () => {
    render(<ModerationPage />);
    const question = card(await screen.findByText('二手教材转让，有需要的同学加微信').then((n) => n.textContent!));
    fireEvent.click(within(question).getByText('公开'));
    expect(within(question).getByText('公开这条内容')).toBeTruthy();
    fireEvent.click(within(question).getByText('确认公开'));
    expect(await within(question).findByText('请选择或填写公开的理由')).toBeTruthy();

    fireEvent.input(reasonBox(), { target: { value: '好' } });
    expect(within(question).queryByText('请选择或填写公开的理由')).toBeNull();
    fireEvent.click(within(question).getByText('确认公开'));
    expect(await within(question).findByText('理由至少 2 个字')).toBeTruthy();
    expect(decideMock).not.toHaveBeenCalled();
  });

  test('the counter counts as the server does: an emoji is one character', async () => {
    render(<ModerationPage />);
    const question = card(await screen.findByText('二手教材转让，有需要的同学加微信').then((n) => n.textContent!));
    fireEvent.click(within(question).getByText('隐藏'));
    expect(within(question).getByText('0/200')).toBeTruthy();
    fireEvent.input(reasonBox(), { target: { value: '广告👍' } });
    expect(within(question).getByText('3/200')).toBeTruthy();
  });

  test('quick reasons fit the decision, and one tap fills the reason', async () => {
    render(<ModerationPage />);
    const question = card(await screen.findByText('二手教材转让，有需要的同学加微信').then((n) => n.textContent!));
    fireEvent.click(within(question).getByText('公开'));
    const chips = () => Array.from(question.querySelectorAll('.mod-chip')).map((c) => c.textContent);
    expect(chips()).toEqual(['内容无违规', '个人信息已核实无误']);
    fireEvent.click(within(question).getByText('内容无违规'));
    expect((reasonBox() as HTMLInputElement).value).toBe('内容无违规');
    expect(within(question).getByText('内容无违规').className).toContain('mod-chip--on');

    // Switching to 隐藏 starts the reason over: a 公开 reason does not justify hiding.
    fireEvent.click(within(question).getByText('取消'));
    fireEvent.click(within(question).getByText('隐藏'));
    expect(chips()).toEqual(['广告引流', '不实信息', '人身攻击', '泄露隐私', '违法违规']);
    expect((reasonBox() as HTMLInputElement).value).toBe('');
  });

  test('公开 with a quick reason: sent with a request id, the item leaves the list with a confirmation', async () => {
    decideMock.mockResolvedValue({ state: 'published', version: 4 });
    render(<ModerationPage />);
    const question = card(await screen.findByText('二手教材转让，有需要的同学加微信').then((n) => n.textContent!));
    fireEvent.click(within(question).getByText('公开'));
    fireEvent.click(within(question).getByText('内容无违规'));
    fireEvent.click(within(question).getByText('确认公开'));

    expect(await screen.findByText('已公开，操作已记入日志')).toBeTruthy();
    expect(screen.getByText('问题「二手教材转让，有需要的同学加微信」')).toBeTruthy();
    expect(decideMock).toHaveBeenCalledTimes(1);
    expect(decideMock).toHaveBeenCalledWith(
      expect.objectContaining({ questionId: 'q-held', target: 'question', answerId: null }),
      'publish',
      '内容无违规',
      expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
    );
    expect(screen.queryByText('二手教材转让，有需要的同学加微信', { selector: '.mod-card__question-title' })).toBeNull();
    expect(cards()).toHaveLength(2);
    expect(showToast).toHaveBeenCalledWith({ title: '已公开', icon: 'success' });
  });

  test('隐藏 an answer with a reason of one\'s own: the answer is named, and only that item leaves', async () => {
    decideMock.mockResolvedValue({ state: 'hidden', version: 9 });
    render(<ModerationPage />);
    const answer = card(await screen.findByText('宿舍热水几点供应？').then((n) => n.textContent!));
    fireEvent.click(within(answer).getByText('隐藏'));
    fireEvent.input(reasonBox(), { target: { value: '  留私人微信招揽生意  ' } });
    fireEvent.click(within(answer).getByText('确认隐藏'));

    expect(await screen.findByText('已隐藏，操作已记入日志')).toBeTruthy();
    expect(screen.getByText('问题「宿舍热水几点供应？」的夏晶的答复')).toBeTruthy();
    expect(decideMock).toHaveBeenCalledWith(expect.objectContaining({ questionId: 'q-dorm', target: 'answer', answerId: 'a-7' }), 'hide', '留私人微信招揽生意', expect.any(String));
    expect(cards().map((c) => c.querySelector('.mod-card__question-title')?.textContent)).toEqual(['二手教材转让，有需要的同学加微信', '宿舍楼道有烧焦的味道']);
  });

  test('a retry after a network failure keeps the reason and reuses the request id; a new reason gets a new one', async () => {
    decideMock
      .mockRejectedValueOnce(new ApiRequestError('NETWORK.FAILED'))
      .mockRejectedValueOnce(new ApiRequestError('NETWORK.FAILED'))
      .mockRejectedValueOnce(new ApiRequestError('NETWORK.FAILED'))
      .mockResolvedValue({ state: 'hidden', version: 2 });
    render(<ModerationPage />);
    const question = card(await screen.findByText('二手教材转让，有需要的同学加微信').then((n) => n.textContent!));
    fireEvent.click(within(question).getByText('隐藏'));
    fireEvent.click(within(question).getByText('广告引流'));
    fireEvent.click(within(question).getByText('确认隐藏'));
    expect(await within(question).findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    expect((reasonBox() as HTMLInputElement).value).toBe('广告引流');

    fireEvent.click(within(question).getByText('确认隐藏'));
    await waitFor(() => expect(decideMock).toHaveBeenCalledTimes(2));
    const first = decideMock.mock.calls[0]?.[3];
    expect(decideMock.mock.calls[1]?.[3]).toBe(first);

    await within(question).findByText('网络连接失败，请检查网络后重试');
    fireEvent.click(within(question).getByText('违法违规'));
    fireEvent.click(within(question).getByText('确认隐藏'));
    await waitFor(() => expect(decideMock).toHaveBeenCalledTimes(3));
    expect(decideMock.mock.calls[2]?.[3]).not.toBe(first);

    await within(question).findByText('网络连接失败，请检查网络后重试');
    fireEvent.click(within(question).getByText('确认隐藏'));
    expect(await screen.findByText('已隐藏，操作已记入日志')).toBeTruthy();
    expect(decideMock.mock.calls[3]?.[3]).toBe(decideMock.mock.calls[2]?.[3]);
  });

  test('QUESTION.STATE_CONFLICT: someone else changed it; the list is reloaded and the viewer told', async () => {
    decideMock.mockRejectedValue(new ApiRequestError('QUESTION.STATE_CONFLICT', '问题刚刚被其他人处理过，请刷新后再试'));
    render(<ModerationPage />);
    const question = card(await screen.findByText('二手教材转让，有需要的同学加微信').then((n) => n.textContent!));
    queueMock.mockResolvedValue({ items: [reportedAnswer], nextCursor: null });
    fireEvent.click(within(question).getByText('公开'));
    fireEvent.click(within(question).getByText('内容无违规'));
    fireEvent.click(within(question).getByText('确认公开'));

    expect(await screen.findByText('这个问题刚刚被其他人处理过，列表已刷新，请重新查看')).toBeTruthy();
    await waitFor(() => expect(cards()).toHaveLength(1));
    expect(queueMock).toHaveBeenCalledTimes(2);
    expect(screen.queryByText('公开这条内容')).toBeNull();
  });

  test('QUESTION.NOT_FOUND: the question is gone; its item leaves the list with a note', async () => {
    decideMock.mockRejectedValue(new ApiRequestError('QUESTION.NOT_FOUND'));
    render(<ModerationPage />);
    const notice = card(await screen.findByText('宿舍楼道有烧焦的味道').then((n) => n.textContent!));
    fireEvent.click(within(notice).getByText('隐藏'));
    fireEvent.click(within(notice).getByText('不实信息'));
    fireEvent.click(within(notice).getByText('确认隐藏'));
    expect(await screen.findByText('问题「宿舍楼道有烧焦的味道」的处理公告已不存在（可能已被删除），已从列表移除')).toBeTruthy();
    expect(cards()).toHaveLength(2);
    expect(screen.queryByText('已隐藏，操作已记入日志')).toBeNull();
  });

  test('INPUT.INVALID: the server\'s reason shows by the form, which stays open with the reason', async () => {
    decideMock.mockRejectedValue(new ApiRequestError('INPUT.INVALID', '这个问题还没有处理公告'));
    render(<ModerationPage />);
    const notice = card(await screen.findByText('宿舍楼道有烧焦的味道').then((n) => n.textContent!));
    fireEvent.click(within(notice).getByText('公开'));
    fireEvent.click(within(notice).getByText('内容无违规'));
    fireEvent.click(within(notice).getByText('确认公开'));
    expect(await within(notice).findByText('这个问题还没有处理公告')).toBeTruthy();
    expect((reasonBox() as HTMLInputElement).value).toBe('内容无违规');
    expect(cards()).toHaveLength(3);
  });

  test('AUTH.FORBIDDEN on a decision: the page says the viewer may not moderate', async () => {
    decideMock.mockRejectedValue(new ApiRequestError('AUTH.FORBIDDEN', '只有协管员和学校管理员可以审核内容'));
    render(<ModerationPage />);
    const question = card(await screen.findByText('二手教材转让，有需要的同学加微信').then((n) => n.textContent!));
    fireEvent.click(within(question).getByText('公开'));
    fireEvent.click(within(question).getByText('内容无违规'));
    fireEvent.click(within(question).getByText('确认公开'));
    expect(await screen.findByText('无权限')).toBeTruthy();
    expect(cards()).toHaveLength(0);
  });

  test('one decision at a time: opening another item closes the first', async () => {
    render(<ModerationPage />);
    const question = card(await screen.findByText('二手教材转让，有需要的同学加微信').then((n) => n.textContent!));
    const answer = card('宿舍热水几点供应？');
    fireEvent.click(within(question).getByText('公开'));
    fireEvent.click(within(answer).getByText('隐藏'));
    expect(within(question).queryByText('公开这条内容')).toBeNull();
    expect(within(answer).getByText('隐藏这条内容')).toBeTruthy();
    expect(document.querySelectorAll('.mod-form')).toHaveLength(1);
  });
});

describe('内容审核 and 操作日志 among the oversight links', () => {
  beforeEach(() => {
    jest.mocked(listEscalations).mockResolvedValue({ items: [], nextCursor: null });
    jest.mocked(listUnreachable).mockResolvedValue({ people: [] });
    jest.mocked(getUnitPerformance).mockResolvedValue({ from: NOW - 30 * 24 * HOUR_MS, to: NOW, units: [] });
  });
  const linkTitles = () => Array.from(document.querySelectorAll('.ov-links__title')).map((t) => t.textContent);

  test.each([
    ['coordinator', coordinator, ['各单位答复情况', '数据统计', '提醒送达情况', '内容审核', '常见问题整理']],
    ['school admin', schoolAdmin, ['各单位答复情况', '数据统计', '提醒送达情况', '内容审核', '常见问题整理', '操作日志']],
    ['supervisor', supervisor, ['各单位答复情况', '数据统计', '提醒送达情况']],
  ])('超时督办 links the %s only to the pages they may open', async (_who, me, expected) => {
    jest.mocked(getMe).mockResolvedValue(me);
    render(<EscalationsPage />);
    await screen.findByText('没有超时未答的问题，各单位都在按时答复');
    await waitFor(() => expect(linkTitles()).toEqual(expected));
  });

  test('提醒送达情况 and 各单位答复情况 link the school admin to both; a tap opens them', async () => {
    jest.mocked(getMe).mockResolvedValue(schoolAdmin);
    render(<UnreachablePage />);
    await waitFor(() => expect(linkTitles()).toEqual(['超时督办', '各单位答复情况', '内容审核', '操作日志']));
    fireEvent.click(screen.getByText('内容审核'));
    fireEvent.click(screen.getByText('操作日志'));
    expect(taroState.navigations).toEqual([
      { kind: 'navigateTo', url: '/admin/pages/moderation/index' },
      { kind: 'navigateTo', url: '/admin/pages/audit/index' },
    ]);
  });

  test('各单位答复情况 shows a supervisor neither', async () => {
    jest.mocked(getMe).mockResolvedValue(supervisor);
    render(<PerformancePage />);
    await waitFor(() => expect(linkTitles()).toEqual(['超时督办', '提醒送达情况']));
    expect(jest.mocked(getMe)).toHaveBeenCalled();
  });

  test('内容审核 links the school admin on to 操作日志 and 超时督办, the coordinator to 超时督办 only', async () => {
    jest.mocked(getMe).mockResolvedValue(schoolAdmin);
    const { unmount } = render(<ModerationPage />);
    await waitFor(() => expect(linkTitles()).toEqual(['操作日志', '超时督办']));
    unmount();
    jest.mocked(getMe).mockResolvedValue(coordinator);
    render(<ModerationPage />);
    await waitFor(() => expect(linkTitles()).toEqual(['超时督办']));
  });
});
