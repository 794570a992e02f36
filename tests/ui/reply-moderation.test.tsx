import { fireEvent, render, screen, within } from '@testing-library/react';
import ReplyPage from '../../miniprogram/src/expert/pages/reply/index';
import { getQuestion, postAnswer } from '../../miniprogram/src/services/question.service';
import { getCatalog } from '../../miniprogram/src/services/catalog.service';
import { getMe } from '../../miniprogram/src/services/me.service';
import { getAnswerReferences } from '../../miniprogram/src/services/search.service';
import { ApiRequestError } from '../../miniprogram/src/services/api-error';
import type { QuestionDetail, TimelineEntry } from '@shared/contracts/question.contract';
import type { Catalog } from '@shared/contracts/catalog.contract';
import { HOUR_MS } from '@shared/domain/answer-deadline';
import { makePhoneCall, taroState } from './support/taro-double';
import { NOW, answer, catalog, detail, studentMe } from './support/fixtures';

jest.mock('../../miniprogram/src/services/question.service');
jest.mock('../../miniprogram/src/services/admin.service');
jest.mock('../../miniprogram/src/services/catalog.service');
jest.mock('../../miniprogram/src/services/me.service');
// 参考答复 are tested in knowledge.test.tsx; here there are none.
jest.mock('../../miniprogram/src/services/search.service');

/** The fixture catalog plus the counselling centre's unit, which owns crisis-lane questions. */
const withCounselling: Catalog = {
  ...catalog,
  units: [
    ...catalog.units,
    { id: 'd-student', name: '学生工作部', shortName: '学生工作部', kind: 'department', parentId: null, emergencyContacts: [{ label: '心理援助热线', phone: '0571-8888-0525' }] },
  ],
};

const waiting = detail({
  id: 'q3',
  status: 'routed',
  answeredAt: null,
  answers: [],
  viewerCanAnswer: true,
  viewerIsHandler: true,
});

function given(q: Partial<QuestionDetail>) {
  jest.mocked(getQuestion).mockResolvedValue({ ...waiting, ...q });
}

const step = (type: TimelineEntry['type'], extra: Partial<TimelineEntry> = {}): TimelineEntry => ({
  id: `e-${type}-${Math.random().toString(36).slice(2, 8)}`,
  type,
  at: NOW - HOUR_MS,
  actorName: '系统',
  unitName: null,
  fromStatus: 'answered',
  toStatus: 'answered',
  reason: null,
  internal: false,
  ...extra,
});

const originalEnv = process.env.TARO_ENV;

beforeEach(() => {
  jest.mocked(getAnswerReferences).mockResolvedValue({ items: [] });
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  taroState.params = { id: 'q3' };
  jest.mocked(getQuestion).mockReset().mockResolvedValue(waiting);
  jest.mocked(postAnswer).mockReset();
  jest.mocked(getCatalog).mockResolvedValue(withCounselling);
  jest.mocked(getMe).mockResolvedValue({ ...studentMe, name: '陈家位', roles: ['responder'] });
  jest.mocked(makePhoneCall).mockClear();
});
afterEach(() => {
  process.env.TARO_ENV = originalEnv;
});

function typeReply(value: string) {
  fireEvent.change(screen.getByPlaceholderText(/写给提问同学的答复/), { target: { value } });
}

describe('what the public does not see, as handlers see it', () => {
  test('a held question is marked 审核中 among its tags, and the handler is told what that means', async () => {
    given({ moderation: 'review' });
    render(<ReplyPage />);
    const tags = (await screen.findByText('宿舍热水几点供应？')).closest('.reply__card') as HTMLElement;
    expect(within(tags.querySelector('.reply__tags') as HTMLElement).getByText('审核中')).toBeTruthy();
    expect(tags.querySelector('.mod-note')?.textContent).toBe('审核中：公众暂时看不到，等待协管或管理员审核');
  });

  test('a published question carries no moderation mark', async () => {
    render(<ReplyPage />);
    await screen.findByText('宿舍热水几点供应？');
    expect(screen.queryByText('审核中')).toBeNull();
    expect(screen.queryByText('已隐藏')).toBeNull();
    expect(document.querySelector('.mod-note')).toBeNull();
  });

  test('each answer carries its own mark: 已隐藏 on the hidden one, 审核中 on the held one, nothing on the published one', async () => {
    given({
      status: 'answered',
      answeredAt: NOW - 3 * HOUR_MS,
      answers: [
        answer({ id: 'a1', responderName: '夏晶', content: '热水供应时间为每天 6:00-24:00。', moderation: 'published' }),
        answer({ id: 'a2', responderName: '王老师', official: false, content: '有事加我微信 abc123。', moderation: 'hidden' }),
        answer({ id: 'a3', responderName: '黄怡然', official: false, content: '补充：周末同样适用。', moderation: 'review' }),
      ],
    });
    render(<ReplyPage />);
    await screen.findByText('已有答复');
    const byText = (text: string) => screen.getByText(text).closest('.answer') as HTMLElement;
    const published = byText('热水供应时间为每天 6:00-24:00。');
    expect(published.querySelector('.badge')).toBeNull();
    expect(published.textContent).not.toContain('公众');
    expect(within(published).getByText('官方答复')).toBeTruthy();

    const hidden = byText('有事加我微信 abc123。');
    expect(within(hidden).getByText('已隐藏')).toBeTruthy();
    expect(hidden.textContent).toContain('已隐藏：公众看不到这条答复');

    const held = byText('补充：周末同样适用。');
    expect(within(held).getByText('审核中')).toBeTruthy();
    expect(held.textContent).toContain('审核中：公众暂时看不到，等待协管或管理员审核');
  });

  test('the published 处理公告 is shown with its mark', async () => {
    given({
      status: 'resolved',
      answeredAt: NOW - 5 * HOUR_MS,
      urgent: true,
      notice: { text: '已排查 7 号楼线路，更换了老化插座。', publishedAt: NOW - HOUR_MS, moderation: 'review' },
    });
    render(<ReplyPage />);
    const notice = (await screen.findByText('已排查 7 号楼线路，更换了老化插座。')).closest('.published-notice') as HTMLElement;
    expect(within(notice).getByText('处理公告')).toBeTruthy();
    expect(within(notice).getByText('审核中')).toBeTruthy();
    expect(notice.textContent).toContain('发布于 3月2日 09:00');
    expect(notice.textContent).toContain('审核中：公众暂时看不到，等待协管或管理员审核');
  });

  test('内容审核 steps read as who decided and why, marked internal; the system\'s hold after reports too', async () => {
    given({
      status: 'answered',
      answeredAt: NOW - 5 * HOUR_MS,
      timeline: [
        step('moderate', { actorName: '系统', unitName: '后勤服务中心', reason: '夏晶的答复：3位用户举报，等待审核', internal: true, at: NOW - 2 * HOUR_MS }),
        step('moderate', { actorName: '李天罡', unitName: '后勤服务中心', reason: '隐藏夏晶的答复：广告引流', internal: true }),
      ],
    });
    render(<ReplyPage />);
    await screen.findByText('处理记录');
    const steps = Array.from(document.querySelectorAll('.history__item--moderate')) as HTMLElement[];
    expect(steps).toHaveLength(2);
    expect(steps.map((s) => s.querySelector('.history__what')?.textContent)).toEqual(['内容审核', '内容审核']);
    expect(steps.map((s) => s.querySelector('.history__who')?.textContent)).toEqual(['系统 · 暂停公开，等待审核', '李天罡 审核内容']);
    expect(steps[1]!.querySelector('.history__why')?.textContent).toBe('隐藏夏晶的答复：广告引流');
    expect(steps.every((s) => s.querySelector('.history__internal')?.textContent === '内部')).toBe(true);
    // The moderator's step is not the owning unit's doing.
    expect(steps[1]!.textContent).not.toContain('后勤服务中心');
  });
});

describe('an answer the content check holds, or refuses', () => {
  test('held for review: the confirmation says the student has it and the public will after review', async () => {
    jest.mocked(postAnswer).mockResolvedValue({ answerId: 'a9', official: true, answeredAt: NOW, moderation: 'review' });
    render(<ReplyPage />);
    await screen.findByText('宿舍热水几点供应？');
    typeReply('有需要的同学可以加我微信详聊。');
    fireEvent.click(screen.getByText('提交回复'));
    expect(await screen.findByText('答复已提交')).toBeTruthy();
    expect(screen.getByText('已作为官方答复，计时已停止')).toBeTruthy();
    expect(screen.getByText('答复已送达提问同学；内容需经审核，审核通过后公开显示。')).toBeTruthy();
  });

  test('published at once: no word about review', async () => {
    jest.mocked(postAnswer).mockResolvedValue({ answerId: 'a9', official: true, answeredAt: NOW, moderation: 'published' });
    render(<ReplyPage />);
    await screen.findByText('宿舍热水几点供应？');
    typeReply('热水早上六点到晚上十一点供应。');
    fireEvent.click(screen.getByText('提交回复'));
    expect(await screen.findByText('答复已提交')).toBeTruthy();
    expect(screen.queryByText(/审核通过后公开/)).toBeNull();
  });

  test('a private question has no public: the review line is not shown', async () => {
    given({ visibility: 'private' });
    jest.mocked(postAnswer).mockResolvedValue({ answerId: 'a9', official: true, answeredAt: NOW, moderation: 'review' });
    render(<ReplyPage />);
    await screen.findByText('宿舍热水几点供应？');
    typeReply('有需要的同学可以加我微信详聊。');
    fireEvent.click(screen.getByText('提交回复'));
    expect(await screen.findByText('答复已提交')).toBeTruthy();
    expect(screen.queryByText(/审核通过后公开/)).toBeNull();
  });

  test('CONTENT.REFUSED: the message shows by the form and the text is kept to change', async () => {
    jest.mocked(postAnswer).mockRejectedValue(new ApiRequestError('CONTENT.REFUSED'));
    render(<ReplyPage />);
    await screen.findByText('宿舍热水几点供应？');
    typeReply('转账到这个账户就能办好。');
    fireEvent.click(screen.getByText('提交回复'));
    const message = await screen.findByText('内容包含不适宜发布的信息，请修改后再提交');
    expect(message.closest('.case-section')?.textContent).toContain('提交回复');
    expect((screen.getByPlaceholderText(/写给提问同学的答复/) as HTMLTextAreaElement).value).toBe('转账到这个账户就能办好。');
    expect(screen.queryByText('答复已提交')).toBeNull();
  });
});

describe('危机干预', () => {
  const crisis = {
    id: 'q-crisis',
    title: '最近真的撑不下去了',
    content: '考试接连挂科，和家里也说不上话，每天晚上都睡不着，感觉活着没意思，不知道该找谁说。',
    routeReason: 'crisis' as const,
    visibility: 'private' as const,
    urgent: true,
    anonymous: true,
    askerName: '陈嘉怡',
    collegeId: 'u-cs',
    ownerUnitId: 'd-student',
    ownerUnitName: '学生工作部',
    categoryName: '心理',
  };

  test('a calm banner first, with the counselling line, the school\'s numbers and the national 12356', async () => {
    given(crisis);
    render(<ReplyPage />);
    const banner = (await screen.findByText(/这位同学可能需要及时关心/)).closest('.crisis') as HTMLElement;
    expect(banner.querySelector('.crisis__message')?.textContent).toBe(
      '危机干预：这位同学可能需要及时关心。问题已保密，请尽快联系，必要时拨打学校心理援助热线或 110 / 120',
    );
    // At the top of the page, before the question itself.
    const page = document.querySelector('.reply') as HTMLElement;
    expect(page.firstElementChild).toBe(banner);
    expect(Array.from(banner.querySelectorAll('.crisis__phone')).map((p) => p.textContent)).toEqual(['0571-8888-0525', '0571-8888-0110', '12356']);
    expect(within(banner).getByText('心理援助热线')).toBeTruthy();
    expect(within(banner).getByText('全国心理援助热线（24小时）')).toBeTruthy();
  });

  test('in WeChat a tap dials through makePhoneCall', async () => {
    process.env.TARO_ENV = 'weapp';
    given(crisis);
    render(<ReplyPage />);
    fireEvent.click(await screen.findByText('12356'));
    expect(makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '12356' });
  });

  test('in the browser each number is a tel: link', async () => {
    process.env.TARO_ENV = 'h5';
    given(crisis);
    render(<ReplyPage />);
    await screen.findByText(/这位同学可能需要及时关心/);
    const links = Array.from(document.querySelectorAll('.crisis a')).map((a) => a.getAttribute('href'));
    expect(links).toEqual(['tel:057188880525', 'tel:057188880110', 'tel:12356']);
  });

  test('no banner for any other question', async () => {
    given({ routeReason: 'category', urgent: true });
    render(<ReplyPage />);
    await screen.findByText('宿舍热水几点供应？');
    expect(document.querySelector('.crisis')).toBeNull();
    expect(screen.queryByText(/危机干预/)).toBeNull();
  });
});
