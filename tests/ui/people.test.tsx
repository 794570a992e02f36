import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import PeoplePage from '../../miniprogram/src/admin/pages/people/index';
import {
  getInvitationCode,
  inviteToRoster,
  listInvites,
  listRoster,
  revokeInvite,
  updateRoster,
} from '../../miniprogram/src/services/roster.service';
import { getMe } from '../../miniprogram/src/services/me.service';
import { getCatalog } from '../../miniprogram/src/services/catalog.service';
import { ApiRequestError } from '../../miniprogram/src/services/api-error';
import type { Invitation, RosterPerson } from '@shared/contracts/roster.contract';
import type { Me } from '@shared/contracts/me.contract';
import { DAY_MS } from '@shared/domain/privacy';
import { showModal, setClipboardData, taroState } from './support/taro-double';
import { NOW, catalog, studentMe } from './support/fixtures';

jest.mock('../../miniprogram/src/services/roster.service');
jest.mock('../../miniprogram/src/services/me.service');
jest.mock('../../miniprogram/src/services/catalog.service');

const as = (name: string, roles: Me['roles'], memberships: Me['memberships'] = []): Me => ({ ...studentMe, name, roles, memberships });
const unitAdmin = as('高鹏', ['responder', 'unitAdmin'], [{ unitId: 'u-cs', unitName: '计算机学院团委', team: 'league', categoryIds: [] }]);
const supervisor = as('孟妍', ['supervisor']);
const responder = as('任智宇', ['responder'], [{ unitId: 'u-cs', unitName: '计算机学院团委', team: 'expert', categoryIds: [] }]);

const person = (overrides: Partial<RosterPerson> = {}): RosterPerson => ({
  personId: 'p-11',
  name: '任智宇',
  phone: '13800001111',
  roles: ['responder'],
  active: true,
  joinedAt: NOW - 30 * DAY_MS,
  memberships: [{ unitId: 'u-cs', unitName: '计算机学院团委', team: 'expert', categoryIds: ['cat-study'], active: true, admin: false }],
  ...overrides,
});

const invitation = (overrides: Partial<Invitation> = {}): Invitation => ({
  id: 'inv-1',
  code: 'CSEXPERT26',
  scene: 'i=CSEXPERT26',
  path: 'pages/join/index?scene=i%3DCSEXPERT26',
  unitId: 'u-cs',
  unitName: '计算机学院团委',
  team: 'expert',
  categoryIds: ['cat-study'],
  role: 'responder',
  name: '孙明远',
  note: null,
  createdAt: NOW - DAY_MS,
  createdByName: '高鹏',
  expiresAt: NOW + 13 * DAY_MS,
  maxUses: 1,
  uses: 0,
  status: 'open',
  ...overrides,
});

const targets = [
  { collegeId: 'u-cs', collegeName: '计算机学院团委', experts: 1, expertsMin: 5, expertsMet: false, staff: 3, staffMin: 10, staffMax: 30, staffMet: false },
  { collegeId: 'u-med', collegeName: '医学院团委', experts: 5, expertsMin: 5, expertsMet: true, staff: 12, staffMin: 10, staffMax: 30, staffMet: true },
];

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  jest.mocked(getMe).mockResolvedValue(unitAdmin);
  showModal.mockClear();
  setClipboardData.mockClear();
  jest.mocked(getCatalog).mockResolvedValue(catalog);
  jest.mocked(listRoster).mockReset().mockResolvedValue({ items: [person()], nextCursor: null, colleges: targets });
  jest.mocked(listInvites).mockReset().mockResolvedValue({ items: [invitation()], nextCursor: null });
  jest.mocked(updateRoster).mockReset();
  jest.mocked(inviteToRoster).mockReset();
  jest.mocked(revokeInvite).mockReset();
  jest.mocked(getInvitationCode).mockReset().mockResolvedValue({
    invitationId: 'inv-2',
    code: 'NEWCODE234',
    path: 'pages/join/index?scene=i%3DNEWCODE234',
    miniProgramCode: { scene: 'i=NEWCODE234', page: 'pages/join/index', imageUrl: 'http://127.0.0.1/storage/code.png', urlExpiresAt: NOW + 3_600_000 },
  });
});

describe('人员与分工', () => {
  test('a responder is told the page is not theirs; nothing is loaded', async () => {
    jest.mocked(getMe).mockResolvedValue(responder);
    render(<PeoplePage />);
    expect(await screen.findByText('人员与分工仅限单位管理员、协管、主管老师和学校管理员使用。')).toBeTruthy();
    expect(listRoster).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('返回'));
    expect(taroState.navigations).toEqual([{ kind: 'switchTab', url: '/pages/mine/index' }]);
  });

  test('the server refusing (another college) shows its words as 无权限', async () => {
    jest.mocked(listRoster).mockRejectedValue(new ApiRequestError('AUTH.FORBIDDEN', '只能查看本单位（本学院及其团支部）的名册'));
    render(<PeoplePage />);
    expect(await screen.findByText('无权限')).toBeTruthy();
    expect(screen.getByText('只能查看本单位（本学院及其团支部）的名册')).toBeTruthy();
  });

  test('each college\'s targets, met or not, and the people with their team and 分工', async () => {
    render(<PeoplePage />);
    const cs = (await screen.findByText('计算机学院团委', { selector: '.target__name' })).closest('.target') as HTMLElement;
    expect(within(cs).getByText('专帮青（至少 5 人）')).toBeTruthy();
    expect(within(cs).getAllByText('未达标')).toHaveLength(2);
    const med = screen.getByText('医学院团委', { selector: '.target__name' }).closest('.target') as HTMLElement;
    expect(within(med).getAllByText('已达标')).toHaveLength(2);
    expect(within(med).getByText('工作人员（10–30 人）')).toBeTruthy();
    expect(screen.getByText('任智宇')).toBeTruthy();
    expect(screen.getByText('专帮青 · 分工：学业')).toBeTruthy();
    expect(screen.getByText('手机 13800001111')).toBeTruthy();
  });

  test('a unit admin sees only their college (and its branches) to choose from; picking one asks for that unit', async () => {
    render(<PeoplePage />);
    await screen.findByText('任智宇');
    // 高鹏 administers 计算机学院 only: no chips for other units.
    expect(screen.queryByText('医学院', { selector: '.chips__chip' })).toBeNull();
    expect(listRoster).toHaveBeenCalledWith(null, undefined);
  });

  test('the supervisor reads every unit but is offered no changes', async () => {
    jest.mocked(getMe).mockResolvedValue(supervisor);
    render(<PeoplePage />);
    await screen.findByText('任智宇');
    expect(screen.getByText(/（只读）/)).toBeTruthy();
    expect(screen.queryByText('邀请')).toBeNull();
    expect(screen.queryByText('调整团队与分工')).toBeNull();
    expect(screen.queryByText('停用')).toBeNull();
    fireEvent.click(screen.getByText('医学院', { selector: '.chips__chip' }));
    await waitFor(() => expect(listRoster).toHaveBeenLastCalledWith('u-med', undefined));
  });

  test('调整: team and 分工 saved with a reason; nothing changed is caught before sending', async () => {
    jest.mocked(updateRoster).mockResolvedValue(person({ memberships: [{ unitId: 'u-cs', unitName: '计算机学院团委', team: 'league', categoryIds: ['cat-study', 'cat-life'], active: true, admin: false }] }));
    render(<PeoplePage />);
    fireEvent.click(await screen.findByText('调整团队与分工'));
    fireEvent.click(screen.getByText('保存调整'));
    expect(screen.getByText('团队和分工都没有变化')).toBeTruthy();
    expect(updateRoster).not.toHaveBeenCalled();

    const editor = document.querySelector('.person__editor') as HTMLElement;
    fireEvent.click(within(editor).getByText('团帮青'));
    fireEvent.click(within(editor).getByText('后勤'));
    fireEvent.input(within(editor).getByPlaceholderText('调整原因（选填，记入操作日志）'), { target: { value: '改任团学工作' } });
    fireEvent.click(screen.getByText('保存调整'));
    expect(await screen.findByText('✓ 已调整 任智宇 在「计算机学院团委」的团队和分工')).toBeTruthy();
    expect(updateRoster).toHaveBeenCalledWith(
      { personId: 'p-11', unitId: 'u-cs', team: 'league', categoryIds: ['cat-study', 'cat-life'], reason: '改任团学工作' },
      expect.any(String),
    );
    expect(screen.getByText('团帮青 · 分工：学业、后勤')).toBeTruthy();
  });

  test('a refused change keeps the editor open with the server\'s words', async () => {
    jest.mocked(updateRoster).mockRejectedValue(new ApiRequestError('AUTH.FORBIDDEN', '只能调整本单位（本学院及其团支部）的成员'));
    render(<PeoplePage />);
    fireEvent.click(await screen.findByText('调整团队与分工'));
    fireEvent.click(screen.getByText('青帮青'));
    fireEvent.click(screen.getByText('保存调整'));
    expect(await screen.findByText('只能调整本单位（本学院及其团支部）的成员')).toBeTruthy();
    expect(screen.getByText('保存调整')).toBeTruthy();
  });

  test('停用 asks first; 取消 changes nothing, 确定 deactivates and the person shows 已停用 with 恢复', async () => {
    jest.mocked(updateRoster).mockResolvedValue(person({ active: false, memberships: [{ ...person().memberships[0]!, active: false }] }));
    render(<PeoplePage />);
    taroState.modalConfirms = false;
    fireEvent.click(await screen.findByText('停用'));
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1));
    expect(showModal.mock.calls[0]![0]).toMatchObject({ title: '停用成员', content: expect.stringContaining('不再收到「计算机学院团委」的问题和提醒') });
    expect(updateRoster).not.toHaveBeenCalled();

    taroState.modalConfirms = true;
    fireEvent.click(screen.getByText('停用'));
    expect(await screen.findByText('已停用')).toBeTruthy();
    expect(updateRoster).toHaveBeenCalledWith({ personId: 'p-11', unitId: 'u-cs', active: false }, expect.any(String));
    expect(screen.getByText('恢复')).toBeTruthy();
    expect(screen.getByText('✓ 已停用 任智宇（计算机学院团委）')).toBeTruthy();
  });
});

describe('邀请', () => {
  const openInvites = async () => {
    render(<PeoplePage />);
    await screen.findByText('任智宇');
    fireEvent.click(screen.getByText('邀请'));
    return screen.findByText('CSEXPERT26');
  };

  test('the open invitations: code, for whom, status, copy, revoke with confirmation', async () => {
    jest.mocked(revokeInvite).mockResolvedValue(invitation({ status: 'revoked' }));
    await openInvites();
    expect(screen.getByText(/计算机学院团委 · 专帮青 · 1 个分工 · 给 孙明远/)).toBeTruthy();
    expect(screen.getByText(/高鹏 发出 · 有效期至 .* · 已用 0\/1/)).toBeTruthy();
    fireEvent.click(screen.getByText('复制邀请码'));
    expect(setClipboardData).toHaveBeenCalledWith({ data: 'CSEXPERT26' });

    fireEvent.click(screen.getByText('撤销'));
    expect(await screen.findByText('已撤销')).toBeTruthy();
    expect(showModal.mock.calls[0]![0]).toMatchObject({ title: '撤销邀请' });
    expect(revokeInvite).toHaveBeenCalledWith('inv-1', expect.any(String));
    expect(screen.queryByText('撤销')).toBeNull();
  });

  test('a new invitation needs a unit and a team; then shows the code, its mini-program code and copy', async () => {
    jest.mocked(inviteToRoster).mockResolvedValue(invitation({ id: 'inv-2', code: 'NEWCODE234', name: null, categoryIds: [] }));
    await openInvites();
    fireEvent.click(screen.getByText('生成邀请码'));
    expect(screen.getByText('请选择邀请加入的单位')).toBeTruthy();
    expect(screen.getByText('请选择团队（团帮青、专帮青或青帮青）')).toBeTruthy();
    expect(inviteToRoster).not.toHaveBeenCalled();

    const form = document.querySelector('.invite-form') as HTMLElement;
    fireEvent.click(within(form).getByText('计算机学院'));
    fireEvent.click(within(form).getByText('专帮青'));
    fireEvent.click(within(form).getByText('30 天'));
    fireEvent.click(screen.getByText('生成邀请码'));
    expect(await screen.findByText('✓ 邀请已生成')).toBeTruthy();
    expect(inviteToRoster).toHaveBeenCalledWith(
      { unitId: 'u-cs', team: 'expert', categoryIds: [], expiresInDays: 30, maxUses: 1 },
      expect.any(String),
    );
    expect(screen.getByText('NEWCODE234', { selector: '.invite-issued__code' })).toBeTruthy();
    await waitFor(() => expect(document.querySelector('.invite-issued img')?.getAttribute('src')).toBe('http://127.0.0.1/storage/code.png'));
    expect(getInvitationCode).toHaveBeenCalledWith('inv-2');
    fireEvent.click(within(document.querySelector('.invite-issued') as HTMLElement).getByText('复制邀请码'));
    expect(setClipboardData).toHaveBeenCalledWith({ data: 'NEWCODE234' });
  });

  test('the server refusing an invitation says why', async () => {
    jest.mocked(inviteToRoster).mockRejectedValue(new ApiRequestError('AUTH.FORBIDDEN', '只有学校管理员可以邀请单位管理员'));
    await openInvites();
    const form = document.querySelector('.invite-form') as HTMLElement;
    fireEvent.click(within(form).getByText('计算机学院'));
    fireEvent.click(within(form).getByText('团帮青'));
    fireEvent.click(screen.getByText('生成邀请码'));
    expect(await screen.findByText('只有学校管理员可以邀请单位管理员')).toBeTruthy();
  });
});
