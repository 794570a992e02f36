import { act, fireEvent, render, screen } from '@testing-library/react';
import MinePage from '../../miniprogram/src/pages/mine/index';
import { listMyQuestions } from '../../miniprogram/src/services/question.service';
import { getMe } from '../../miniprogram/src/services/me.service';
import { ApiRequestError } from '../../miniprogram/src/services/api-error';
import { needPrivacyAuthorization, taroState } from './support/taro-double';
import { NOW, studentMe } from './support/fixtures';
import type { Role } from '@shared/domain/organisation';

jest.mock('../../miniprogram/src/services/question.service');
jest.mock('../../miniprogram/src/services/me.service');

/** 我的: the way to 账号与数据 and 隐私说明 for everyone, 内容审核 and 操作日志 for the people who do them. */
const originalEnv = process.env.TARO_ENV;
beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  jest.mocked(listMyQuestions).mockResolvedValue({ items: [], nextCursor: null });
});
afterEach(() => {
  process.env.TARO_ENV = originalEnv;
});

const as = (roles: Role[], extra: Partial<typeof studentMe> = {}) => jest.mocked(getMe).mockResolvedValue({ ...studentMe, roles, ...extra });

test('a student finds 账号与数据 and 隐私说明, and neither 内容审核 nor 操作日志', async () => {
  as(['student']);
  render(<MinePage />);
  fireEvent.click(await screen.findByText('账号与数据'));
  expect(screen.getByText('查看、导出我的数据，或注销账号')).toBeTruthy();
  fireEvent.click(screen.getByText('隐私说明'));
  expect(taroState.navigations).toEqual([
    { kind: 'navigateTo', url: '/account/pages/my-data/index' },
    { kind: 'navigateTo', url: '/pages/privacy/index' },
  ]);
  expect(screen.queryByText('内容审核')).toBeNull();
  expect(screen.queryByText('操作日志')).toBeNull();
});

test('the coordinator moderates (内容审核) but does not read the audit log', async () => {
  as(['coordinator', 'responder']);
  render(<MinePage />);
  fireEvent.click(await screen.findByText('内容审核'));
  expect(taroState.navigations).toEqual([{ kind: 'navigateTo', url: '/admin/pages/moderation/index' }]);
  expect(screen.queryByText('操作日志')).toBeNull();
});

test('the school admin has both 内容审核 and 操作日志', async () => {
  as(['schoolAdmin', 'supervisor']);
  render(<MinePage />);
  fireEvent.click(await screen.findByText('操作日志'));
  fireEvent.click(screen.getByText('内容审核'));
  expect(taroState.navigations).toEqual([
    { kind: 'navigateTo', url: '/admin/pages/audit/index' },
    { kind: 'navigateTo', url: '/admin/pages/moderation/index' },
  ]);
});

test('a supervisor oversees units but moderates nothing', async () => {
  as(['supervisor']);
  render(<MinePage />);
  await screen.findByText('各单位答复情况');
  expect(screen.queryByText('内容审核')).toBeNull();
  expect(screen.queryByText('操作日志')).toBeNull();
});

test('staff see their phone state on the way to 账号与数据', async () => {
  as(['responder'], { phone: null });
  const first = render(<MinePage />);
  expect(await screen.findByText('未绑定手机号 · 提醒送不到时用来联系你')).toBeTruthy();
  first.unmount();

  as(['responder'], { phone: '138****1111' });
  render(<MinePage />);
  expect(await screen.findByText('手机号 138****1111 · 导出数据、注销账号')).toBeTruthy();
});

test('signed out, 隐私说明 is still there (账号与数据 needs a person)', async () => {
  jest.mocked(getMe).mockRejectedValue(new ApiRequestError('AUTH.REQUIRED'));
  jest.mocked(listMyQuestions).mockRejectedValue(new ApiRequestError('AUTH.REQUIRED'));
  render(<MinePage />);
  expect(await screen.findByText('还没有登录')).toBeTruthy();
  fireEvent.click(screen.getByText('隐私说明'));
  expect(taroState.navigations).toEqual([{ kind: 'navigateTo', url: '/pages/privacy/index' }]);
  expect(screen.queryByText('账号与数据')).toBeNull();
});

test('in WeChat, 我的 holds the privacy consent popup', async () => {
  process.env.TARO_ENV = 'weapp';
  as(['student']);
  render(<MinePage />);
  await screen.findByText('账号与数据');
  act(() => {
    needPrivacyAuthorization('getClipboardData');
  });
  expect(screen.getByText('隐私保护提示')).toBeTruthy();
});
