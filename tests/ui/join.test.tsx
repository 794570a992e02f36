import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import JoinPage from '../../miniprogram/src/pages/join/index';
import { getInviteInfo, joinRoster, type InviteInfo } from '../../miniprogram/src/services/roster.service';
import { ApiRequestError } from '../../miniprogram/src/services/api-error';
import { DAY_MS } from '@shared/domain/privacy';
import { taroState } from './support/taro-double';
import { NOW } from './support/fixtures';

jest.mock('../../miniprogram/src/services/roster.service');

const infoMock = jest.mocked(getInviteInfo);
const joinMock = jest.mocked(joinRoster);

const invitation = (overrides: Partial<InviteInfo> = {}): InviteInfo => ({
  unitId: 'c-cs',
  unitName: '计算机科学与技术学院团委',
  team: 'expert',
  categories: [{ id: 'cat-study', name: '学业' }, { id: 'cat-career', name: '就业' }],
  role: 'responder',
  name: '孙明远',
  invitedByName: '高鹏',
  expiresAt: NOW + 13 * DAY_MS,
  status: 'open',
  alreadyJoined: false,
  registered: true,
  ...overrides,
});

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  infoMock.mockReset().mockResolvedValue(invitation());
  joinMock.mockReset().mockResolvedValue({ unitId: 'c-cs', unitName: '计算机科学与技术学院团委', team: 'expert', categoryIds: ['cat-study', 'cat-career'], roles: ['responder'], joinedAt: NOW });
});

describe('加入答复团队', () => {
  test('a mini-program code (scene i=<code>) shows what the invitation is for; 加入 binds and leads to the workbench', async () => {
    taroState.params = { scene: encodeURIComponent('i=CSEXPERT26') };
    render(<JoinPage />);
    expect(await screen.findByText('高鹏 邀请你加入')).toBeTruthy();
    expect(infoMock).toHaveBeenCalledWith('CSEXPERT26');
    expect(screen.getByText('计算机科学与技术学院团委')).toBeTruthy();
    expect(screen.getByText('专帮青')).toBeTruthy();
    expect(screen.getByText('学业、就业')).toBeTruthy();
    expect(screen.getByText('答复人')).toBeTruthy();
    expect(screen.getByText('可使用')).toBeTruthy();
    expect(screen.getByText(/3月15日|2026/)).toBeTruthy();

    fireEvent.click(screen.getByText('加入'));
    expect(await screen.findByText('已加入')).toBeTruthy();
    expect(joinMock).toHaveBeenCalledWith('CSEXPERT26', undefined);
    expect(screen.getByText('计算机科学与技术学院团委 · 专帮青')).toBeTruthy();
    fireEvent.click(screen.getByText('进入答复工作台'));
    expect(taroState.navigations).toEqual([{ kind: 'redirectTo', url: '/expert/pages/inbox/index' }]);
  });

  test('without a code the page asks for one, and checks it before asking the server', async () => {
    render(<JoinPage />);
    expect(screen.getByText('加入答复团队')).toBeTruthy();
    fireEvent.click(screen.getByText('查看邀请'));
    expect(screen.getByText('请输入邀请码')).toBeTruthy();
    fireEvent.input(screen.getByPlaceholderText('例如 CSEXPERT26'), { target: { value: 'CSEXPERT2O' } });
    fireEvent.click(screen.getByText('查看邀请'));
    expect(screen.getByText(/邀请码是 10 位字母和数字（不含 0、O、1、I、L）/)).toBeTruthy();
    expect(infoMock).not.toHaveBeenCalled();

    fireEvent.input(screen.getByPlaceholderText('例如 CSEXPERT26'), { target: { value: 'csex-pert26' } });
    fireEvent.click(screen.getByText('查看邀请'));
    expect(await screen.findByText('高鹏 邀请你加入')).toBeTruthy();
    expect(infoMock).toHaveBeenCalledWith('CSEXPERT26');
    // A way back from the form.
    fireEvent.click(screen.getByText('不是这个邀请，重新输入'));
    expect(screen.getByText('返回首页')).toBeTruthy();
  });

  test.each([
    ['expired', '这个邀请已过期。请联系高鹏重新邀请。', '已过期'],
    ['usedUp', '这个邀请已被使用，不能再用来加入。请联系高鹏重新邀请。', '已用完'],
    ['revoked', '这个邀请已被管理员撤销。请联系高鹏重新邀请。', '已撤销'],
  ] as const)('a %s invitation says so, whom to ask, and offers no 加入', async (status, text, tag) => {
    infoMock.mockResolvedValue(invitation({ status }));
    taroState.params = { code: 'CSEXPERT26' };
    render(<JoinPage />);
    expect(await screen.findByText(text)).toBeTruthy();
    expect(screen.getByText(tag)).toBeTruthy();
    expect(screen.queryByText('加入')).toBeNull();
    fireEvent.click(screen.getByText('输入其他邀请码'));
    expect(screen.getByPlaceholderText('例如 CSEXPERT26')).toBeTruthy();
  });

  test('an unknown code: the server\'s words, and typing another', async () => {
    infoMock.mockRejectedValue(new ApiRequestError('INVITE.INVALID'));
    taroState.params = { code: 'ABCDEFGHJK' };
    render(<JoinPage />);
    expect(await screen.findByText('邀请码无效，请核对后重新输入或扫描')).toBeTruthy();
    expect(screen.getByText('邀请码：ABCDEFGHJK')).toBeTruthy();
    expect(screen.queryByText('重试')).toBeNull();
    fireEvent.click(screen.getByText('输入其他邀请码'));
    expect(screen.getByPlaceholderText('例如 CSEXPERT26')).toBeTruthy();
  });

  test('a network failure offers 重试', async () => {
    infoMock.mockRejectedValueOnce(new ApiRequestError('NETWORK.FAILED'));
    taroState.params = { code: 'CSEXPERT26' };
    render(<JoinPage />);
    fireEvent.click(await screen.findByText('重试'));
    expect(await screen.findByText('高鹏 邀请你加入')).toBeTruthy();
  });

  test('used up while the page was open: the refusal shows and the invitation is read again', async () => {
    joinMock.mockRejectedValue(new ApiRequestError('INVITE.USED_UP'));
    infoMock.mockResolvedValueOnce(invitation()).mockResolvedValueOnce(invitation({ status: 'usedUp' }));
    taroState.params = { code: 'CSEXPERT26' };
    render(<JoinPage />);
    fireEvent.click(await screen.findByText('加入'));
    expect(await screen.findByText('这个邀请已被使用，不能再用来加入。请联系高鹏重新邀请。')).toBeTruthy();
    expect(infoMock).toHaveBeenCalledTimes(2);
  });

  test('someone new to the roster gives their name when the invitation has none', async () => {
    infoMock.mockResolvedValue(invitation({ registered: false, name: null }));
    taroState.params = { code: 'CSEXPERT26' };
    render(<JoinPage />);
    fireEvent.click(await screen.findByText('加入'));
    expect(screen.getByText(/请填写你的真实姓名/)).toBeTruthy();
    expect(joinMock).not.toHaveBeenCalled();
    fireEvent.input(screen.getByPlaceholderText('真实姓名，2–20 个字'), { target: { value: ' 孙明远 ' } });
    fireEvent.click(screen.getByText('加入'));
    await waitFor(() => expect(joinMock).toHaveBeenCalledWith('CSEXPERT26', '孙明远'));
  });

  test('already joined with it: says so and leads to the workbench', async () => {
    infoMock.mockResolvedValue(invitation({ alreadyJoined: true, status: 'usedUp' }));
    taroState.params = { code: 'CSEXPERT26' };
    render(<JoinPage />);
    expect(await screen.findByText('你已经通过这个邀请加入了「计算机科学与技术学院团委」。')).toBeTruthy();
    expect(screen.queryByText('加入')).toBeNull();
  });
});
