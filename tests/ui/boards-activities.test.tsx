import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import ActivitiesPage from '../../miniprogram/src/community/pages/activities/index';
import ActivityPage from '../../miniprogram/src/community/pages/activity/index';
import NewActivityPage from '../../miniprogram/src/community/pages/activity-new/index';
import {
  cancelSignUp,
  checkInToActivity,
  createActivity,
  getActivity,
  listActivities,
  listAttendees,
  signUpForActivity,
  type ActivityView,
} from '../../miniprogram/src/services/activity.service';
import { getMe } from '../../miniprogram/src/services/me.service';
import { getCatalog } from '../../miniprogram/src/services/catalog.service';
import { ApiRequestError } from '../../miniprogram/src/services/api-error';
import type { Me } from '@shared/contracts/me.contract';
import { HOUR_MS } from '@shared/domain/answer-deadline';
import { taroState } from './support/taro-double';
import { NOW, catalog, studentMe } from './support/fixtures';

jest.mock('../../miniprogram/src/services/activity.service', () => ({
  ...jest.requireActual('../../miniprogram/src/services/activity.service'),
  listActivities: jest.fn(),
  getActivity: jest.fn(),
  createActivity: jest.fn(),
  signUpForActivity: jest.fn(),
  cancelSignUp: jest.fn(),
  checkInToActivity: jest.fn(),
  listAttendees: jest.fn(),
}));
jest.mock('../../miniprogram/src/services/me.service');
jest.mock('../../miniprogram/src/services/catalog.service');

const DAY = 24 * HOUR_MS;
const unitAdmin: Me = { ...studentMe, name: '高鹏', roles: ['responder', 'unitAdmin'], memberships: [{ unitId: 'u-cs', unitName: '计算机学院团委', team: 'league', categoryIds: [] }] };

const summary = (over: Partial<ActivityView['activity']> = {}): ActivityView['activity'] => ({
  id: 'act-1',
  title: '考研还是就业？学长学姐面对面',
  unitId: 'u-school',
  unitName: '校团委',
  place: '大学生活动中心 305',
  startAt: NOW + 3 * DAY,
  endAt: NOW + 3 * DAY + 2 * HOUR_MS,
  signUpDeadline: NOW + 2 * DAY,
  capacity: 3,
  signedUp: 3,
  waiting: 1,
  fromQuestions: true,
  body: '校团委邀请三位考研上岸和三位入职国企的学长学姐，与大家面对面交流。',
  createdAt: NOW - DAY,
  createdByName: '王钰铭',
  questions: [{ id: 'q-career', title: '考研还是直接工作，很纠结' }],
  ...over,
});
const view = (over: Partial<ActivityView['activity']> = {}, mine: Partial<ActivityView['mine']> = {}, canManage = false): ActivityView => ({
  activity: summary(over),
  mine: { state: 'none', position: null, checkedInAt: null, ...mine },
  canManage,
});

beforeEach(() => {
  for (const m of [listActivities, getActivity, createActivity, signUpForActivity, cancelSignUp, checkInToActivity, listAttendees]) jest.mocked(m).mockReset();
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  jest.mocked(getMe).mockResolvedValue(studentMe);
  jest.mocked(getCatalog).mockResolvedValue(catalog);
  taroState.params = { id: 'act-1' };
});

describe('活动公告 list', () => {
  test('upcoming activities with time, place and seats; 已结束 asks for past ones; a student is not offered 发起活动', async () => {
    jest.mocked(listActivities).mockImplementation(async (when) =>
      when === 'upcoming'
        ? { items: [summary(), summary({ id: 'act-2', title: '程序设计竞赛校内选拔赛', capacity: 60, signedUp: 1, waiting: 0, fromQuestions: false })], nextCursor: null }
        : { items: [], nextCursor: null },
    );
    render(<ActivitiesPage />);
    expect(await screen.findByText('程序设计竞赛校内选拔赛')).toBeTruthy();
    expect(screen.getByText('名额已满 · 候补 1 人')).toBeTruthy();
    expect(screen.getByText('余 59 个名额（共 60）')).toBeTruthy();
    expect(screen.getByText('来自同学提问')).toBeTruthy();
    expect(screen.queryByText('发起活动')).toBeNull();
    fireEvent.click(screen.getByText('程序设计竞赛校内选拔赛'));
    expect(taroState.navigations).toEqual([{ kind: 'navigateTo', url: '/community/pages/activity/index?id=act-2' }]);

    fireEvent.click(screen.getByText('已结束'));
    expect(await screen.findByText('还没有已结束的活动')).toBeTruthy();
    expect(listActivities).toHaveBeenLastCalledWith('past', undefined);
  });

  test('a unit admin is offered 发起活动', async () => {
    jest.mocked(getMe).mockResolvedValue(unitAdmin);
    jest.mocked(listActivities).mockResolvedValue({ items: [], nextCursor: null });
    render(<ActivitiesPage />);
    fireEvent.click(await screen.findByText('发起活动'));
    expect(taroState.navigations).toEqual([{ kind: 'navigateTo', url: '/community/pages/activity-new/index' }]);
  });
});

describe('活动详情', () => {
  test('a full activity: the student is told they will wait, signs up and is 候补第 2 位', async () => {
    jest.mocked(getActivity).mockResolvedValueOnce(view()).mockResolvedValueOnce(view({ waiting: 2 }, { state: 'waiting', position: 2 }));
    jest.mocked(signUpForActivity).mockResolvedValue({ state: 'waiting', position: 2 });
    render(<ActivityPage />);
    expect(await screen.findByText('名额已满，现在报名将进入候补名单（目前 1 人候补）。')).toBeTruthy();
    expect(screen.getByText('名额：3 人 · 已报名 3 · 剩余 0 · 候补 1')).toBeTruthy();
    expect(screen.getByText('考研还是直接工作，很纠结 ›')).toBeTruthy();
    fireEvent.click(screen.getByText('报名候补'));
    expect(await screen.findByText('候补第 2 位')).toBeTruthy();
    expect(screen.getByText(/名额已满，你已进入候补，第 2 位/)).toBeTruthy();
    expect(screen.getByText('取消候补')).toBeTruthy();
    expect(signUpForActivity).toHaveBeenCalledWith('act-1', expect.any(String));
  });

  test('signed up: 取消报名 gives the seat up', async () => {
    jest.mocked(getActivity).mockResolvedValueOnce(view({ signedUp: 2, waiting: 0 }, { state: 'signedUp' })).mockResolvedValueOnce(view({ signedUp: 1, waiting: 0 }));
    jest.mocked(cancelSignUp).mockResolvedValue({ state: 'none', promoted: false });
    render(<ActivityPage />);
    expect(await screen.findByText('你已报名')).toBeTruthy();
    expect(screen.getByText(/签到在活动开始前半小时开放/)).toBeTruthy();
    fireEvent.click(screen.getByText('取消报名'));
    expect(await screen.findByText('已取消报名，名额已让给其他同学。')).toBeTruthy();
    expect(await screen.findByText('立即报名')).toBeTruthy();
  });

  test('in the check-in window: the code is checked for six digits, a wrong one is refused with the reason, the right one checks in', async () => {
    const during = { startAt: NOW + 10 * 60_000, endAt: NOW + 2 * HOUR_MS, signUpDeadline: NOW - HOUR_MS };
    jest.mocked(getActivity).mockResolvedValueOnce(view(during, { state: 'signedUp' })).mockResolvedValueOnce(view(during, { state: 'signedUp', checkedInAt: NOW }));
    jest.mocked(checkInToActivity).mockRejectedValueOnce(new ApiRequestError('ACTIVITY.CHECKIN_CODE_WRONG')).mockResolvedValueOnce({ checkedInAt: NOW });
    render(<ActivityPage />);
    const input = (await screen.findByPlaceholderText('输入 6 位签到码')) as HTMLInputElement;
    fireEvent.input(input, { target: { value: '12' } });
    fireEvent.click(screen.getByText('签到'));
    expect(screen.getByText('签到码为 6 位数字')).toBeTruthy();
    expect(checkInToActivity).not.toHaveBeenCalled();

    fireEvent.input(input, { target: { value: '111111' } });
    fireEvent.click(screen.getByText('签到'));
    expect(await screen.findByText('签到码不正确，请核对组织者展示的签到码')).toBeTruthy();
    fireEvent.input(input, { target: { value: '305305' } });
    fireEvent.click(screen.getByText('签到'));
    expect(await screen.findByText(/已于 .* 签到/)).toBeTruthy();
    expect(checkInToActivity).toHaveBeenLastCalledWith('act-1', '305305', expect.any(String));
  });

  test('sign-up closed and ended activities say so, with no button', async () => {
    jest.mocked(getActivity).mockResolvedValue(view({ signUpDeadline: NOW - HOUR_MS, signedUp: 1 }));
    render(<ActivityPage />);
    expect(await screen.findByText('报名已截止')).toBeTruthy();
    expect(screen.queryByText('立即报名')).toBeNull();
  });

  test('the organiser sees the check-in code, the window and who signed up, waits and checked in', async () => {
    jest.mocked(getActivity).mockResolvedValue(view({}, {}, true));
    jest.mocked(listAttendees).mockResolvedValue({
      checkInCode: '305305',
      checkInFrom: NOW + 3 * DAY - 30 * 60_000,
      checkInUntil: NOW + 3 * DAY + 150 * 60_000,
      signedUp: [
        { name: '张晓雨', at: NOW - 20 * HOUR_MS, checkedInAt: NOW },
        { name: '赵一鸣', at: NOW - 18 * HOUR_MS, checkedInAt: null },
      ],
      waiting: [{ name: '陈嘉怡', at: NOW - 5 * HOUR_MS, checkedInAt: null }],
      checkedIn: 1,
    });
    render(<ActivityPage />);
    expect(await screen.findByText('305305')).toBeTruthy();
    expect(screen.getByText('已报名（2）')).toBeTruthy();
    expect(screen.getByText('候补（1）')).toBeTruthy();
    expect(screen.getByText('已签到 1')).toBeTruthy();
    expect(screen.getByText('1. 陈嘉怡')).toBeTruthy();
    expect(screen.getByText(/已签到 3月2日/)).toBeTruthy();
    expect(listAttendees).toHaveBeenCalledWith('act-1');
  });

  test('a student never sees the code (no attendees request)', async () => {
    jest.mocked(getActivity).mockResolvedValue(view());
    render(<ActivityPage />);
    await screen.findByText('报名候补');
    expect(listAttendees).not.toHaveBeenCalled();
  });

  test('a missing activity offers the list, not a retry', async () => {
    jest.mocked(getActivity).mockRejectedValue(new ApiRequestError('ACTIVITY.NOT_FOUND'));
    render(<ActivityPage />);
    expect(await screen.findByText('活动不存在或已取消')).toBeTruthy();
    expect(screen.queryByText('重试')).toBeNull();
    fireEvent.click(screen.getByText('看看其他活动'));
    expect(taroState.navigations).toEqual([{ kind: 'redirectTo', url: '/community/pages/activities/index' }]);
  });
});

describe('发起活动', () => {
  test('a student is told whom it is for', async () => {
    render(<NewActivityPage />);
    expect(await screen.findByText('无权限')).toBeTruthy();
    expect(screen.getByText('发起活动仅限各单位管理员、协管员和学校管理员。')).toBeTruthy();
  });

  test('a unit admin: every field is checked before sending; then it is created from the questions and opened', async () => {
    jest.mocked(getMe).mockResolvedValue(unitAdmin);
    taroState.params = { questions: 'q-1,q-2' };
    jest.mocked(createActivity).mockResolvedValue({ id: 'act-new', linked: 2, notified: 2 });
    render(<NewActivityPage />);
    expect(await screen.findByText('计算机学院团委')).toBeTruthy();
    expect(screen.getByText(/这个活动将关联 2 个同学的提问/)).toBeTruthy();
    fireEvent.input(screen.getByPlaceholderText('1–2000'), { target: { value: '0' } });
    fireEvent.click(screen.getByText('发布活动'));
    expect(screen.getByText('活动名称至少 4 个字')).toBeTruthy();
    expect(screen.getByText('请填写活动地点')).toBeTruthy();
    expect(screen.getByText('活动介绍至少 10 个字：内容、对象、注意事项')).toBeTruthy();
    expect(screen.getByText('名额请填 1–2000 之间的整数')).toBeTruthy();
    expect(createActivity).not.toHaveBeenCalled();

    fireEvent.input(screen.getByPlaceholderText('如：考研还是就业？学长学姐面对面'), { target: { value: '程序员职业发展分享会' } });
    fireEvent.input(screen.getByPlaceholderText('如：大学生活动中心 305'), { target: { value: '信息楼 101' } });
    fireEvent.input(screen.getByPlaceholderText('1–2000'), { target: { value: '40' } });
    fireEvent.change(screen.getByPlaceholderText('活动内容、面向对象、需要准备什么……'), { target: { value: '邀请校友分享求职经验，欢迎大二大三同学参加。' } });
    fireEvent.click(screen.getByText('发布活动'));
    await waitFor(() => expect(createActivity).toHaveBeenCalled());
    const [input] = jest.mocked(createActivity).mock.calls[0]!;
    expect(input).toMatchObject({ unitId: 'u-cs', title: '程序员职业发展分享会', place: '信息楼 101', capacity: 40, questionIds: ['q-1', 'q-2'] });
    // Tomorrow 14:00–16:00 Shanghai, sign-up until 12:00.
    expect(input.startAt).toBe(Date.UTC(2026, 2, 3, 6, 0));
    expect(input.endAt).toBe(Date.UTC(2026, 2, 3, 8, 0));
    expect(input.signUpDeadline).toBe(Date.UTC(2026, 2, 3, 4, 0));
    await waitFor(() => expect(taroState.navigations).toEqual([{ kind: 'redirectTo', url: '/community/pages/activity/index?id=act-new' }]));
  });
});
