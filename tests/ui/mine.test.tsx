import { fireEvent, render, screen } from '@testing-library/react';
import MinePage from '../../miniprogram/src/pages/mine/index';
import { listMyQuestions } from '../../miniprogram/src/services/question.service';
import { getMe } from '../../miniprogram/src/services/me.service';
import { HOUR_MS } from '@shared/domain/answer-deadline';
import { taroState } from './support/taro-double';
import { NOW, studentMe, summary } from './support/fixtures';

jest.mock('../../miniprogram/src/services/question.service');
jest.mock('../../miniprogram/src/services/me.service');

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  jest.mocked(listMyQuestions).mockResolvedValue({
    items: [
      summary({ id: 'm1', title: '我的待回复问题', status: 'routed', answeredAt: null, deadlineAt: NOW + 6 * HOUR_MS, visibility: 'private' }),
      summary({ id: 'm2', title: '我的已回复问题', status: 'answered' }),
    ],
    nextCursor: null,
  });
});

test('a student sees their name, role and questions with status, but no workbench entry', async () => {
  jest.mocked(getMe).mockResolvedValue(studentMe);
  render(<MinePage />);

  expect(await screen.findByText('李同学')).toBeTruthy();
  expect(screen.getByText('学生')).toBeTruthy();
  expect(await screen.findByText('我的待回复问题')).toBeTruthy();
  expect(screen.getByText('待回复')).toBeTruthy();
  expect(screen.getByText('剩余 6小时')).toBeTruthy();
  expect(screen.getByText('仅自己可见')).toBeTruthy();
  expect(screen.getByText('已回复')).toBeTruthy();
  expect(screen.queryByText('答复工作台')).toBeNull();
});

test('a responder gets the 答复工作台 entry into the expert subpackage', async () => {
  jest.mocked(getMe).mockResolvedValue({
    ...studentMe,
    name: '王老师',
    roles: ['responder'],
    memberships: [{ unitId: 'u-logistics', unitName: '后勤服务中心', team: 'expert', categoryIds: [] }],
  });
  render(<MinePage />);

  expect(await screen.findByText('答复人')).toBeTruthy();
  expect(document.querySelector('.mine__units')?.textContent).toBe('后勤服务中心');
  fireEvent.click(screen.getByText('答复工作台'));
  expect(taroState.navigations).toEqual([{ kind: 'navigateTo', url: '/expert/pages/inbox/index' }]);
});

test('a coordinator also gets the workbench', async () => {
  jest.mocked(getMe).mockResolvedValue({ ...studentMe, name: '协管老师', roles: ['coordinator'] });
  render(<MinePage />);
  expect(await screen.findByText('答复工作台')).toBeTruthy();
});

test('a coordinator gets 超时督办 and 提醒送达情况 in the admin subpackage', async () => {
  jest.mocked(getMe).mockResolvedValue({ ...studentMe, name: '王钰铭', roles: ['coordinator'] });
  render(<MinePage />);
  fireEvent.click(await screen.findByText('超时督办'));
  fireEvent.click(screen.getByText('提醒送达情况'));
  expect(taroState.navigations).toEqual([
    { kind: 'navigateTo', url: '/admin/pages/escalations/index' },
    { kind: 'navigateTo', url: '/admin/pages/unreachable/index' },
  ]);
});

test.each([
  [['supervisor'], true, true],
  [['schoolAdmin'], true, true],
  [['unitAdmin', 'responder'], false, true],
  [['responder'], false, false],
  [['student'], false, false],
] as const)('roles %j: 超时督办 %s, 提醒送达情况 %s', async (roles, escalations, unreachable) => {
  jest.mocked(getMe).mockResolvedValue({ ...studentMe, name: '某老师', roles: [...roles] });
  render(<MinePage />);
  await screen.findByText('某老师');
  expect(screen.queryByText('超时督办') !== null).toBe(escalations);
  expect(screen.queryByText('提醒送达情况') !== null).toBe(unreachable);
});
