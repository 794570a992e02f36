import { fireEvent, render, screen } from '@testing-library/react';
import MinePage from '../../miniprogram/src/pages/mine/index';
import { listMyQuestions } from '../../miniprogram/src/services/question.service';
import { getMe } from '../../miniprogram/src/services/me.service';
import { ApiRequestError } from '../../miniprogram/src/services/api-error';
import { NOW, studentMe } from './support/fixtures';

// WeChat (cloud transport): no dev identities.
jest.mock('../../miniprogram/src/services/question.service');
jest.mock('../../miniprogram/src/services/me.service');

test('in WeChat, a missing login is explained once, with one way forward', async () => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  const noIdentity = new ApiRequestError('AUTH.REQUIRED', '请先在微信中登录');
  jest.mocked(getMe).mockRejectedValueOnce(noIdentity).mockResolvedValue(studentMe);
  jest.mocked(listMyQuestions).mockRejectedValueOnce(noIdentity).mockResolvedValue({ items: [], nextCursor: null });
  render(<MinePage />);

  expect(await screen.findByText('还没有登录')).toBeTruthy();
  expect(screen.getByText(/请在微信中打开「青年之声」小程序/)).toBeTruthy();
  expect(screen.queryByText('切换身份')).toBeNull();
  expect(screen.queryAllByText('请先在微信中登录')).toHaveLength(0);

  fireEvent.click(screen.getByText('重新登录'));
  expect(await screen.findByText('李同学')).toBeTruthy();
  expect(await screen.findByText('你还没有提过问题')).toBeTruthy();
});
