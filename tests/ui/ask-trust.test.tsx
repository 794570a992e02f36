import { act, fireEvent, render, screen } from '@testing-library/react';
import AskPage from '../../miniprogram/src/pages/ask/index';
import { askQuestion } from '../../miniprogram/src/services/question.service';
import { getCatalog } from '../../miniprogram/src/services/catalog.service';
import { getMe } from '../../miniprogram/src/services/me.service';
import { ApiRequestError } from '../../miniprogram/src/services/api-error';
import type { QuestionAskOutput } from '@shared/contracts/question.contract';
import { HOUR_MS } from '@shared/domain/answer-deadline';
import { makePhoneCall, taroState } from './support/taro-double';
import { NOW, catalog, studentMe } from './support/fixtures';

jest.mock('../../miniprogram/src/services/question.service');
jest.mock('../../miniprogram/src/services/catalog.service');
jest.mock('../../miniprogram/src/services/me.service');

/** Issue 8 on the ask form: what 匿名 promises, a refused text, a held question, the crisis lane. */
const askMock = jest.mocked(askQuestion);
const originalEnv = process.env.TARO_ENV;

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  jest.mocked(getCatalog).mockResolvedValue(catalog);
  jest.mocked(getMe).mockResolvedValue(studentMe);
  askMock.mockReset();
  makePhoneCall.mockClear();
  taroState.params = { college: 'u-cs' };
});
afterEach(() => {
  process.env.TARO_ENV = originalEnv;
});

const TITLE = '宿舍热水几点供应？';
const CONTENT = '最近晚上十点以后就没有热水了，请问是调整了供应时间吗？';

async function fillAndSubmit(title = TITLE, content = CONTENT) {
  fireEvent.click(await screen.findByText('后勤'));
  fireEvent.input(screen.getByPlaceholderText('一句话说清你的问题'), { target: { value: title } });
  fireEvent.change(screen.getByPlaceholderText(/把情况说具体些/), { target: { value: content } });
  await act(async () => {
    fireEvent.click(screen.getByText('提交问题'));
  });
}

function reply(overrides: Partial<QuestionAskOutput> = {}): QuestionAskOutput {
  return {
    id: 'q-new',
    routedTo: { unitId: 'u-logistics', unitName: '后勤服务中心', reason: 'category' },
    createdAt: NOW,
    deadlineAt: NOW + 24 * HOUR_MS,
    moderation: 'published',
    crisis: null,
    ...overrides,
  };
}

test('the 匿名 switch says exactly what it promises: hidden from other students, seen by handlers, the unit public', async () => {
  render(<AskPage />);
  await screen.findByText('后勤');
  const hint = screen.getByText('匿名提问').parentElement?.textContent ?? '';
  expect(hint).toContain('其他同学看不到你的姓名和学院');
  expect(hint).toContain('处理问题的老师能看到，以便联系和帮助你');
  expect(hint).toContain('负责单位始终公开显示');
});

test('CONTENT.REFUSED: the message sits by the submit button and the text stays to be edited', async () => {
  askMock.mockRejectedValueOnce(new ApiRequestError('CONTENT.REFUSED')).mockResolvedValueOnce(reply());
  render(<AskPage />);
  await fillAndSubmit('期末考试有没有代考', '听说有人找枪手，想问问学校怎么处理这种情况。');

  const message = screen.getByText('内容包含不适宜发布的信息，请修改后再提交');
  // Right above 提交问题, not at the top of a long form.
  expect(message.nextElementSibling?.textContent).toBe('提交问题');
  expect((screen.getByPlaceholderText('一句话说清你的问题') as HTMLInputElement).value).toBe('期末考试有没有代考');
  expect((screen.getByPlaceholderText(/把情况说具体些/) as HTMLTextAreaElement).value).toBe('听说有人找枪手，想问问学校怎么处理这种情况。');
  expect(screen.queryByText('提问成功')).toBeNull();

  // Edited and sent again: a new request (the edit started a new draft).
  fireEvent.input(screen.getByPlaceholderText('一句话说清你的问题'), { target: { value: '考试作弊会怎么处理' } });
  await act(async () => {
    fireEvent.click(screen.getByText('提交问题'));
  });
  expect(await screen.findByText('提问成功')).toBeTruthy();
  const [firstId, secondId] = askMock.mock.calls.map((c) => c[1]);
  expect(secondId).not.toBe(firstId);
});

test('held for review: it reached the unit and will be public after review', async () => {
  askMock.mockResolvedValue(reply({ moderation: 'review' }));
  render(<AskPage />);
  await fillAndSubmit();
  expect(screen.getByText('提问成功')).toBeTruthy();
  expect(screen.getByText('已转交「后勤服务中心」')).toBeTruthy();
  expect(screen.getByText('审核后公开')).toBeTruthy();
  expect(screen.getByText(/问题已送达负责单位，老师会照常答复你。内容需要审核，通过后才会在首页公开/)).toBeTruthy();
  expect(screen.getByText('3月3日 10:00 前')).toBeTruthy();
});

test('published at once: no word about review', async () => {
  askMock.mockResolvedValue(reply());
  render(<AskPage />);
  await fillAndSubmit();
  expect(screen.getByText('提问成功')).toBeTruthy();
  expect(screen.queryByText('审核后公开')).toBeNull();
});

describe('the crisis lane', () => {
  const crisis = reply({
    id: 'q-crisis',
    routedTo: { unitId: 'd-student', unitName: '学生工作部', reason: 'crisis' },
    deadlineAt: NOW + 2 * HOUR_MS,
    crisis: {
      hotlines: [
        { label: '心理援助热线（演示号码）', phone: '0571-8888-0525' },
        { label: '全国心理援助热线（24小时）', phone: '12356' },
        { label: '希望24热线（24小时）', phone: '400-161-9995' },
        { label: '遇到紧急危险请拨打', phone: '110 / 120' },
      ],
    },
  });

  test('leads with the hotlines, says a teacher of the unit will reach out privately, and never speaks of publishing', async () => {
    process.env.TARO_ENV = 'h5';
    askMock.mockResolvedValue(crisis);
    render(<AskPage />);
    await fillAndSubmit('最近真的撑不下去了', '考试全挂了，家里也不理解我，觉得活着没意思，每天都不想醒来。');

    const page = document.body.textContent ?? '';
    expect(page.indexOf('谢谢你愿意说出来')).toBeLessThan(page.indexOf('0571-8888-0525'));
    // The numbers come before what happens next.
    expect(page.indexOf('12356')).toBeLessThan(page.indexOf('接下来'));
    for (const [label, phone, href] of [
      ['心理援助热线（演示号码）', '0571-8888-0525', 'tel:057188880525'],
      ['全国心理援助热线（24小时）', '12356', 'tel:12356'],
      ['希望24热线（24小时）', '400-161-9995', 'tel:4001619995'],
    ] as const) {
      expect(screen.getByText(label)).toBeTruthy();
      expect((screen.getByText(phone).closest('a') as HTMLAnchorElement).getAttribute('href')).toBe(href);
    }
    // "110 / 120" is two numbers, not one to dial as 110120.
    expect(screen.queryByText('110 / 120')).toBeNull();
    expect(screen.getByText('如果你现在有危险，请立即拨打')).toBeTruthy();
    expect((screen.getByText('110').closest('a') as HTMLAnchorElement).getAttribute('href')).toBe('tel:110');
    expect((screen.getByText('120').closest('a') as HTMLAnchorElement).getAttribute('href')).toBe('tel:120');

    expect(screen.getByText('「学生工作部」的老师会尽快私下联系你，听你说说发生了什么。')).toBeTruthy();
    expect(screen.getByText('这个问题只有你和负责的老师能看到，不会出现在任何公开的地方。')).toBeTruthy();
    expect(page).not.toContain('已公开');
    expect(page).not.toContain('提问成功');
    expect(page).not.toContain('继续提问');
  });

  test('in WeChat a tap on a hotline calls it', async () => {
    process.env.TARO_ENV = 'weapp';
    askMock.mockResolvedValue(crisis);
    render(<AskPage />);
    await fillAndSubmit('最近真的撑不下去了', '考试全挂了，家里也不理解我，觉得活着没意思，每天都不想醒来。');
    fireEvent.click(screen.getByText('全国心理援助热线（24小时）'));
    expect(makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '12356' });
    fireEvent.click(screen.getByText('120'));
    expect(makePhoneCall).toHaveBeenLastCalledWith({ phoneNumber: '120' });
  });

  test('the student can open the private question, or go home', async () => {
    askMock.mockResolvedValue(crisis);
    render(<AskPage />);
    await fillAndSubmit('最近真的撑不下去了', '考试全挂了，家里也不理解我，觉得活着没意思，每天都不想醒来。');
    fireEvent.click(screen.getByText('查看我的问题'));
    fireEvent.click(screen.getByText('返回首页'));
    expect(taroState.navigations).toEqual([
      { kind: 'redirectTo', url: '/pages/question/index?id=q-crisis' },
      { kind: 'switchTab', url: '/pages/index/index' },
    ]);
  });
});
