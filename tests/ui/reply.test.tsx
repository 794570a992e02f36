import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ReplyPage from '../../miniprogram/src/expert/pages/reply/index';
import {
  getQuestion,
  postAnswer,
  claimQuestion,
  transferQuestion,
  resolveQuestion,
  publishNotice,
  addProgress,
} from '../../miniprogram/src/services/question.service';
import { urgeQuestion } from '../../miniprogram/src/services/admin.service';
import { getCatalog } from '../../miniprogram/src/services/catalog.service';
import { getMe } from '../../miniprogram/src/services/me.service';
import { getAnswerReferences } from '../../miniprogram/src/services/search.service';
import { ApiRequestError } from '../../miniprogram/src/services/api-error';
import type { QuestionDetail, TimelineEntry } from '@shared/contracts/question.contract';
import { HOUR_MS } from '@shared/domain/answer-deadline';
import { taroState } from './support/taro-double';
import { MINUTE_MS, NOW, catalog, detail, studentMe } from './support/fixtures';

jest.mock('../../miniprogram/src/services/question.service');
jest.mock('../../miniprogram/src/services/admin.service');
jest.mock('../../miniprogram/src/services/catalog.service');
jest.mock('../../miniprogram/src/services/me.service');
// 参考答复 are tested in knowledge.test.tsx; here there are none.
jest.mock('../../miniprogram/src/services/search.service');

/** The fixture catalog plus a class branch, which must never be offered as a transfer target. */
const catalogWithBranch = {
  ...catalog,
  units: [
    ...catalog.units,
    { id: 'b-cs-1', name: '计算机2301班团支部', shortName: '计算机2301班团支部', kind: 'branch' as const, parentId: 'u-cs', emergencyContacts: [] },
    { id: 'u-security', name: '保卫处', shortName: '保卫处', kind: 'department' as const, parentId: null, emergencyContacts: [] },
  ],
};

const step = (type: TimelineEntry['type'], extra: Partial<TimelineEntry> = {}): TimelineEntry => ({
  id: `e-${type}-${Math.random().toString(36).slice(2, 8)}`,
  type,
  at: NOW - HOUR_MS,
  actorName: '系统',
  unitName: null,
  fromStatus: 'routed',
  toStatus: 'routed',
  reason: null,
  internal: false,
  ...extra,
});

const waiting = detail({
  id: 'q3',
  status: 'routed',
  answeredAt: null,
  answers: [],
  viewerCanAnswer: true,
  viewerIsHandler: true,
  anonymous: true,
  askerName: '李同学',
  ownerUnitId: 'u-logistics',
  ownerUnitName: '后勤服务中心',
});

function given(q: Partial<QuestionDetail>) {
  jest.mocked(getQuestion).mockResolvedValue({ ...waiting, ...q });
}

beforeEach(() => {
  jest.mocked(getAnswerReferences).mockResolvedValue({ items: [] });
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  taroState.params = { id: 'q3' };
  jest.mocked(getQuestion).mockReset().mockResolvedValue(waiting);
  jest.mocked(postAnswer).mockReset();
  jest.mocked(getCatalog).mockResolvedValue(catalogWithBranch);
  jest.mocked(getMe).mockResolvedValue({ ...studentMe, name: '夏晶', roles: ['responder'] });
});

function typeReply(value: string) {
  fireEvent.change(screen.getByPlaceholderText(/写给提问同学的答复/), { target: { value } });
}
const handlingBox = () => screen.getByPlaceholderText(/办理说明|本次办理进展/);
const section = (title: string) => screen.getByText(title, { selector: '.case-section__title' }).closest('.case-section') as HTMLElement;

describe('答复 (public)', () => {
  test('posts a reply and reports that it became the official answer', async () => {
    jest.mocked(postAnswer).mockResolvedValue({ answerId: 'a9', official: true, answeredAt: NOW, moderation: 'published' });
    render(<ReplyPage />);
    expect(await screen.findByText(/李同学（匿名提问）/)).toBeTruthy();

    typeReply('已联系宿管，今晚恢复热水供应。');
    expect(screen.getByText('15/3000')).toBeTruthy();
    fireEvent.click(screen.getByText('提交回复'));

    expect(await screen.findByText('已作为官方答复，计时已停止')).toBeTruthy();
    expect(postAnswer).toHaveBeenCalledWith('q3', '已联系宿管，今晚恢复热水供应。', expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/));
    expect(getQuestion).toHaveBeenCalledTimes(2);

    fireEvent.click(screen.getByText('查看问题页'));
    expect(taroState.navigations).toEqual([{ kind: 'redirectTo', url: '/pages/question/index?id=q3' }]);
  });

  test('says who reads the reply: the asker and, for a public question, everyone', async () => {
    render(<ReplyPage />);
    const reply = section(await screen.findByText('答复', { selector: '.case-section__title' }).then((n) => n.textContent!));
    expect(within(reply).getByText('公开')).toBeTruthy();
    expect(reply.textContent).toContain('这是公开问题，所有人都能在问题页看到这条答复');
  });

  test('a private question\'s reply is for the asker only', async () => {
    given({ visibility: 'private' });
    render(<ReplyPage />);
    await screen.findByText('答复', { selector: '.case-section__title' });
    const reply = section('答复');
    expect(within(reply).getByText('提问同学可见')).toBeTruthy();
    expect(reply.textContent).toContain('只有提问同学和办理人员能看到这条答复');
  });

  test('a follow-up reply is not official', async () => {
    given({ status: 'answered', answeredAt: NOW - HOUR_MS });
    jest.mocked(postAnswer).mockResolvedValue({ answerId: 'a10', official: false, answeredAt: NOW - HOUR_MS, moderation: 'published' });
    render(<ReplyPage />);
    fireEvent.change(await screen.findByPlaceholderText('补充说明，提问同学会看到'), { target: { value: '补充：周末同样适用。' } });
    fireEvent.click(screen.getByText('发布补充回复'));
    expect(await screen.findByText('已作为补充答复发布')).toBeTruthy();
  });

  test('an empty reply is refused inline; a server refusal shows its message', async () => {
    jest.mocked(postAnswer).mockRejectedValue(new ApiRequestError('AUTH.FORBIDDEN', '你没有权限进行此操作'));
    render(<ReplyPage />);
    await screen.findByText('宿舍热水几点供应？');

    fireEvent.click(screen.getByText('提交回复'));
    expect(screen.getByText('答复至少 2 个字')).toBeTruthy();
    expect(postAnswer).not.toHaveBeenCalled();

    typeReply('我来回复一下');
    fireEvent.click(screen.getByText('提交回复'));
    expect(await screen.findByText('你没有权限进行此操作')).toBeTruthy();
  });

  test('a retry after a lost reply sends the same request id, so the reply posts once', async () => {
    jest.mocked(postAnswer).mockRejectedValueOnce(new Error('network')).mockResolvedValueOnce({ answerId: 'a11', official: true, answeredAt: NOW, moderation: 'published' });
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
});

describe('history and assignee (item 4)', () => {
  test('shows who transferred it here and why, the student\'s reopen reason, who claimed it, and the whole timeline', async () => {
    given({
      status: 'handling',
      answeredAt: NOW - 5 * HOUR_MS,
      assigneeName: '夏晶',
      reopenedAt: NOW - HOUR_MS,
      viewerCanAnswer: true,
      viewerActions: ['transfer', 'addProgress', 'resolve'],
      timeline: [
        step('ask', { actorName: '李同学', at: NOW - 9 * HOUR_MS, reason: '按类别分派' }),
        step('transfer', { actorName: '任智宇', unitName: '后勤服务中心', at: NOW - 8 * HOUR_MS, reason: '宿舍维修归后勤管理', internal: true }),
        step('claim', { actorName: '夏晶', unitName: '后勤服务中心', at: NOW - 7 * HOUR_MS, internal: true }),
        step('answer', { actorName: '夏晶', unitName: '后勤服务中心', at: NOW - 5 * HOUR_MS, toStatus: 'answered' }),
        step('reopen', { actorName: '李同学', at: NOW - HOUR_MS, reason: '热水还是时有时无', internal: true, fromStatus: 'answered', toStatus: 'handling' }),
      ],
    });
    render(<ReplyPage />);

    const handover = (await screen.findByText(/转办至「后勤服务中心」/, { selector: '.handover__title' })).closest('.handover') as HTMLElement;
    expect(handover.textContent).toContain('任智宇 于');
    expect(handover.textContent).toContain('理由：宿舍维修归后勤管理');
    expect(handover.textContent).toContain('李同学 于');
    expect(handover.textContent).toContain('申请重新办理');
    expect(handover.textContent).toContain('原因：热水还是时有时无');

    const owner = document.querySelector('.owner-row') as HTMLElement;
    expect(owner.textContent).toContain('负责单位后勤服务中心');
    expect(owner.textContent).toContain('认领人夏晶（你）');

    const history = document.querySelector('.history') as HTMLElement;
    expect(Array.from(history.querySelectorAll('.history__what')).map((n) => n.textContent)).toEqual(['提问', '转办', '认领', '官方答复', '重新办理']);
    expect(history.querySelectorAll('.history__internal')).toHaveLength(3);
    const transferStep = history.querySelector('.history__item--transfer') as HTMLElement;
    expect(transferStep.textContent).toContain('任智宇');
    expect(transferStep.textContent).toContain('「后勤服务中心」');
    expect(transferStep.textContent).toContain('宿舍维修归后勤管理');
    expect(screen.getAllByText('重新办理').some((n) => n.classList.contains('badge'))).toBe(true);
  });

  test('nobody has claimed it yet: says so', async () => {
    given({ viewerActions: ['claim', 'transfer'] });
    render(<ReplyPage />);
    expect((await screen.findByText('尚未认领')).className).toContain('owner-row__value--none');
  });
});

describe('认领 (item 8)', () => {
  test('is offered while nobody holds it; one tap claims once, and it is not offered to the holder afterwards', async () => {
    jest.mocked(getQuestion)
      .mockResolvedValueOnce({ ...waiting, viewerActions: ['claim', 'transfer'] })
      .mockResolvedValue({ ...waiting, assigneeName: '夏晶', viewerActions: ['transfer'] });
    let finish: (v: { status: 'routed'; version: number }) => void = () => undefined;
    jest.mocked(claimQuestion).mockReset().mockImplementation(() => new Promise((resolve) => (finish = resolve)));
    render(<ReplyPage />);

    const claim = await screen.findByText('认领');
    fireEvent.click(claim);
    fireEvent.click(claim);
    expect(claimQuestion).toHaveBeenCalledTimes(1);
    await act(async () => finish({ status: 'routed', version: 2 }));

    expect(await screen.findByText('已认领，此问题由你跟进')).toBeTruthy();
    expect(await screen.findByText('夏晶（你）')).toBeTruthy();
    expect(screen.queryByText('认领', { selector: '.case-btn' })).toBeNull();
    expect(claimQuestion).toHaveBeenCalledWith('q3', expect.stringMatching(/^q[0-9a-z]{12,}$/));
  });

  test('the holder is not invited to claim again', async () => {
    given({ assigneeName: '夏晶', viewerActions: ['transfer'] });
    render(<ReplyPage />);
    await screen.findByText('夏晶（你）');
    expect(screen.queryByText('认领')).toBeNull();
  });
});

describe('办理记录 (internal) and 处理公告 (public) (items 5, 7, 12)', () => {
  const handling = { ...waiting, status: 'handling' as const, answeredAt: NOW - HOUR_MS, viewerActions: ['addProgress', 'resolve', 'transfer'] as QuestionDetail['viewerActions'] };

  test('one box for handling notes, marked internal; the page says the asker does not read it', async () => {
    given(handling);
    render(<ReplyPage />);
    await screen.findByText('办理记录');
    const box = section('办理记录');
    expect(within(box).getByText('仅办理人员可见')).toBeTruthy();
    expect(box.textContent).toContain('看不到这里写的内容');
    expect(document.querySelectorAll('textarea')).toHaveLength(2); // 补充答复 and 办理记录, nothing else about 进展
    expect(screen.queryByPlaceholderText(/处理公告/)).toBeNull();
  });

  test('the counter counts as the server does (an emoji is one) against the real limit, and refuses past it', async () => {
    given(handling);
    render(<ReplyPage />);
    await screen.findByText('办理记录');
    fireEvent.change(handlingBox(), { target: { value: '已修好👍👍' } });
    expect(within(section('办理记录')).getByText('5/500')).toBeTruthy();

    fireEvent.change(handlingBox(), { target: { value: '修'.repeat(800) } });
    const counter = within(section('办理记录')).getByText('800/500');
    expect(counter.className).toContain('case-counter--over');
    fireEvent.click(screen.getByText('办结'));
    expect(screen.getByText('办结说明不能超过 500 个字')).toBeTruthy();
    expect(resolveQuestion).not.toHaveBeenCalled();
  });

  test('办结 confirms, and the page shows the new state even when no action is left', async () => {
    jest.mocked(getQuestion)
      .mockResolvedValueOnce(handling)
      .mockResolvedValue({ ...handling, status: 'resolved', viewerCanAnswer: true, viewerActions: [] });
    jest.mocked(resolveQuestion).mockReset().mockResolvedValue({ status: 'resolved', version: 5 });
    render(<ReplyPage />);

    await screen.findByText('办结');
    fireEvent.click(screen.getByText('办结'));
    expect(screen.getByText('办结说明至少 2 个字')).toBeTruthy();

    fireEvent.change(handlingBox(), { target: { value: '已更换热水器，恢复供应。' } });
    fireEvent.click(screen.getByText('办结'));

    expect(await screen.findByText('已办结，提问同学会收到通知，可以评价')).toBeTruthy();
    expect(await screen.findByText('已办结', { selector: '.status-tag' })).toBeTruthy();
    expect(screen.queryByText('办理记录')).toBeNull();
    expect(screen.queryByText('办结说明至少 2 个字')).toBeNull();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已办结', icon: 'success' });
    expect(resolveQuestion).toHaveBeenCalledWith('q3', '已更换热水器，恢复供应。', expect.stringMatching(/^q[0-9a-z]{12,}$/));
  });

  test('发布处理公告 has its own public box and confirms once published', async () => {
    const resolved = { ...waiting, status: 'resolved' as const, answeredAt: NOW - HOUR_MS, urgent: true, noticeRequired: true, viewerActions: ['publishNotice'] as QuestionDetail['viewerActions'] };
    jest.mocked(getQuestion)
      .mockResolvedValueOnce(resolved)
      .mockResolvedValue({ ...resolved, viewerActions: [], notice: { text: '已处置', publishedAt: NOW, moderation: 'published' } });
    jest.mocked(publishNotice).mockReset().mockResolvedValue({ status: 'resolved', version: 6 });
    render(<ReplyPage />);

    await screen.findByText('处理公告');
    expect(within(section('处理公告')).getByText('公开')).toBeTruthy();
    // What is owed comes first; a follow-up answer is the secondary action.
    const titles = Array.from(document.querySelectorAll('.case-section__title')).map((n) => n.textContent);
    expect(titles.indexOf('处理公告')).toBeLessThan(titles.indexOf('补充答复'));
    expect(screen.getByText('发布补充回复').className).toContain('btn-ghost');
    fireEvent.change(screen.getByPlaceholderText(/面向全校的处理公告/), { target: { value: '7号楼电动车被撬一事，保卫处已调取监控并加装摄像头。' } });
    fireEvent.click(screen.getByText('发布处理公告', { selector: '.case-btn' }));

    expect(await screen.findByText('处理公告已发布，所有人都能在问题页看到')).toBeTruthy();
    await waitFor(() => expect(screen.queryByPlaceholderText(/面向全校的处理公告/)).toBeNull());
  });

  test('a retried 办结 after a lost response carries the same request id; a changed note a new one', async () => {
    given(handling);
    jest.mocked(resolveQuestion).mockReset().mockRejectedValueOnce(new Error('network lost')).mockRejectedValueOnce(new Error('network lost')).mockResolvedValue({ status: 'resolved', version: 5 });
    render(<ReplyPage />);
    await screen.findByText('办结');

    fireEvent.change(handlingBox(), { target: { value: '已更换热水器，恢复供应。' } });
    fireEvent.click(screen.getByText('办结'));
    await waitFor(() => expect(resolveQuestion).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.getByText('办结')).toBeTruthy());
    fireEvent.click(screen.getByText('办结'));
    await waitFor(() => expect(resolveQuestion).toHaveBeenCalledTimes(2));
    const [first, second] = jest.mocked(resolveQuestion).mock.calls.map((c) => c[2]);
    expect(second).toBe(first);

    fireEvent.change(handlingBox(), { target: { value: '已更换热水器，并检查了管道。' } });
    fireEvent.click(screen.getByText('办结'));
    expect(await screen.findByText('已办结，提问同学会收到通知，可以评价')).toBeTruthy();
    expect(jest.mocked(resolveQuestion).mock.calls[2]![2]).not.toBe(first);
  });

  test('an error from one action does not linger after another succeeds', async () => {
    given(handling);
    jest.mocked(addProgress).mockReset().mockResolvedValue({ status: 'handling', version: 4 });
    jest.mocked(postAnswer).mockResolvedValue({ answerId: 'a12', official: false, answeredAt: NOW - HOUR_MS, moderation: 'published' });
    render(<ReplyPage />);
    await screen.findByText('转办给其他单位');

    fireEvent.click(screen.getByText('转办给其他单位'));
    fireEvent.click(screen.getByText('转办', { selector: '.case-btn' }));
    expect(screen.getByText('请选择转办单位')).toBeTruthy();

    fireEvent.change(screen.getByPlaceholderText('补充说明，提问同学会看到'), { target: { value: '补充：周末同样适用。' } });
    fireEvent.click(screen.getByText('发布补充回复'));
    expect(await screen.findByText('已作为补充答复发布')).toBeTruthy();
    expect(screen.queryByText('请选择转办单位')).toBeNull();
  });
});

describe('转办 (items 7, 11)', () => {
  test('units are grouped by kind without class branches or the current unit; it confirms naming the unit, then says where it went', async () => {
    given({ viewerActions: ['transfer'] });
    jest.mocked(transferQuestion).mockReset().mockResolvedValue({ status: 'routed', version: 3 });
    jest.mocked(getQuestion).mockResolvedValueOnce({ ...waiting, viewerActions: ['transfer'] }).mockResolvedValue({ ...waiting, ownerUnitId: 'u-cs', ownerUnitName: '计算机学院团委', viewerCanAnswer: false, viewerIsHandler: false, viewerActions: [] });
    render(<ReplyPage />);

    fireEvent.click(await screen.findByText('转办给其他单位'));
    const form = section('转办');
    expect(Array.from(form.querySelectorAll('.unit-group__label')).map((n) => n.textContent)).toEqual(['学院', '职能部门', '校团委']);
    expect(Array.from(form.querySelectorAll('.unit-chip')).map((n) => n.textContent)).toEqual(['计算机学院', '医学院', '保卫处', '校团委']);
    expect(form.textContent).not.toContain('团支部');
    expect(form.textContent).not.toContain('后勤服务中心');

    fireEvent.click(within(form).getByText('计算机学院'));
    fireEvent.input(screen.getByPlaceholderText(/转办理由/), { target: { value: '属于学院教学管理' } });
    fireEvent.click(screen.getByText('转办至「计算机学院团委」'));

    expect(transferQuestion).not.toHaveBeenCalled();
    expect(screen.getByText('确认转办至「计算机学院团委」？')).toBeTruthy();
    fireEvent.click(screen.getByText('确认转办'));

    expect(await screen.findByText('已转办至「计算机学院团委」，该单位会收到通知')).toBeTruthy();
    expect(transferQuestion).toHaveBeenCalledWith('q3', 'u-cs', '属于学院教学管理', expect.stringMatching(/^q[0-9a-z]{12,}$/));
    await waitFor(() => expect(getQuestion).toHaveBeenCalledTimes(2));
    expect(screen.queryByText(/你不是该问题的负责人/)).toBeNull();
    expect(screen.queryByText('转办给其他单位')).toBeNull();

    // Opened from a link (no page to go back to): 返回 goes to the workbench.
    fireEvent.click(screen.getByText('返回'));
    expect(taroState.navigations).toEqual([{ kind: 'redirectTo', url: '/expert/pages/inbox/index' }]);
  });

  test('cancel leaves the question where it is', async () => {
    given({ viewerActions: ['transfer'] });
    jest.mocked(transferQuestion).mockReset();
    render(<ReplyPage />);
    fireEvent.click(await screen.findByText('转办给其他单位'));
    fireEvent.click(screen.getByText('医学院'));
    fireEvent.input(screen.getByPlaceholderText(/转办理由/), { target: { value: '医学相关' } });
    fireEvent.click(screen.getByText('转办至「医学院团委」'));
    fireEvent.click(screen.getByText('取消'));
    expect(screen.queryByText('确认转办至「医学院团委」？')).toBeNull();
    expect(transferQuestion).not.toHaveBeenCalled();
  });

  test('near or past the deadline the form says the new unit gets a fair window', async () => {
    given({ viewerActions: ['transfer'], deadlineAt: NOW - 30 * MINUTE_MS });
    render(<ReplyPage />);
    fireEvent.click(await screen.findByText('转办给其他单位'));
    fireEvent.click(screen.getByText('保卫处'));
    expect(screen.getByText('已超过答复时限：转办后「保卫处」将有 4 小时答复，这次超时仍记在「后勤服务中心」。')).toBeTruthy();
  });

  test('with less than 4 hours left it says so too, and the confirmation repeats it', async () => {
    given({ viewerActions: ['transfer'], deadlineAt: NOW + 2 * HOUR_MS });
    render(<ReplyPage />);
    fireEvent.click(await screen.findByText('转办给其他单位'));
    expect(screen.getByText('距答复时限不足 4 小时：转办后新单位将有 4 小时答复。')).toBeTruthy();
    fireEvent.click(screen.getByText('保卫处'));
    fireEvent.input(screen.getByPlaceholderText(/转办理由/), { target: { value: '校园安全问题' } });
    fireEvent.click(screen.getByText('转办至「保卫处」'));
    const confirm = document.querySelector('.case-confirm') as HTMLElement;
    expect(confirm.textContent).toContain('距答复时限不足 4 小时：转办后「保卫处」将有 4 小时答复。');
  });

  test('with time to spare it says the deadline stays', async () => {
    given({ viewerActions: ['transfer'], deadlineAt: NOW + 20 * HOUR_MS });
    render(<ReplyPage />);
    fireEvent.click(await screen.findByText('转办给其他单位'));
    expect(screen.getByText(/^转办不改变答复时限（3月3日 06:00），新单位需在时限内答复。$/)).toBeTruthy();
  });

  test('a refused transfer shows why, at the form', async () => {
    given({ viewerActions: ['transfer'] });
    jest.mocked(transferQuestion).mockReset().mockRejectedValue(new ApiRequestError('CATALOG.UNKNOWN_UNIT', '找不到该单位'));
    render(<ReplyPage />);
    fireEvent.click(await screen.findByText('转办给其他单位'));
    fireEvent.click(screen.getByText('保卫处'));
    fireEvent.input(screen.getByPlaceholderText(/转办理由/), { target: { value: '校园安全问题' } });
    fireEvent.click(screen.getByText('转办至「保卫处」'));
    fireEvent.click(screen.getByText('确认转办'));
    expect(await within(section('转办')).findByText('找不到该单位')).toBeTruthy();
  });
});

test('a question that is gone offers a way back, not a retry that cannot help', async () => {
  jest.mocked(getQuestion).mockReset().mockRejectedValue(new ApiRequestError('QUESTION.NOT_FOUND', '问题不存在或已被删除'));
  render(<ReplyPage />);
  expect(await screen.findByText('问题不存在或已被删除')).toBeTruthy();
  expect(screen.queryByText('重试')).toBeNull();
  fireEvent.click(screen.getByText('返回'));
  expect(taroState.navigations).toEqual([{ kind: 'redirectTo', url: '/expert/pages/inbox/index' }]);
});

test('a network failure can be retried', async () => {
  jest.mocked(getQuestion).mockReset().mockRejectedValueOnce(new ApiRequestError('NETWORK.FAILED')).mockResolvedValue(waiting);
  render(<ReplyPage />);
  fireEvent.click(await screen.findByText('重试'));
  expect(await screen.findByText('宿舍热水几点供应？')).toBeTruthy();
});

test('someone who cannot act here is told who answers it and where to read it, not that they are refused', async () => {
  given({ viewerCanAnswer: false, viewerIsHandler: false, viewerActions: [] });
  render(<ReplyPage />);
  expect(await screen.findByText('此问题由「后勤服务中心」负责答复。')).toBeTruthy();
  expect(screen.queryByText(/无法回复/)).toBeNull();
  expect(document.querySelector('.history')).toBeNull();
  fireEvent.click(screen.getByText('查看问题页'));
  expect(taroState.navigations).toEqual([{ kind: 'redirectTo', url: '/pages/question/index?id=q3' }]);
});

describe('催办 (item 9)', () => {
  const overdue = {
    ...waiting,
    deadlineAt: NOW - 3 * HOUR_MS,
    escalated: true,
    viewerCanAnswer: false,
    viewerIsHandler: true,
    viewerActions: ['urge'] as QuestionDetail['viewerActions'],
    timeline: [step('ask', { actorName: '李同学' }), step('escalate', { internal: true, reason: '超过答复时限未回复，已升级至协管' })],
  };

  test('a supervisor urges with an optional note and sees it on the timeline; nothing invites them to answer', async () => {
    jest.mocked(getMe).mockResolvedValue({ ...studentMe, name: '孟妍', roles: ['supervisor'] });
    jest.mocked(getQuestion)
      .mockResolvedValueOnce(overdue)
      .mockResolvedValue({ ...overdue, timeline: [...overdue.timeline, step('urge', { actorName: '孟妍', reason: '请今天下班前答复', internal: true })] });
    jest.mocked(urgeQuestion).mockReset().mockResolvedValue({ status: 'routed', version: 4 });
    render(<ReplyPage />);

    await screen.findByText('催办', { selector: '.case-section__title' });
    expect(screen.queryByText(/你不是该问题的负责人/)).toBeNull();
    expect(screen.queryByText('提交回复')).toBeNull();
    expect(screen.queryByText('转办给其他单位')).toBeNull();

    fireEvent.input(screen.getByPlaceholderText(/催办说明/), { target: { value: '请今天下班前答复' } });
    fireEvent.click(screen.getByText('催办「后勤服务中心」'));

    expect(await screen.findByText('已催办「后勤服务中心」，该单位的答复人员和管理员会收到通知')).toBeTruthy();
    expect(urgeQuestion).toHaveBeenCalledWith('q3', '请今天下班前答复', expect.stringMatching(/^q[0-9a-z]{12,}$/));
    const history = document.querySelector('.history') as HTMLElement;
    await waitFor(() => expect(Array.from(history.querySelectorAll('.history__what')).map((n) => n.textContent)).toContain('催办'));
    expect(history.textContent).toContain('请今天下班前答复');
  });

  test('before the deadline a supervisor is told what they can do later, not that they cannot reply', async () => {
    jest.mocked(getMe).mockResolvedValue({ ...studentMe, name: '孟妍', roles: ['supervisor'] });
    given({ ...overdue, deadlineAt: NOW + 3 * HOUR_MS, escalated: false, viewerActions: [] });
    render(<ReplyPage />);
    expect(await screen.findByText('此问题由「后勤服务中心」负责答复，超过答复时限仍未答复时可以在这里催办。')).toBeTruthy();
    expect(screen.queryByText(/无法回复/)).toBeNull();
  });
});

describe('典型案例 from the workbench', () => {
  test('a handler of an answered question is offered 标记为典型案例; a marked one says so', async () => {
    given({ status: 'answered', answeredAt: NOW - HOUR_MS, viewerCanMarkCase: true });
    const { unmount } = render(<ReplyPage />);
    fireEvent.click(await screen.findByText('标记为典型案例 ›'));
    expect(taroState.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: '/admin/pages/case-mark/index?id=q3' });
    unmount();
    given({ status: 'answered', answeredAt: NOW - HOUR_MS, viewerCanMarkCase: true, typicalCase: { kind: 'online', writeUp: '答复清楚，附上了办事流程。', markedAt: NOW, markedByName: '夏晶' } });
    render(<ReplyPage />);
    expect(await screen.findByText('已标记为线上典型案例')).toBeTruthy();
  });

  test('nothing is offered before the first answer', async () => {
    given({ viewerCanMarkCase: true });
    render(<ReplyPage />);
    await screen.findByText(detail().title);
    expect(screen.queryByText('标记为典型案例 ›')).toBeNull();
  });
});
