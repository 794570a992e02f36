import { act, fireEvent, render, screen } from '@testing-library/react';
import AskPage from '../../miniprogram/src/pages/ask/index';
import { askQuestion } from '../../miniprogram/src/services/question.service';
import { getCatalog } from '../../miniprogram/src/services/catalog.service';
import { getMe } from '../../miniprogram/src/services/me.service';
import { ApiRequestError } from '../../miniprogram/src/services/api-error';
import { HOUR_MS } from '@shared/domain/answer-deadline';
import { makePhoneCall, pageScrollTo, taroState } from './support/taro-double';
import { NOW, catalog, studentMe } from './support/fixtures';

jest.mock('../../miniprogram/src/services/question.service');
jest.mock('../../miniprogram/src/services/catalog.service');
jest.mock('../../miniprogram/src/services/me.service');

const askMock = jest.mocked(askQuestion);

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  jest.mocked(getCatalog).mockResolvedValue(catalog);
  jest.mocked(getMe).mockResolvedValue(studentMe);
  askMock.mockReset();
});

function typeTitle(value: string) {
  fireEvent.input(screen.getByPlaceholderText('一句话说清你的问题'), { target: { value } });
}
function typeContent(value: string) {
  fireEvent.change(screen.getByPlaceholderText(/把情况说具体些/), { target: { value } });
}

async function fillValidForm() {
  fireEvent.click(await screen.findByText('后勤'));
  typeTitle('宿舍热水几点供应？');
  typeContent('最近晚上十点以后就没有热水了，请问是调整了供应时间吗？');
}

test('?college= preselects the college from an official-account menu link, named as the college', async () => {
  taroState.params = { college: 'u-cs' };
  render(<AskPage />);
  expect(await screen.findByText('计算机学院')).toBeTruthy();
  // The student picks where they study, not the committee that answers.
  expect(screen.queryByText('计算机学院团委')).toBeNull();
});

test('a mini-program code scene (c=<id>, URL-encoded) preselects the college', async () => {
  taroState.params = { scene: encodeURIComponent('c=u-med') };
  render(<AskPage />);
  expect(await screen.findByText('医学院')).toBeTruthy();
});

test('picking a category shows its description and where the question will go', async () => {
  taroState.params = { college: 'u-cs' };
  render(<AskPage />);
  fireEvent.click(await screen.findByText('后勤'));
  expect(screen.getByText('宿舍、食堂、水电与校园设施')).toBeTruthy();
  expect(screen.getByText('将由「后勤服务中心」负责答复')).toBeTruthy();
});

test('validates inline: a too-short title and missing picks are reported and nothing is sent', async () => {
  render(<AskPage />);
  await screen.findByText('后勤');
  typeTitle('热水');
  typeContent('太短');

  fireEvent.click(screen.getByText('提交问题'));

  expect(screen.getByText('标题至少 4 个字')).toBeTruthy();
  expect(screen.getByText('描述至少 10 个字')).toBeTruthy();
  expect(screen.getByText('请选择你所在的学院')).toBeTruthy();
  expect(screen.getByText('请选择问题类别')).toBeTruthy();
  expect(askMock).not.toHaveBeenCalled();
});

test('shows title and content character counts', async () => {
  render(<AskPage />);
  await screen.findByText('后勤');
  typeTitle('宿舍热水');
  expect(screen.getByText('4/60')).toBeTruthy();
  expect(screen.getByText('0/2000')).toBeTruthy();
});

test('counts as the server does: an emoji is one character, and spaces do not make a minimum', async () => {
  taroState.params = { college: 'u-cs' };
  render(<AskPage />);
  fireEvent.click(await screen.findByText('后勤'));
  typeTitle('热水🎉🎉');
  expect(screen.getByText('4/60')).toBeTruthy();
  // Nine characters spread out with spaces: 17 typed, still short of the 10 the server wants.
  typeContent('热 水 没 了 怎 么 办 呀 ？');
  expect(screen.getByText('17/2000')).toBeTruthy();

  fireEvent.click(screen.getByText('提交问题'));

  expect(screen.getByText('描述至少 10 个字')).toBeTruthy();
  expect(screen.queryByText(/^标题(至少|不能)/)).toBeNull();
  expect(askMock).not.toHaveBeenCalled();
});

test('a title over the limit turns its counter red and is refused before sending', async () => {
  taroState.params = { college: 'u-cs' };
  render(<AskPage />);
  fireEvent.click(await screen.findByText('后勤'));
  typeTitle('长'.repeat(61));
  expect(screen.getByText('61/60').className).toContain('counter--over');
  typeContent('最近晚上十点以后就没有热水了，请问是调整了供应时间吗？');
  fireEvent.click(screen.getByText('提交问题'));
  expect(screen.getByText('标题不能超过 60 个字')).toBeTruthy();
  expect(askMock).not.toHaveBeenCalled();
});

test('while the catalog loads the form says so, and a failed load offers 重试', async () => {
  let fail: (e: unknown) => void = () => undefined;
  jest.mocked(getCatalog)
    .mockReturnValueOnce(new Promise((_, reject) => { fail = reject; }))
    .mockResolvedValueOnce(catalog);
  render(<AskPage />);

  expect(screen.getByText('正在加载学院和问题类别…')).toBeTruthy();
  expect(screen.queryByText('提交问题')).toBeNull();

  await act(async () => fail(new ApiRequestError('NETWORK.FAILED')));
  expect(screen.getByText('网络连接失败，请检查网络后重试')).toBeTruthy();
  fireEvent.click(screen.getByText('重试'));

  expect(await screen.findByText('后勤')).toBeTruthy();
  expect(screen.getByText('提交问题')).toBeTruthy();
  expect(screen.queryByText('正在加载学院和问题类别…')).toBeNull();
});

test('submits the form and shows the routed unit and the promised deadline', async () => {
  taroState.params = { college: 'u-cs' };
  askMock.mockResolvedValue({
    id: 'q9',
    routedTo: { unitId: 'u-logistics', unitName: '后勤服务中心', reason: 'category' },
    createdAt: NOW,
    deadlineAt: NOW + 24 * HOUR_MS,
    moderation: 'published',
    crisis: null,
  });
  render(<AskPage />);
  await fillValidForm();
  const [anonymous] = screen.getAllByRole('switch');
  fireEvent.click(anonymous as HTMLElement);

  fireEvent.click(screen.getByText('提交问题'));

  expect(await screen.findByText('已转交「后勤服务中心」')).toBeTruthy();
  expect(screen.getByText('3月3日 10:00 前')).toBeTruthy();
  expect(screen.getByText('（24小时内答复）')).toBeTruthy();
  expect(askMock).toHaveBeenCalledWith(
    {
      collegeId: 'u-cs',
      categoryId: 'cat-life',
      title: '宿舍热水几点供应？',
      content: '最近晚上十点以后就没有热水了，请问是调整了供应时间吗？',
      anonymous: true,
      urgent: false,
      visibility: 'public',
      pictures: [],
    },
    expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
  );

  fireEvent.click(screen.getByText('查看问题'));
  expect(taroState.navigations).toContainEqual({ kind: 'redirectTo', url: '/pages/question/index?id=q9' });
});

test('an urgent question promises the 2-hour emergency lane', async () => {
  taroState.params = { college: 'u-cs' };
  askMock.mockResolvedValue({
    id: 'q10',
    routedTo: { unitId: 'u-cs', unitName: '计算机学院团委', reason: 'college' },
    createdAt: NOW,
    deadlineAt: NOW + 2 * HOUR_MS,
    moderation: 'published',
    crisis: null,
  });
  render(<AskPage />);
  await fillValidForm();
  const [, urgent] = screen.getAllByRole('switch');
  fireEvent.click(urgent as HTMLElement);

  fireEvent.click(screen.getByText('提交问题'));

  expect(await screen.findByText('已转交「计算机学院团委」')).toBeTruthy();
  expect(screen.getByText('3月2日 12:00 前')).toBeTruthy();
  // The numbers stay in front of the student after submitting.
  expect(screen.getByText('0571-8888-0110')).toBeTruthy();
  expect(screen.getByText('（紧急通道，2小时内答复）')).toBeTruthy();
  expect(askMock.mock.calls[0]?.[0]).toMatchObject({ urgent: true });
});

test('a failed submit shows the backend message, and the retry reuses the same request id', async () => {
  taroState.params = { college: 'u-cs' };
  askMock
    .mockRejectedValueOnce(new ApiRequestError('NETWORK.FAILED'))
    .mockResolvedValueOnce({
      id: 'q11',
      routedTo: { unitId: 'u-logistics', unitName: '后勤服务中心', reason: 'category' },
      createdAt: NOW,
      deadlineAt: NOW + 24 * HOUR_MS,
      moderation: 'published',
      crisis: null,
    });
  render(<AskPage />);
  await fillValidForm();

  fireEvent.click(screen.getByText('提交问题'));
  expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
  fireEvent.click(screen.getByText('提交问题'));
  await screen.findByText('已转交「后勤服务中心」');

  expect(askMock).toHaveBeenCalledTimes(2);
  const [firstId, secondId] = askMock.mock.calls.map((call) => call[1]);
  expect(secondId).toBe(firstId);
});

test('a backend rejection is shown by its Chinese message', async () => {
  taroState.params = { college: 'u-cs' };
  askMock.mockRejectedValue(new ApiRequestError('CATALOG.UNKNOWN_CATEGORY', '所选问题类别不存在'));
  render(<AskPage />);
  await fillValidForm();
  fireEvent.click(screen.getByText('提交问题'));
  expect(await screen.findByText('所选问题类别不存在')).toBeTruthy();
});

/** The demo catalog with numbers published by the school, one college and the logistics department. */
const withContacts = {
  ...catalog,
  units: catalog.units.map((u) =>
    u.id === 'u-cs'
      ? { ...u, emergencyContacts: [{ label: '计算机学院值班辅导员', phone: '0571-8888-1234' }] }
      : u.id === 'u-med'
        ? { ...u, emergencyContacts: [{ label: '医学院值班辅导员', phone: '0571-8888-5678' }] }
        : u.id === 'u-logistics'
          ? { ...u, emergencyContacts: [{ label: '后勤维修24小时', phone: '0571-8888-0119' }] }
          : u,
  ),
};

describe('紧急求助 shows the numbers to call', () => {
  const originalEnv = process.env.TARO_ENV;
  beforeEach(() => {
    jest.mocked(getCatalog).mockResolvedValue(withContacts);
    jest.mocked(makePhoneCall).mockClear();
  });
  afterEach(() => {
    process.env.TARO_ENV = originalEnv;
  });

  async function turnOnUrgent() {
    await screen.findByText('后勤');
    const [, urgent] = screen.getAllByRole('switch');
    fireEvent.click(urgent as HTMLElement);
  }

  test('nothing until 紧急 is on; then the school\'s, the chosen college\'s and the owning unit\'s numbers', async () => {
    taroState.params = { college: 'u-cs' };
    render(<AskPage />);
    await screen.findByText('后勤');
    expect(screen.queryByText('0571-8888-0110')).toBeNull();

    await turnOnUrgent();
    expect(screen.getByText(/紧急情况请先打电话/)).toBeTruthy();
    expect(screen.getByText('保卫处24小时值班')).toBeTruthy();
    expect(screen.getByText('0571-8888-0110')).toBeTruthy();
    expect(screen.getByText('计算机学院值班辅导员')).toBeTruthy();
    // Another college's number is not the student's to call.
    expect(screen.queryByText('医学院值班辅导员')).toBeNull();

    // The owning unit's number joins once the category routes the question there.
    fireEvent.click(screen.getByText('后勤'));
    expect(screen.getByText('后勤维修24小时')).toBeTruthy();
  });

  test('in WeChat a tap calls the number through Taro.makePhoneCall', async () => {
    process.env.TARO_ENV = 'weapp';
    taroState.params = { college: 'u-cs' };
    render(<AskPage />);
    await turnOnUrgent();

    fireEvent.click(screen.getByText('计算机学院值班辅导员'));

    expect(makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '057188881234' });
  });

  test('in the browser each number is a tel: link', async () => {
    process.env.TARO_ENV = 'h5';
    taroState.params = { college: 'u-cs' };
    render(<AskPage />);
    await turnOnUrgent();

    const link = screen.getByText('0571-8888-0110').closest('a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('tel:057188880110');
    expect(makePhoneCall).not.toHaveBeenCalled();
  });
});

test('the success screen opens at the top, its ✓ in view', async () => {
  taroState.params = { college: 'u-cs' };
  jest.mocked(pageScrollTo).mockClear();
  askMock.mockResolvedValue({
    id: 'q12',
    routedTo: { unitId: 'u-logistics', unitName: '后勤服务中心', reason: 'category' },
    createdAt: NOW,
    deadlineAt: NOW + 24 * HOUR_MS,
    moderation: 'published',
    crisis: null,
  });
  render(<AskPage />);
  await fillValidForm();
  fireEvent.click(screen.getByText('提交问题'));
  expect(await screen.findByText('提问成功')).toBeTruthy();
  expect(screen.getByText('✓')).toBeTruthy();
  expect(pageScrollTo).toHaveBeenCalledWith(expect.objectContaining({ scrollTop: 0, duration: 0 }));
});
