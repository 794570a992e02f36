import { fireEvent, render, screen } from '@testing-library/react';
import MinePage from '../../miniprogram/src/pages/mine/index';
import { listMyQuestions } from '../../miniprogram/src/services/question.service';
import { getMe } from '../../miniprogram/src/services/me.service';
import { taroState } from './support/taro-double';
import { NOW, studentMe } from './support/fixtures';

jest.mock('../../miniprogram/src/services/question.service');
jest.mock('../../miniprogram/src/services/me.service');

/** 各单位答复情况 is reachable from 我的 for those who oversee every unit (the admin subpackage's own links do the rest). */
beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  jest.mocked(listMyQuestions).mockResolvedValue({ items: [], nextCursor: null });
});

test.each([['supervisor'], ['schoolAdmin'], ['coordinator']] as const)('a %s opens 各单位答复情况 from 我的', async (role) => {
  jest.mocked(getMe).mockResolvedValue({ ...studentMe, name: '孟妍', roles: [role] });
  render(<MinePage />);
  fireEvent.click(await screen.findByText('各单位答复情况'));
  expect(taroState.navigations).toEqual([{ kind: 'navigateTo', url: '/admin/pages/performance/index' }]);
});

test('a student or a responder is not invited there', async () => {
  jest.mocked(getMe).mockResolvedValue({ ...studentMe, roles: ['responder', 'unitAdmin'] });
  render(<MinePage />);
  await screen.findByText('提醒送达情况');
  expect(screen.queryByText('各单位答复情况')).toBeNull();
});
