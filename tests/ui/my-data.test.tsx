import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import MyDataPage from '../../miniprogram/src/account/pages/my-data/index';
import { bindPhone, deleteMyAccount, exportMyData, type MyData } from '../../miniprogram/src/services/account.service';
import { getMe } from '../../miniprogram/src/services/me.service';
import { listDevUsers } from '../../miniprogram/src/services/dev-identity.service';
import { ApiRequestError } from '../../miniprogram/src/services/api-error';
import { openTypeReplies } from './support/taro-components';
import { needPrivacyAuthorization, setClipboardData, shareFileMessage, showToast, taroState } from './support/taro-double';
import { NOW, detail, studentMe } from './support/fixtures';

jest.mock('../../miniprogram/src/services/account.service', () => ({
  ...jest.requireActual('../../miniprogram/src/services/account.service'),
  exportMyData: jest.fn(),
  deleteMyAccount: jest.fn(),
  bindPhone: jest.fn(),
}));
jest.mock('../../miniprogram/src/services/me.service');
// Off by default (WeChat); the H5 demo turns the local gateway on.
let mockDevGateway = false;
jest.mock('../../miniprogram/src/config/env', () => ({
  appEnv: { apiBase: '', cloudEnv: '', transport: 'cloud' },
  isDevGateway: () => mockDevGateway,
}));
jest.mock('../../miniprogram/src/services/dev-identity.service', () => ({
  ...jest.requireActual('../../miniprogram/src/services/dev-identity.service'),
  listDevUsers: jest.fn(),
}));

/** 账号与数据: what is held, its export, the staff phone, account deletion. */
const myData: MyData = {
  exportedAt: NOW,
  identity: { openid: 'oQnzs_student_li_0001', registered: true, name: '李同学', collegeId: 'u-cs', roles: ['student'], memberships: [] },
  questionsAsked: [detail({ id: 'q-mine', title: '宿舍热水几点供应？' }), detail({ id: 'q-mine-2', title: '图书馆周末开放吗？' })],
  answersGiven: [],
  stepsTaken: [],
  messages: [{ kind: 'reply', text: '你的问题有了答复', state: 'sent', createdAt: NOW }],
  subscriptions: [{ templateId: 'tpl-reply', credits: 2 }, { templateId: 'tpl-progress', credits: 1 }],
  reports: [{ questionId: 'q-other', target: 'answer', reason: '广告引流', at: NOW }],
  recentAsks: [NOW],
  reactions: [],
  topicPosts: [],
  topicComments: [],
  activitySignUps: [],
};
const staffMe = { ...studentMe, name: '任智宇', roles: ['responder' as const], memberships: [{ unitId: 'u-cs', unitName: '计算机学院团委', team: 'expert' as const, categoryIds: [] }] };

const originalEnv = process.env.TARO_ENV;
beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  jest.mocked(getMe).mockResolvedValue(studentMe);
  jest.mocked(exportMyData).mockReset().mockResolvedValue(myData);
  jest.mocked(deleteMyAccount).mockReset().mockResolvedValue({ deleted: true });
  jest.mocked(bindPhone).mockReset();
  jest.mocked(listDevUsers).mockResolvedValue([]);
  shareFileMessage.mockClear();
  setClipboardData.mockClear();
  showToast.mockClear();
  openTypeReplies.phoneNumber = { code: 'wx-phone-code', errMsg: 'getPhoneNumber:ok' };
});
afterEach(() => {
  process.env.TARO_ENV = originalEnv;
  mockDevGateway = false;
});

function textOf(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

test('sums up what the platform holds about me, from me.export', async () => {
  render(<MyDataPage />);
  expect(await screen.findByText('平台保存的你的数据')).toBeTruthy();
  const cell = (label: string) => screen.getByText(label).closest('.account__cell')?.textContent;
  await waitFor(() => expect(cell('我的提问')).toBe('2个我的提问'));
  expect(cell('我写的答复')).toBe('0条我写的答复');
  expect(cell('收到的消息')).toBe('1条收到的消息');
  expect(cell('我的举报')).toBe('1次我的举报');
  expect(cell('可接收的提醒')).toBe('3次可接收的提醒');
  expect(screen.getByText('李同学')).toBeTruthy();
  expect(screen.getByText('微信身份标识 oQnzs_…0001')).toBeTruthy();
  expect(screen.getByText(/问题关闭 730 天后/)).toBeTruthy();
  // Students are never asked for a phone number.
  expect(screen.queryByText('绑定手机号')).toBeNull();
});

test('a failed load says so and offers 重试; export waits until the data is there', async () => {
  jest.mocked(exportMyData).mockRejectedValueOnce(new ApiRequestError('NETWORK.FAILED')).mockResolvedValueOnce(myData);
  process.env.TARO_ENV = 'h5';
  render(<MyDataPage />);
  expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
  expect(screen.getByText('导出我的数据').className).toContain('taro-btn-disabled');
  fireEvent.click(screen.getByText('重试'));
  await waitFor(() => expect(screen.getByText('我的提问')).toBeTruthy());
});

test('signed out: one explanation of what to do', async () => {
  jest.mocked(getMe).mockRejectedValue(new ApiRequestError('AUTH.REQUIRED'));
  jest.mocked(exportMyData).mockRejectedValue(new ApiRequestError('AUTH.REQUIRED'));
  render(<MyDataPage />);
  expect(await screen.findByText(/就能看到平台保存的你的数据/)).toBeTruthy();
  expect(screen.queryByText('注销账号')).toBeNull();
});

describe('导出我的数据', () => {
  test('in the browser: a JSON file named 青年之声-我的数据-YYYYMMDD.json is downloaded, holding everything me.export gave', async () => {
    process.env.TARO_ENV = 'h5';
    const blobs: Blob[] = [];
    const createObjectURL = jest.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:my-data';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const downloads: { href: string; download: string }[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push({ href: this.href, download: this.download });
    });

    render(<MyDataPage />);
    await screen.findByText('我的提问');
    fireEvent.click(screen.getByText('导出我的数据'));

    expect(downloads).toEqual([{ href: 'blob:my-data', download: '青年之声-我的数据-20260302.json' }]);
    expect(blobs[0]?.type).toBe('application/json;charset=utf-8');
    const json = JSON.parse(await textOf(blobs[0]!)) as MyData;
    expect(json.questionsAsked.map((q) => q.title)).toEqual(['宿舍热水几点供应？', '图书馆周末开放吗？']);
    expect(json.identity.openid).toBe('oQnzs_student_li_0001');
    expect(screen.getByText('已下载「青年之声-我的数据-20260302.json」，可以用记事本或浏览器打开。')).toBeTruthy();
  });

  test('in WeChat: written to the user-data folder and sent to a chat from the tap', async () => {
    process.env.TARO_ENV = 'weapp';
    render(<MyDataPage />);
    await screen.findByText('我的提问');
    expect(screen.getByText(/可以发送给「文件传输助手」/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByText('导出并发送到聊天'));
    });

    expect(shareFileMessage).toHaveBeenCalledTimes(1);
    const [{ filePath, fileName }] = shareFileMessage.mock.calls[0]!;
    expect(fileName).toBe('青年之声-我的数据-20260302.json');
    expect(filePath).toBe('wxfile://usr/qnzs-my-data-20260302.json');
    expect(JSON.parse(taroState.files.get(filePath) ?? '{}')).toMatchObject({ identity: { name: '李同学' } });
    expect(await screen.findByText('已发送「青年之声-我的数据-20260302.json」。')).toBeTruthy();
    expect(setClipboardData).not.toHaveBeenCalled();
  });

  test('in WeChat, where sending a file fails, the JSON is copied instead (after the privacy popup); a cancel does nothing', async () => {
    process.env.TARO_ENV = 'weapp';
    shareFileMessage.mockImplementationOnce((o) => o.fail?.({ errMsg: 'shareFileMessage:fail cancel' }));
    shareFileMessage.mockImplementationOnce((o) => o.fail?.({ errMsg: 'shareFileMessage:fail not supported' }));
    render(<MyDataPage />);
    await screen.findByText('我的提问');

    await act(async () => {
      fireEvent.click(screen.getByText('导出并发送到聊天'));
    });
    expect(setClipboardData).not.toHaveBeenCalled();

    await act(async () => {
      fireEvent.click(screen.getByText('导出并发送到聊天'));
    });
    expect(setClipboardData).toHaveBeenCalledTimes(1);
    expect(JSON.parse(setClipboardData.mock.calls[0]![0].data)).toMatchObject({ exportedAt: NOW });
    expect(await screen.findByText(/数据已复制到剪贴板/)).toBeTruthy();

    // The clipboard is privacy-scoped: the page holds the consent popup WeChat asks through.
    act(() => {
      needPrivacyAuthorization('setClipboardData');
    });
    expect(screen.getByText(/在复制数据到剪贴板之前/)).toBeTruthy();
  });
});

describe('注销账号', () => {
  async function openConfirmation() {
    render(<MyDataPage />);
    await screen.findByText('我的提问');
    fireEvent.click(screen.getByText('注销账号…'));
    return screen.getByPlaceholderText('注销账号') as HTMLInputElement;
  }

  test('says what happens before anything can be sent', async () => {
    render(<MyDataPage />);
    await screen.findByText('我的提问');
    expect(screen.getByText(/你的提问会匿名保留（显示为「已注销用户」）/)).toBeTruthy();
    expect(screen.getByText('注销后无法恢复。建议先导出我的数据。')).toBeTruthy();
    expect(screen.queryByPlaceholderText('注销账号')).toBeNull();
  });

  test('needs 注销账号 typed exactly; 确认注销 then calls me.delete once, forgets the dev identity and starts again at 首页', async () => {
    taroState.storage.set('qnzs.devOpenid', 'dev-student-li');
    const input = await openConfirmation();
    const confirm = () => screen.getByText('确认注销');

    fireEvent.click(confirm());
    fireEvent.input(input, { target: { value: '注销' } });
    fireEvent.click(confirm());
    expect(deleteMyAccount).not.toHaveBeenCalled();
    expect(confirm().closest('.taro-button-core')?.className).toContain('taro-btn-disabled');

    fireEvent.input(input, { target: { value: '注销账号' } });
    await act(async () => {
      fireEvent.click(confirm());
      fireEvent.click(confirm());
    });

    expect(deleteMyAccount).toHaveBeenCalledTimes(1);
    expect(taroState.storage.has('qnzs.devOpenid')).toBe(false);
    expect(taroState.navigations).toEqual([{ kind: 'reLaunch', url: '/pages/index/index' }]);
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '账号已注销，你的提问已匿名保留' }));
  });

  test('取消 closes the confirmation; a failure says why and keeps it open to try again', async () => {
    jest.mocked(deleteMyAccount).mockRejectedValueOnce(new ApiRequestError('NETWORK.FAILED'));
    let input = await openConfirmation();
    fireEvent.click(screen.getByText('取消'));
    expect(screen.queryByPlaceholderText('注销账号')).toBeNull();

    fireEvent.click(screen.getByText('注销账号…'));
    input = screen.getByPlaceholderText('注销账号') as HTMLInputElement;
    fireEvent.input(input, { target: { value: '注销账号' } });
    await act(async () => {
      fireEvent.click(screen.getByText('确认注销'));
    });
    expect(screen.getByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    expect(taroState.navigations).toEqual([]);

    await act(async () => {
      fireEvent.click(screen.getByText('确认注销'));
    });
    expect(deleteMyAccount).toHaveBeenCalledTimes(2);
    expect(taroState.navigations).toEqual([{ kind: 'reLaunch', url: '/pages/index/index' }]);
  });
});

describe('绑定手机号 (staff only)', () => {
  test('a responder binds through WeChat’s phone-number button: the code goes to me.bindPhone, the masked number shows', async () => {
    process.env.TARO_ENV = 'weapp';
    jest.mocked(getMe).mockResolvedValue(staffMe);
    jest.mocked(bindPhone).mockResolvedValue({ phone: '138****1111' });
    render(<MyDataPage />);
    expect(await screen.findByText('未绑定')).toBeTruthy();

    const button = screen.getByText('用微信手机号绑定');
    expect(button.closest('[data-open-type]')?.getAttribute('data-open-type')).toBe('getPhoneNumber');
    await act(async () => {
      fireEvent.click(button);
    });

    expect(bindPhone).toHaveBeenCalledWith('wx-phone-code');
    expect(screen.getByText('已绑定 138****1111', { selector: '.account-card__state' })).toBeTruthy();
  });

  test('shows a number already bound (me.get)', async () => {
    process.env.TARO_ENV = 'weapp';
    jest.mocked(getMe).mockResolvedValue({ ...staffMe, phone: '139****2222' });
    render(<MyDataPage />);
    expect(await screen.findByText('已绑定 139****2222')).toBeTruthy();
    expect(screen.getByText('更换手机号')).toBeTruthy();
  });

  test('a declined prompt, an expired code and a student each say so; nothing else is sent', async () => {
    process.env.TARO_ENV = 'weapp';
    jest.mocked(getMe).mockResolvedValue(staffMe);
    render(<MyDataPage />);
    await screen.findByText('用微信手机号绑定');

    openTypeReplies.phoneNumber = { errMsg: 'getPhoneNumber:fail user deny' };
    fireEvent.click(screen.getByText('用微信手机号绑定'));
    expect(screen.getByText('你没有同意使用手机号，手机号未绑定。')).toBeTruthy();
    expect(bindPhone).not.toHaveBeenCalled();

    openTypeReplies.phoneNumber = { code: 'old-code', errMsg: 'getPhoneNumber:ok' };
    jest.mocked(bindPhone).mockRejectedValueOnce(new ApiRequestError('PHONE.CODE_INVALID'));
    await act(async () => {
      fireEvent.click(screen.getByText('用微信手机号绑定'));
    });
    expect(screen.getByText('手机号授权已失效，请重新点击绑定')).toBeTruthy();
    // A used code cannot be sent again: the way on is another tap, not 重试.
    expect(screen.queryByText('重试')).toBeNull();

    jest.mocked(bindPhone).mockRejectedValueOnce(new ApiRequestError('AUTH.FORBIDDEN', '只有答复老师和管理人员需要绑定手机号'));
    await act(async () => {
      fireEvent.click(screen.getByText('用微信手机号绑定'));
    });
    expect(screen.getByText('只有答复老师和管理人员需要绑定手机号')).toBeTruthy();
    expect(screen.queryByText('重试')).toBeNull();
  });

  test('a network failure offers 重试, which sends the same code again', async () => {
    process.env.TARO_ENV = 'weapp';
    jest.mocked(getMe).mockResolvedValue(staffMe);
    jest.mocked(bindPhone).mockRejectedValueOnce(new ApiRequestError('NETWORK.FAILED')).mockResolvedValueOnce({ phone: '138****1111' });
    render(<MyDataPage />);
    const button = await screen.findByText('用微信手机号绑定');
    await act(async () => {
      fireEvent.click(button);
    });
    expect(screen.getByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByText('重试'));
    });
    expect(jest.mocked(bindPhone).mock.calls).toEqual([['wx-phone-code'], ['wx-phone-code']]);
    expect(screen.getByText('已绑定 138****1111', { selector: '.account-card__state' })).toBeTruthy();
  });

  test('the phone-number button is privacy-scoped: the page answers WeChat’s consent question', async () => {
    process.env.TARO_ENV = 'weapp';
    jest.mocked(getMe).mockResolvedValue(staffMe);
    render(<MyDataPage />);
    await screen.findByText('用微信手机号绑定');
    act(() => {
      needPrivacyAuthorization('button.getPhoneNumber');
    });
    expect(screen.getByText('在绑定手机号之前，请先阅读并同意「青年之声」的隐私保护指引。')).toBeTruthy();
  });

  test('in the H5 demo a marked stand-in sends dev-<11 digits>, and checks the number first', async () => {
    process.env.TARO_ENV = 'h5';
    mockDevGateway = true;
    jest.mocked(getMe).mockResolvedValue(staffMe);
    jest.mocked(bindPhone).mockResolvedValue({ phone: '138****1111' });
    render(<MyDataPage />);
    expect(await screen.findByText('开发环境')).toBeTruthy();
    expect(screen.queryByText('用微信手机号绑定')).toBeNull();
    const number = screen.getByPlaceholderText('例如 13800001111');

    fireEvent.input(number, { target: { value: '1380000' } });
    fireEvent.click(screen.getByText('模拟授权并绑定'));
    expect(screen.getByText('请输入 11 位手机号（1 开头）。')).toBeTruthy();
    expect(bindPhone).not.toHaveBeenCalled();

    fireEvent.input(number, { target: { value: '13800001111' } });
    await act(async () => {
      fireEvent.click(screen.getByText('模拟授权并绑定'));
    });
    expect(bindPhone).toHaveBeenCalledWith('dev-13800001111');
    expect(screen.getByText('已绑定 138****1111', { selector: '.account-card__state' })).toBeTruthy();
  });

  test('in a browser without the local gateway there is nothing to fake: it says to bind in WeChat', async () => {
    process.env.TARO_ENV = 'h5';
    jest.mocked(getMe).mockResolvedValue(staffMe);
    render(<MyDataPage />);
    expect(await screen.findByText('请在微信中打开「青年之声」小程序绑定手机号。')).toBeTruthy();
    expect(screen.queryByText('开发环境')).toBeNull();
  });

  test('a student sees no phone binding at all', async () => {
    process.env.TARO_ENV = 'weapp';
    render(<MyDataPage />);
    await screen.findByText('我的提问');
    expect(screen.queryByText('用微信手机号绑定')).toBeNull();
    expect(screen.queryByText('绑定手机号')).toBeNull();
  });
});
