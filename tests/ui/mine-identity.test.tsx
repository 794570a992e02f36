import { fireEvent, render, screen } from '@testing-library/react';
import MinePage from '../../miniprogram/src/pages/mine/index';
import { listMyQuestions } from '../../miniprogram/src/services/question.service';
import { getMe } from '../../miniprogram/src/services/me.service';
import { listDevUsers } from '../../miniprogram/src/services/dev-identity.service';
import { ApiRequestError } from '../../miniprogram/src/services/api-error';
import { NOW, studentMe, summary } from './support/fixtures';

// The H5 build against the local gateway: dev identities are on offer.
jest.mock('../../miniprogram/src/config/env', () => ({
  appEnv: { apiBase: '', cloudEnv: '', transport: 'http' },
  isDevGateway: () => true,
}));
jest.mock('../../miniprogram/src/services/question.service');
jest.mock('../../miniprogram/src/services/me.service');
jest.mock('../../miniprogram/src/services/dev-identity.service', () => {
  const store = jest.requireActual('../../miniprogram/src/services/dev-identity.store');
  return { listDevUsers: jest.fn(), readDevOpenid: store.readDevOpenid, writeDevOpenid: store.writeDevOpenid };
});

const NO_IDENTITY = new ApiRequestError('AUTH.REQUIRED', '请先在微信中登录');

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  jest.mocked(listDevUsers).mockResolvedValue([
    { openid: 'dev-student-zhang', name: '张晓雨', roles: ['student'], unitNames: [], description: '学生 · 计算机学院' },
  ]);
});

test('with no identity, 我的 explains what to do and offers 切换身份 instead of two login errors', async () => {
  jest.mocked(getMe).mockRejectedValue(NO_IDENTITY);
  jest.mocked(listMyQuestions).mockRejectedValue(NO_IDENTITY);
  render(<MinePage />);

  expect(await screen.findByText('还没有选择身份')).toBeTruthy();
  expect(screen.getByText(/选择一位示例人物/)).toBeTruthy();
  expect(screen.queryAllByText('请先在微信中登录')).toHaveLength(0);
  expect(screen.queryByText('重试')).toBeNull();
  expect(screen.queryByText('我的提问')).toBeNull();

  // The primary action opens the picker; choosing someone loads their 我的.
  jest.mocked(getMe).mockResolvedValue({ ...studentMe, name: '张晓雨' });
  jest.mocked(listMyQuestions).mockResolvedValue({ items: [summary({ id: 'm1', title: '我刚提的问题' })], nextCursor: null });
  fireEvent.click(screen.getByText('选择身份'));
  fireEvent.click(await screen.findByText('张晓雨'));

  expect(await screen.findByText('我刚提的问题')).toBeTruthy();
  expect(screen.queryByText('还没有选择身份')).toBeNull();
});
