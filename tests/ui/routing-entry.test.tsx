import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import RoutingPage from '../../miniprogram/src/admin/pages/routing/index';
import EntryPage from '../../miniprogram/src/admin/pages/entry/index';
import { getEntryLinks, getRoutingTable, saveCategory, saveUnit, type RoutingTable } from '../../miniprogram/src/services/roster.service';
import { getMe } from '../../miniprogram/src/services/me.service';
import { getCatalog } from '../../miniprogram/src/services/catalog.service';
import { ApiRequestError } from '../../miniprogram/src/services/api-error';
import type { Me } from '@shared/contracts/me.contract';
import { setClipboardData, taroState } from './support/taro-double';
import { NOW, catalog, studentMe } from './support/fixtures';

jest.mock('../../miniprogram/src/services/roster.service');
jest.mock('../../miniprogram/src/services/me.service');
jest.mock('../../miniprogram/src/services/catalog.service');

const as = (name: string, roles: Me['roles'], memberships: Me['memberships'] = []): Me => ({ ...studentMe, name, roles, memberships });
const schoolAdmin = as('李天罡', ['schoolAdmin', 'supervisor']);
const supervisor = as('孟妍', ['supervisor']);
const csAdmin = as('高鹏', ['responder', 'unitAdmin'], [{ unitId: 'u-cs', unitName: '计算机学院团委', team: 'league', categoryIds: [] }]);

const noHook = { source: null, masked: null };
const table: RoutingTable = {
  units: [
    { id: 'u-school', name: '校团委', shortName: '校团委', kind: 'school', parentId: null, order: 0, emergencyContacts: [{ label: '保卫处24小时值班', phone: '0571-8888-0110' }], fallbackWebhook: noHook, version: 0, updatedAt: null },
    { id: 'd-logistics', name: '后勤服务中心', shortName: '后勤服务中心', kind: 'department', parentId: null, order: 32, emergencyContacts: [], fallbackWebhook: { source: 'config', masked: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=demo****roup' }, version: 2, updatedAt: NOW },
    { id: 'b-cs-2301', name: '计算机2301班团支部', shortName: '计算机2301班团支部', kind: 'branch', parentId: 'u-cs', order: 20, emergencyContacts: [], fallbackWebhook: noHook, version: 0, updatedAt: null },
    { id: 'u-cs', name: '计算机学院团委', shortName: '计算机学院', kind: 'college', parentId: 'u-school', order: 10, emergencyContacts: [], fallbackWebhook: noHook, version: 0, updatedAt: null },
  ],
  categories: [
    { id: 'cat-dorm', name: '后勤宿舍', description: '宿舍维修、食堂', ownerUnitId: 'd-logistics', answerHours: null, crisisLane: false, order: 6, version: 3, updatedAt: null },
    { id: 'cat-study', name: '学业', description: '课程学习', ownerUnitId: null, answerHours: 48, crisisLane: false, order: 1, version: 0, updatedAt: null },
  ],
};

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  jest.mocked(getMe).mockResolvedValue(schoolAdmin);
  jest.mocked(getCatalog).mockResolvedValue(catalog);
  jest.mocked(getRoutingTable).mockReset().mockResolvedValue(table);
  jest.mocked(saveUnit).mockReset();
  jest.mocked(saveCategory).mockReset();
  jest.mocked(getEntryLinks).mockReset();
  setClipboardData.mockClear();
});

describe('单位与分类', () => {
  test('a unit admin is told it is not theirs', async () => {
    jest.mocked(getMe).mockResolvedValue(csAdmin);
    render(<RoutingPage />);
    expect(await screen.findByText('单位与分类仅限学校管理员、协管和主管老师查看，由学校管理员修改。')).toBeTruthy();
    expect(getRoutingTable).not.toHaveBeenCalled();
  });

  test('the tree (school → college → branch, then departments), categories with owner and window, new questions only', async () => {
    render(<RoutingPage />);
    await screen.findByText('后勤宿舍');
    const names = Array.from(document.querySelectorAll('.rt-unit .rt-unit__name')).map((n) => n.textContent);
    expect(names).toEqual(['校团委', '计算机学院团委', '计算机2301班团支部', '后勤服务中心']);
    expect(screen.getByText(/只对之后的新提问生效：已经提出的问题保留原来的负责单位和答复时限/)).toBeTruthy();
    expect(screen.getByText('负责单位：按提问者所选学院 · 答复时限：48 小时')).toBeTruthy();
    expect(screen.getByText('负责单位：后勤服务中心 · 答复时限：24 小时')).toBeTruthy();
    expect(screen.getByText('紧急联系人：保卫处24小时值班 0571-8888-0110')).toBeTruthy();
    expect(screen.getByText('企业微信群：部署配置 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=demo****roup')).toBeTruthy();
  });

  test('the supervisor reads it and is offered no 编辑', async () => {
    jest.mocked(getMe).mockResolvedValue(supervisor);
    render(<RoutingPage />);
    await screen.findByText('后勤宿舍');
    expect(screen.queryByText('编辑')).toBeNull();
  });

  test('a unit edit is checked before sending; the robot is kept unless changed; the version read goes with it', async () => {
    jest.mocked(saveUnit).mockResolvedValue({ unit: table.units[1]!, savedAt: NOW });
    render(<RoutingPage />);
    const row = (await screen.findByText('后勤服务中心', { selector: '.rt-unit__name' })).closest('.rt-unit') as HTMLElement;
    fireEvent.click(within(row).getByText('编辑'));
    fireEvent.click(screen.getByText('＋ 添加联系人'));
    fireEvent.input(screen.getByLabelText('联系人1名称'), { target: { value: '后勤报修24小时' } });
    fireEvent.input(screen.getByLabelText('联系人1电话'), { target: { value: '报修电话' } });
    fireEvent.click(screen.getByText('保存'));
    expect(screen.getByText('第 1 个联系人的电话号码格式不正确')).toBeTruthy();
    expect(saveUnit).not.toHaveBeenCalled();

    fireEvent.input(screen.getByLabelText('联系人1电话'), { target: { value: '0571-8888-0300' } });
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('✓ 已保存「后勤服务中心」，之后的新提问按新设置处理')).toBeTruthy();
    const [input] = jest.mocked(saveUnit).mock.calls[0]!;
    expect(input).toEqual({
      id: 'd-logistics', version: 2, name: '后勤服务中心', shortName: '后勤服务中心', kind: 'department', parentId: null, order: 32,
      emergencyContacts: [{ label: '后勤报修24小时', phone: '0571-8888-0300' }],
    });
    expect(input).not.toHaveProperty('fallbackWebhook');
    expect(getRoutingTable).toHaveBeenCalledTimes(2);
  });

  test('a new robot address must be a WeCom robot', async () => {
    render(<RoutingPage />);
    const row = (await screen.findByText('后勤服务中心', { selector: '.rt-unit__name' })).closest('.rt-unit') as HTMLElement;
    fireEvent.click(within(row).getByText('编辑'));
    fireEvent.click(screen.getByText('换成新的机器人'));
    fireEvent.input(screen.getByLabelText('机器人地址'), { target: { value: 'http://evil.example/hook' } });
    fireEvent.click(screen.getByText('保存'));
    expect(screen.getByText(/企业微信群机器人地址应为/)).toBeTruthy();
    expect(saveUnit).not.toHaveBeenCalled();
  });

  test('someone else saved first: 已被他人修改，请刷新后重试, and 刷新 reads the table again', async () => {
    jest.mocked(saveCategory).mockRejectedValue(new ApiRequestError('CATALOG.STALE'));
    render(<RoutingPage />);
    const row = (await screen.findByText('后勤宿舍')).closest('.rt-cat') as HTMLElement;
    fireEvent.click(within(row).getByText('编辑'));
    fireEvent.input(screen.getByLabelText('答复时限'), { target: { value: '12' } });
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('已被他人修改，请刷新后重试')).toBeTruthy();
    expect(jest.mocked(saveCategory).mock.calls[0]![0]).toMatchObject({ id: 'cat-dorm', version: 3, answerHours: 12, ownerUnitId: 'd-logistics' });
    fireEvent.click(screen.getByText('刷新'));
    await waitFor(() => expect(getRoutingTable).toHaveBeenCalledTimes(2));
    expect(screen.queryByText('已被他人修改，请刷新后重试')).toBeNull();
  });

  test('an answer window out of range is caught', async () => {
    render(<RoutingPage />);
    const row = (await screen.findByText('学业')).closest('.rt-cat') as HTMLElement;
    fireEvent.click(within(row).getByText('编辑'));
    fireEvent.input(screen.getByLabelText('答复时限'), { target: { value: '73' } });
    fireEvent.click(screen.getByText('保存'));
    expect(screen.getByText('答复时限为 1–72 之间的整数小时，留空则为 24 小时')).toBeTruthy();
    expect(saveCategory).not.toHaveBeenCalled();
  });
});

describe('新增单位与类别', () => {
  const chip = (text: string, form: HTMLElement) => within(form).getByText(text, { selector: '.chips__chip' });
  const openForm = async (button: '＋ 新增单位' | '＋ 新增类别') => {
    render(<RoutingPage />);
    fireEvent.click(await screen.findByText(button));
    return document.querySelector('.rt-new') as HTMLElement;
  };

  test('a college under the school committee: sent without a version, the same request id on a second press, confirmed and the list reloaded', async () => {
    const created = { id: 'c-law', name: '法学院团委', shortName: '法学院', kind: 'college' as const, parentId: 'u-school', order: 100, emergencyContacts: [{ label: '法学院值班', phone: '0571-8888-0216' }], fallbackWebhook: noHook, version: 1, updatedAt: NOW };
    jest.mocked(saveUnit).mockRejectedValueOnce(new ApiRequestError('NETWORK.FAILED')).mockResolvedValueOnce({ unit: created, savedAt: NOW });
    const form = await openForm('＋ 新增单位');
    expect(within(form).getByText(/新增后只对之后的新提问生效/)).toBeTruthy();
    // A college is the default kind, under the one school committee.
    expect(chip('学院团委', form).getAttribute('aria-pressed')).toBe('true');
    expect(chip('校团委', form).getAttribute('aria-pressed')).toBe('true');
    fireEvent.input(screen.getByLabelText('单位名称'), { target: { value: ' 法学院团委 ' } });
    fireEvent.input(screen.getByLabelText('简称'), { target: { value: '法学院' } });
    fireEvent.input(screen.getByLabelText('单位编号'), { target: { value: 'c-law' } });
    fireEvent.click(screen.getByText('＋ 添加联系人'));
    fireEvent.input(screen.getByLabelText('联系人1名称'), { target: { value: '法学院值班' } });
    fireEvent.input(screen.getByLabelText('联系人1电话'), { target: { value: '0571-8888-0216' } });
    fireEvent.click(screen.getByText('确认新增'));
    expect(await screen.findByText('网络连接失败，请检查网络后重试（可再点一次「确认新增」，不会重复创建）')).toBeTruthy();
    fireEvent.click(screen.getByText('确认新增'));
    expect(await screen.findByText('✓ 已新增学院团委「法学院团委」（上级：校团委），编号 c-law。只对之后的新提问生效。')).toBeTruthy();
    const calls = jest.mocked(saveUnit).mock.calls;
    expect(calls[0]![0]).toEqual({ id: 'c-law', name: '法学院团委', shortName: '法学院', kind: 'college', parentId: 'u-school', emergencyContacts: [{ label: '法学院值班', phone: '0571-8888-0216' }] });
    expect(calls[0]![0]).not.toHaveProperty('version');
    expect(calls[1]![1]).toBe(calls[0]![1]);
    expect(document.querySelector('.rt-new')).toBeNull();
    await waitFor(() => expect(getRoutingTable).toHaveBeenCalledTimes(2));
  });

  test('a branch under a chosen college, with a WeCom robot and an id left to the server', async () => {
    jest.mocked(saveUnit).mockResolvedValue({ unit: { ...table.units[2]!, id: 'u_0123456789abcdef01234567', name: '计算机2302班团支部', version: 1 }, savedAt: NOW });
    const form = await openForm('＋ 新增单位');
    fireEvent.click(chip('团支部', form));
    fireEvent.click(chip('计算机学院', form));
    fireEvent.input(screen.getByLabelText('单位名称'), { target: { value: '计算机2302班团支部' } });
    fireEvent.input(screen.getByLabelText('简称'), { target: { value: '计算机2302班' } });
    fireEvent.input(screen.getByLabelText('机器人地址'), { target: { value: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=cs2302-group' } });
    fireEvent.click(screen.getByText('确认新增'));
    expect(await screen.findByText(/✓ 已新增团支部「计算机2302班团支部」（上级：计算机学院团委）/)).toBeTruthy();
    expect(jest.mocked(saveUnit).mock.calls[0]![0]).toEqual({
      name: '计算机2302班团支部', shortName: '计算机2302班', kind: 'branch', parentId: 'u-cs', emergencyContacts: [],
      fallbackWebhook: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=cs2302-group',
    });
  });

  test('a category owned by a department, with its answer window: confirmed with the owner, the list reloaded', async () => {
    const created = { id: 'cat_1', name: '法律援助', description: '合同、租房、维权咨询', ownerUnitId: 'd-logistics', answerHours: 48, crisisLane: false, order: 100, version: 1, updatedAt: NOW };
    jest.mocked(saveCategory).mockResolvedValue({ category: created, savedAt: NOW });
    const form = await openForm('＋ 新增类别');
    expect(chip('按提问者所选学院', form).getAttribute('aria-pressed')).toBe('true');
    fireEvent.input(within(form).getByLabelText('类别名称'), { target: { value: '法律援助' } });
    fireEvent.input(within(form).getByLabelText('类别说明'), { target: { value: '合同、租房、维权咨询' } });
    fireEvent.click(chip('后勤服务中心', form));
    fireEvent.input(within(form).getByLabelText('答复时限'), { target: { value: '48' } });
    fireEvent.click(screen.getByText('确认新增'));
    expect(await screen.findByText('✓ 已新增类别「法律援助」：负责单位 后勤服务中心，答复时限 48 小时。学生提问时即可选择，只对之后的新提问生效。')).toBeTruthy();
    const [input, requestId] = jest.mocked(saveCategory).mock.calls[0]!;
    expect(input).toEqual({ name: '法律援助', description: '合同、租房、维权咨询', ownerUnitId: 'd-logistics', answerHours: 48 });
    expect(requestId).toEqual(expect.any(String));
    await waitFor(() => expect(getRoutingTable).toHaveBeenCalledTimes(2));
  });

  test('checked before sending as the server checks: placement, names taken, id, window', async () => {
    const form = await openForm('＋ 新增单位');
    fireEvent.click(chip('团支部', form));
    fireEvent.input(screen.getByLabelText('单位名称'), { target: { value: '计算机学院团委' } });
    fireEvent.input(screen.getByLabelText('简称'), { target: { value: '新' } });
    fireEvent.input(screen.getByLabelText('单位编号'), { target: { value: 'c-法学' } });
    fireEvent.click(screen.getByText('确认新增'));
    expect(screen.getByText('请选择团支部所属的学院团委')).toBeTruthy();
    expect(screen.getByText('简称为 2–30 个字')).toBeTruthy();
    expect(screen.getByText('编号只能用英文字母、数字、- 和 _')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('简称'), { target: { value: '计算机' } });
    fireEvent.input(screen.getByLabelText('单位编号'), { target: { value: 'c-'.padEnd(31, 'x') } });
    fireEvent.click(screen.getByText('确认新增'));
    expect(screen.getByText('已有单位叫「计算机学院团委」，请换一个名称')).toBeTruthy();
    expect(screen.getByText('编号不能超过 30 个字符（小程序码装不下）')).toBeTruthy();
    expect(saveUnit).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('取消'));

    fireEvent.click(screen.getByText('＋ 新增类别'));
    fireEvent.input(screen.getByLabelText('类别名称'), { target: { value: '学业' } });
    fireEvent.input(screen.getByLabelText('答复时限'), { target: { value: '0' } });
    fireEvent.click(screen.getByText('确认新增'));
    expect(screen.getByText('已有类别「学业」，请换一个名称，或编辑原来的类别')).toBeTruthy();
    expect(screen.getByText('答复时限为 1–72 之间的整数小时，留空则为 24 小时')).toBeTruthy();
    expect(saveCategory).not.toHaveBeenCalled();
  });

  test('the server\'s refusals in plain words: a parent gone (with 刷新), a placement rule, not the school admin', async () => {
    jest.mocked(saveUnit)
      .mockRejectedValueOnce(new ApiRequestError('CATALOG.UNKNOWN_UNIT'))
      .mockRejectedValueOnce(new ApiRequestError('INPUT.INVALID', '学院团委的上级必须是校团委'));
    jest.mocked(saveCategory).mockRejectedValueOnce(new ApiRequestError('AUTH.FORBIDDEN', '只有学校管理员可以修改路由表'));
    await openForm('＋ 新增单位');
    fireEvent.input(screen.getByLabelText('单位名称'), { target: { value: '法学院团委' } });
    fireEvent.input(screen.getByLabelText('简称'), { target: { value: '法学院' } });
    fireEvent.click(screen.getByText('确认新增'));
    expect(await screen.findByText('所选的上级单位已不存在，请刷新后重新选择')).toBeTruthy();
    expect(screen.getByText('刷新')).toBeTruthy();
    fireEvent.click(screen.getByText('确认新增'));
    expect(await screen.findByText('学院团委的上级必须是校团委')).toBeTruthy();
    fireEvent.click(screen.getByText('取消'));

    fireEvent.click(screen.getByText('＋ 新增类别'));
    fireEvent.input(screen.getByLabelText('类别名称'), { target: { value: '法律援助' } });
    fireEvent.click(screen.getByText('确认新增'));
    expect(await screen.findByText('只有学校管理员可以新增单位和类别')).toBeTruthy();
  });

  test('only the school admin is offered 新增', async () => {
    jest.mocked(getMe).mockResolvedValue(supervisor);
    render(<RoutingPage />);
    await screen.findByText('后勤宿舍');
    expect(screen.queryByText('＋ 新增单位')).toBeNull();
    expect(screen.queryByText('＋ 新增类别')).toBeNull();
  });
});

const links = {
  collegeId: 'u-cs',
  collegeName: '计算机学院团委',
  menu: {
    button: { type: 'miniprogram' as const, name: '青年之声', url: 'https://qnzs.example.edu.cn/#/pages/ask/index?college=u-cs', appid: 'wx123', pagepath: 'pages/ask/index?college=u-cs' },
    json: '{"button":[{"type":"miniprogram","name":"青年之声"}]}',
  },
  miniProgramCode: { scene: 'c=u-cs', page: 'pages/ask/index', imageUrl: 'http://127.0.0.1/storage/c.png', urlExpiresAt: NOW + 3_600_000 },
  web: { url: 'https://qnzs.example.edu.cn/#/pages/ask/index?college=u-cs', embedHtml: '<a href="https://qnzs.example.edu.cn/">青年之声</a>' },
};

describe('入口与二维码', () => {
  test('a college admin gets their college: menu JSON, the code image, the embed snippet, each with copy', async () => {
    jest.mocked(getMe).mockResolvedValue(csAdmin);
    jest.mocked(getEntryLinks).mockResolvedValue(links);
    render(<EntryPage />);
    expect(await screen.findByText(links.menu.json)).toBeTruthy();
    expect(getEntryLinks).toHaveBeenCalledWith('u-cs');
    expect(document.querySelector('.entry__qr-img')?.getAttribute('src')).toBe('http://127.0.0.1/storage/c.png');
    fireEvent.click(screen.getByText('复制菜单 JSON'));
    expect(setClipboardData).toHaveBeenLastCalledWith({ data: links.menu.json });
    fireEvent.click(screen.getByText('复制飘窗代码'));
    expect(setClipboardData).toHaveBeenLastCalledWith({ data: links.web.embedHtml });
    // One college: no college picker.
    expect(document.querySelector('.entry__colleges')).toBeNull();
  });

  test('not configured yet: says which setting is missing instead of an empty box', async () => {
    jest.mocked(getEntryLinks).mockResolvedValue({ ...links, menu: null, web: null });
    render(<EntryPage />);
    expect(await screen.findByText(/尚未配置小程序 AppID（部署变量 QNZS_MINIPROGRAM_APPID）/)).toBeTruthy();
    expect(screen.getByText(/尚未配置网页版地址（部署变量 QNZS_WEB_BASE_URL）/)).toBeTruthy();
  });

  test('the school admin picks any college', async () => {
    jest.mocked(getEntryLinks).mockResolvedValue(links);
    render(<EntryPage />);
    await screen.findByText(links.menu.json);
    fireEvent.click(screen.getByText('医学院', { selector: '.chips__chip' }));
    await waitFor(() => expect(getEntryLinks).toHaveBeenLastCalledWith('u-med'));
  });

  test('a code WeChat would not make: the reason and 重试', async () => {
    jest.mocked(getEntryLinks).mockRejectedValueOnce(new ApiRequestError('ENTRY.CODE_FAILED')).mockResolvedValueOnce(links);
    render(<EntryPage />);
    fireEvent.click(await screen.findByText('重试'));
    expect(await screen.findByText(links.menu.json)).toBeTruthy();
  });

  test('a supervisor is told it is for college and school admins', async () => {
    jest.mocked(getMe).mockResolvedValue(supervisor);
    render(<EntryPage />);
    expect(await screen.findByText('入口与二维码仅限学院管理员和学校管理员使用。')).toBeTruthy();
    fireEvent.click(screen.getByText('返回'));
    expect(taroState.navigations).toEqual([{ kind: 'switchTab', url: '/pages/mine/index' }]);
  });
});
