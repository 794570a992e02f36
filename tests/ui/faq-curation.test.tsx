import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import FaqCurationPage from '../../miniprogram/src/admin/pages/faq/index';
import {
  dismissFaqCandidate,
  listFaqCandidates,
  listFaqs,
  publishFaq,
  retireFaq,
  type FaqCandidate,
  type FaqEntry,
} from '../../miniprogram/src/services/faq.service';
import { getMe } from '../../miniprogram/src/services/me.service';
import { ApiRequestError } from '../../miniprogram/src/services/api-error';
import { suggestedAnswer, suggestedTitle } from '../../miniprogram/src/admin/hooks/use-faq-curation';
import type { Me } from '@shared/contracts/me.contract';
import { HOUR_MS } from '@shared/domain/answer-deadline';
import { showToast, taroState } from './support/taro-double';
import { NOW, studentMe } from './support/fixtures';

jest.mock('../../miniprogram/src/services/faq.service');
jest.mock('../../miniprogram/src/services/me.service');

const candidatesMock = jest.mocked(listFaqCandidates);
const entriesMock = jest.mocked(listFaqs);
const publishMock = jest.mocked(publishFaq);
const dismissMock = jest.mocked(dismissFaqCandidate);
const retireMock = jest.mocked(retireFaq);

const as = (name: string, roles: Me['roles']): Me => ({ ...studentMe, name, roles });
const coordinator = as('王钰铭', ['coordinator', 'responder']);
const schoolAdmin = as('李天罡', ['schoolAdmin']);
const supervisor = as('孟妍', ['supervisor']);
const student = as('张晓雨', ['student']);

/** 2026-02-16 00:00 to 2026-03-01 00:00 in Shanghai: the second half of February. */
const PERIOD = { periodFrom: Date.UTC(2026, 1, 15, 16), periodTo: Date.UTC(2026, 1, 28, 16) };

const campusCards: FaqCandidate = {
  id: 'fc-card',
  ...PERIOD,
  questions: [
    { id: 'q-1', title: '校园卡丢了怎么补办？', askedAt: NOW - 30 * HOUR_MS, unitName: '后勤服务中心', answerExcerpt: '挂失后带身份证到一卡通办公室补办。' },
    { id: 'q-2', title: '一卡通丢失补卡流程', askedAt: NOW - 60 * HOUR_MS, unitName: '后勤服务中心', answerExcerpt: '挂失后到一卡通办公室（食堂二楼）补卡，带身份证，工本费20元。' },
    { id: 'q-3', title: '饭卡掉了在哪补', askedAt: NOW - 90 * HOUR_MS, unitName: '后勤服务中心', answerExcerpt: null },
  ],
  faq: null,
  createdAt: NOW - 20 * HOUR_MS,
};

const cet: FaqCandidate = {
  id: 'fc-cet',
  ...PERIOD,
  questions: [
    { id: 'q-7', title: '四六级什么时候报名', askedAt: NOW - 40 * HOUR_MS, unitName: '教务处', answerExcerpt: '每学期开学第三周在教务系统报名。' },
    { id: 'q-8', title: 'CET报名入口在哪', askedAt: NOW - 50 * HOUR_MS, unitName: '教务处', answerExcerpt: '教务系统 → 考试报名。' },
  ],
  faq: { id: 'faq-cet', title: '英语四六级考试怎么报名' },
  createdAt: NOW - 20 * HOUR_MS,
};

function entry(overrides: Partial<FaqEntry> = {}): FaqEntry {
  return {
    id: 'faq-cet',
    title: '英语四六级考试怎么报名',
    answer: '每学期开学第三周，登录教务系统 → 考试报名，选择 CET-4 或 CET-6，缴费后报名成功。',
    categoryId: 'cat-academic',
    categoryName: '教务',
    questionCount: 6,
    state: 'published',
    publishedAt: NOW - 30 * 24 * HOUR_MS,
    updatedAt: NOW - 3 * 24 * HOUR_MS,
    updatedByName: '王钰铭',
    ...overrides,
  };
}
const retired = entry({ id: 'faq-old', title: '旧版选课流程', state: 'retired', questionCount: 2, updatedByName: '李天罡' });

function given(me: Me, candidates: FaqCandidate[] = [campusCards, cet], entries: FaqEntry[] = [entry(), retired]) {
  jest.mocked(getMe).mockResolvedValue(me);
  candidatesMock.mockResolvedValue({ items: candidates, nextCursor: null, deflectedLast14Days: 37 });
  entriesMock.mockResolvedValue(entries);
}

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  for (const m of [candidatesMock, entriesMock, publishMock, dismissMock, retireMock]) m.mockReset();
  jest.mocked(showToast).mockClear();
  given(coordinator);
});

const card = (title: string) => screen.getByText(title, { selector: '.faq-cand__q-title' }).closest('.faq-cand') as HTMLElement;
const titleBox = (c: HTMLElement) => within(c).getByPlaceholderText('一句话说清是什么问题（4–60 字）') as HTMLInputElement;
const answerBox = (c: HTMLElement) => within(c).getByPlaceholderText(/写给所有同学的完整答复/) as HTMLTextAreaElement;

async function openPage() {
  render(<FaqCurationPage />);
  await screen.findByText('校园卡丢了怎么补办？');
}

describe('who may curate', () => {
  test.each([
    ['a student', student],
    ['a supervisor', supervisor],
  ])('%s is told the page is not theirs, and nothing is loaded', async (_who, me) => {
    given(me);
    render(<FaqCurationPage />);
    await screen.findByText('无权限');
    expect(screen.getByText('常见问题整理仅限协管员和学校管理员使用。')).toBeTruthy();
    expect(candidatesMock).not.toHaveBeenCalled();
    expect(entriesMock).not.toHaveBeenCalled();
  });

  test('the school admin may, as the coordinator may; includes retired entries', async () => {
    given(schoolAdmin);
    await openPage();
    expect(entriesMock).toHaveBeenCalledWith(true);
  });

  test('a refusal from the server turns the page to 无权限', async () => {
    candidatesMock.mockRejectedValue(new ApiRequestError('AUTH.FORBIDDEN', '只有协管员和学校管理员可以整理常见问题'));
    render(<FaqCurationPage />);
    await screen.findByText('常见问题整理仅限协管员和学校管理员使用。');
  });
});

describe('待整理', () => {
  test('each group: its half month, its questions with who answered and the answer, a link to an FAQ entry it looks like; and the deflection figure', async () => {
    await openPage();
    expect(screen.getByText('37')).toBeTruthy();
    expect(screen.getByText('近 14 天，同学在相似问题和常见问题里找到了答案、没有重复提问的次数')).toBeTruthy();
    expect(screen.getByText('待整理（2）')).toBeTruthy();
    const cards = card('一卡通丢失补卡流程');
    expect(within(cards).getByText('3 个相似提问')).toBeTruthy();
    expect(within(cards).getByText('2月16日–2月28日')).toBeTruthy();
    expect(within(cards).getAllByText(/后勤服务中心 答复 · 提问于/)).toHaveLength(3);
    expect(within(cards).getByText('挂失后带身份证到一卡通办公室补办。')).toBeTruthy();
    expect(within(cards).getByText('发布为常见问题')).toBeTruthy();
    expect(within(cards).queryByText('并入这条常见问题')).toBeNull();

    const cetCard = card('CET报名入口在哪');
    expect(within(cetCard).getByText('与已发布的常见问题相似')).toBeTruthy();
    fireEvent.click(within(cetCard).getByText('「英语四六级考试怎么报名」 ›'));
    fireEvent.click(within(cards).getByText('饭卡掉了在哪补'));
    expect(taroState.navigations).toEqual([
      { kind: 'navigateTo', url: '/knowledge/pages/faq-detail/index?id=faq-cet' },
      { kind: 'navigateTo', url: '/pages/question/index?id=q-3' },
    ]);
  });

  test('发布: title and answer start from the group and are edited; a question can be left out; one request id; the group leaves the queue', async () => {
    publishMock.mockResolvedValue({ faqId: 'faq-new', linked: 2, notified: 2 });
    await openPage();
    const c = card('一卡通丢失补卡流程');
    fireEvent.click(within(c).getByText('发布为常见问题'));
    expect(titleBox(c).value).toBe('校园卡丢了怎么补办');
    expect(answerBox(c).value).toBe('挂失后到一卡通办公室（食堂二楼）补卡，带身份证，工本费20元。');
    fireEvent.input(titleBox(c), { target: { value: '校园卡（一卡通）丢了怎么补办' } });
    fireEvent.change(answerBox(c), { target: { value: '先挂失，再带身份证到一卡通办公室（食堂二楼）补办，工本费20元，当场可取。' } });
    fireEvent.click(within(c).getByText('饭卡掉了在哪补', { selector: '.faq-form__pick-title' }));
    fireEvent.click(within(c).getByText('确认发布'));

    await screen.findByText('已发布常见问题「校园卡（一卡通）丢了怎么补办」：收录 2 个提问，已通知 2 位提问同学');
    expect(publishMock).toHaveBeenCalledTimes(1);
    expect(publishMock).toHaveBeenCalledWith(
      {
        candidateId: 'fc-card',
        questionIds: ['q-1', 'q-2'],
        title: '校园卡（一卡通）丢了怎么补办',
        answer: '先挂失，再带身份证到一卡通办公室（食堂二楼）补办，工本费20元，当场可取。',
      },
      expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
    );
    expect(screen.queryByText('一卡通丢失补卡流程')).toBeNull();
    expect(entriesMock).toHaveBeenCalledTimes(2);
    expect(jest.mocked(showToast)).toHaveBeenCalledWith({ title: '已发布', icon: 'success' });
    fireEvent.click(screen.getByText('查看常见问题 ›'));
    expect(taroState.navigations).toEqual([{ kind: 'navigateTo', url: '/knowledge/pages/faq-detail/index?id=faq-new' }]);
  });

  test('retry-safe: pressing again after a lost reply resends the same request id; a changed answer gets a new one', async () => {
    publishMock
      .mockRejectedValueOnce(new ApiRequestError('NETWORK.FAILED'))
      .mockRejectedValueOnce(new ApiRequestError('QUESTION.STATE_CONFLICT', '有问题正在被处理，请稍后再发布一次（已发布的部分不会重复）'))
      .mockRejectedValueOnce(new ApiRequestError('NETWORK.FAILED'))
      .mockResolvedValueOnce({ faqId: 'faq-new', linked: 3, notified: 3 });
    await openPage();
    const c = card('一卡通丢失补卡流程');
    fireEvent.click(within(c).getByText('发布为常见问题'));
    fireEvent.click(within(c).getByText('确认发布'));
    await within(c).findByText('网络连接失败，请检查网络后重试');
    // The form and what was written stay.
    expect(titleBox(c).value).toBe('校园卡丢了怎么补办');
    fireEvent.click(within(c).getByText('确认发布'));
    await within(c).findByText('有问题正在被处理，请稍后再发布一次（已发布的部分不会重复）');
    fireEvent.change(answerBox(c), { target: { value: '挂失后到一卡通办公室（食堂二楼）补卡，带身份证，工本费20元，当场可取。' } });
    expect(within(c).queryByText(/有问题正在被处理/)).toBeNull();
    fireEvent.click(within(c).getByText('确认发布'));
    await within(c).findByText('网络连接失败，请检查网络后重试');
    fireEvent.click(within(c).getByText('确认发布'));
    await screen.findByText(/已发布常见问题「校园卡丢了怎么补办」：收录 3 个提问/);

    const ids = publishMock.mock.calls.map((call) => call[1]);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[1]);
    expect(ids[3]).toBe(ids[2]);
  });

  test('a title or answer the contract refuses, or no question left, is said by the form and nothing is sent', async () => {
    await openPage();
    const c = card('一卡通丢失补卡流程');
    fireEvent.click(within(c).getByText('发布为常见问题'));
    fireEvent.input(titleBox(c), { target: { value: '补卡' } });
    fireEvent.click(within(c).getByText('确认发布'));
    expect(within(c).getByText('标题至少 4 个字')).toBeTruthy();
    fireEvent.input(titleBox(c), { target: { value: '校园卡怎么补办' } });
    fireEvent.change(answerBox(c), { target: { value: '   ' } });
    fireEvent.click(within(c).getByText('确认发布'));
    expect(within(c).getByText('请填写统一答复')).toBeTruthy();
    fireEvent.change(answerBox(c), { target: { value: '去食堂二楼。' } });
    fireEvent.click(within(c).getByText('确认发布'));
    expect(within(c).getByText('答复至少 10 个字')).toBeTruthy();
    fireEvent.change(answerBox(c), { target: { value: '挂失后带身份证到一卡通办公室补办。' } });
    for (const t of ['校园卡丢了怎么补办？', '一卡通丢失补卡流程', '饭卡掉了在哪补']) fireEvent.click(within(c).getByText(t, { selector: '.faq-form__pick-title' }));
    fireEvent.click(within(c).getByText('确认发布'));
    expect(within(c).getByText('请至少保留一个提问')).toBeTruthy();
    expect(publishMock).not.toHaveBeenCalled();
    fireEvent.click(within(c).getByText('取消'));
    expect(c.querySelector('.faq-form')).toBeNull();
  });

  test('并入: a group like a published entry starts from that entry and updates it', async () => {
    publishMock.mockResolvedValue({ faqId: 'faq-cet', linked: 2, notified: 1 });
    await openPage();
    await waitFor(() => expect(entriesMock).toHaveBeenCalled());
    await act(async () => undefined);
    const c = card('CET报名入口在哪');
    fireEvent.click(within(c).getByText('并入这条常见问题'));
    expect(within(c).getByText('并入「英语四六级考试怎么报名」')).toBeTruthy();
    expect(titleBox(c).value).toBe('英语四六级考试怎么报名');
    expect(answerBox(c).value).toBe(entry().answer);
    fireEvent.click(within(c).getByText('确认并入'));
    await screen.findByText('已更新常见问题「英语四六级考试怎么报名」：收录 2 个提问，已通知 1 位提问同学');
    expect(publishMock.mock.calls[0]![0]).toEqual({ faqId: 'faq-cet', candidateId: 'fc-cet', questionIds: ['q-7', 'q-8'], title: entry().title, answer: entry().answer });
  });

  test('另发一条: the same group as a new entry of its own', async () => {
    publishMock.mockResolvedValue({ faqId: 'faq-x', linked: 2, notified: 2 });
    await openPage();
    const c = card('CET报名入口在哪');
    fireEvent.click(within(c).getByText('另发一条'));
    expect(titleBox(c).value).toBe('四六级什么时候报名');
    fireEvent.click(within(c).getByText('确认发布'));
    await screen.findByText(/已发布常见问题「四六级什么时候报名」/);
    expect(publishMock.mock.calls[0]![0]).not.toHaveProperty('faqId');
  });

  test('不是重复问题: confirmed, sent with a request id, and the group leaves the queue', async () => {
    dismissMock.mockResolvedValue({ dismissed: true });
    await openPage();
    const c = card('CET报名入口在哪');
    fireEvent.click(within(c).getByText('不是重复问题'));
    expect(within(c).getByText('这组不是重复问题？')).toBeTruthy();
    fireEvent.click(within(c).getByText('确认忽略'));
    await screen.findByText('已忽略这组提问（2 个），它们不再出现在待整理中');
    expect(dismissMock).toHaveBeenCalledWith('fc-cet', expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/));
    expect(screen.queryByText('CET报名入口在哪')).toBeNull();
    expect(screen.getByText('一卡通丢失补卡流程')).toBeTruthy();
  });

  test('an empty queue says when the next grouping comes', async () => {
    given(coordinator, []);
    render(<FaqCurationPage />);
    await screen.findByText('暂无待整理的重复问题：下一次归组在半个月结束后');
  });

  test('suggested title and answer: the first question without its question mark, the longest answer', () => {
    expect(suggestedTitle(campusCards)).toBe('校园卡丢了怎么补办');
    expect(suggestedAnswer(campusCards)).toBe('挂失后到一卡通办公室（食堂二楼）补卡，带身份证，工本费20元。');
    expect(suggestedTitle({ ...campusCards, questions: [{ ...campusCards.questions[0]!, title: '长'.repeat(80) }] })).toHaveLength(60);
  });
});

describe('已发布', () => {
  async function openEntries() {
    await openPage();
    fireEvent.click(screen.getByText('已发布（1）'));
    return screen.getByText('英语四六级考试怎么报名', { selector: '.faq-entry__title' }).closest('.faq-entry') as HTMLElement;
  }

  test('published and retired entries, what they gather and who changed them last; a retired one cannot be retired again', async () => {
    const live = await openEntries();
    expect(within(live).getByText('已发布')).toBeTruthy();
    expect(within(live).getByText('收录 6 个提问 · 王钰铭 更新于 2月27日 10:00')).toBeTruthy();
    const old = screen.getByText('旧版选课流程').closest('.faq-entry') as HTMLElement;
    expect(within(old).getByText('已撤下')).toBeTruthy();
    expect(within(old).queryByText('撤下')).toBeNull();
    fireEvent.click(within(live).getByText('英语四六级考试怎么报名'));
    expect(taroState.navigations).toEqual([{ kind: 'navigateTo', url: '/knowledge/pages/faq-detail/index?id=faq-cet' }]);
  });

  test('撤下 asks for a reason, sends it with a request id, and the list is reloaded', async () => {
    retireMock.mockResolvedValue({ state: 'retired' });
    const live = await openEntries();
    fireEvent.click(within(live).getByText('撤下'));
    fireEvent.click(within(live).getByText('确认撤下'));
    expect(within(live).getByText('请选择或填写撤下的理由')).toBeTruthy();
    expect(retireMock).not.toHaveBeenCalled();
    fireEvent.click(within(live).getByText('政策或流程已变化'));
    fireEvent.click(within(live).getByText('确认撤下'));
    await screen.findByText(/已撤下常见问题「英语四六级考试怎么报名」/);
    expect(retireMock).toHaveBeenCalledWith('faq-cet', '政策或流程已变化', expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/));
    expect(entriesMock).toHaveBeenCalledTimes(2);
  });

  test('no entries yet: says where they come from', async () => {
    given(coordinator, [campusCards], []);
    await openPage();
    fireEvent.click(screen.getByText('已发布（0）'));
    expect(screen.getByText('还没有发布过常见问题')).toBeTruthy();
  });
});
