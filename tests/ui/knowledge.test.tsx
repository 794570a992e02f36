import { act, fireEvent, render, screen, within } from '@testing-library/react';
import FaqListPage from '../../miniprogram/src/knowledge/pages/faq/index';
import FaqDetailPage from '../../miniprogram/src/knowledge/pages/faq-detail/index';
import ReplyPage from '../../miniprogram/src/expert/pages/reply/index';
import { getFaq, listFaqs, type FaqDetail, type FaqEntry } from '../../miniprogram/src/services/faq.service';
import { getAnswerReferences, recordDeflection, type ReferenceAnswer } from '../../miniprogram/src/services/search.service';
import { getQuestion } from '../../miniprogram/src/services/question.service';
import { getCatalog } from '../../miniprogram/src/services/catalog.service';
import { getMe } from '../../miniprogram/src/services/me.service';
import { ApiRequestError } from '../../miniprogram/src/services/api-error';
import { HOUR_MS } from '@shared/domain/answer-deadline';
import { showToast, taroState } from './support/taro-double';
import { NOW, catalog, detail, studentMe, summary } from './support/fixtures';

jest.mock('../../miniprogram/src/services/faq.service');
jest.mock('../../miniprogram/src/services/search.service');
jest.mock('../../miniprogram/src/services/question.service');
jest.mock('../../miniprogram/src/services/catalog.service');
jest.mock('../../miniprogram/src/services/me.service');

const ANSWER = '先在“一卡通”公众号挂失，再带身份证到一卡通办公室（食堂二楼）补办，工本费20元，当场可取。';

function entry(overrides: Partial<FaqEntry> = {}): FaqEntry {
  return {
    id: 'faq-card',
    title: '校园卡丢了怎么补办',
    answer: ANSWER,
    categoryId: 'cat-life',
    categoryName: '后勤',
    questionCount: 4,
    state: 'published',
    publishedAt: NOW - 48 * HOUR_MS,
    updatedAt: NOW - 48 * HOUR_MS,
    updatedByName: '王钰铭',
    ...overrides,
  };
}

const gathered: FaqDetail = {
  entry: entry(),
  questions: [summary({ id: 'q-1', title: '饭卡掉了在哪补' }), summary({ id: 'q-2', title: '一卡通丢失补卡流程' })],
};

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  jest.mocked(listFaqs).mockReset();
  jest.mocked(getFaq).mockReset();
  jest.mocked(recordDeflection).mockReset().mockResolvedValue({ counted: true });
  jest.mocked(getAnswerReferences).mockReset();
  jest.mocked(getCatalog).mockResolvedValue(catalog);
  jest.mocked(showToast).mockClear();
});

describe('常见问题 (the knowledge subpackage)', () => {
  test('the list: every published entry with the start of its answer and what it gathers; one opens', async () => {
    jest.mocked(listFaqs).mockResolvedValue([entry(), entry({ id: 'faq-cet', title: '英语四六级考试怎么报名', categoryName: '教务', questionCount: 0, updatedAt: NOW - 3 * HOUR_MS })]);
    render(<FaqListPage />);
    const card = (await screen.findByText('校园卡丢了怎么补办')).closest('.faq-card') as HTMLElement;
    expect(within(card).getByText(ANSWER)).toBeTruthy();
    expect(within(card).getByText('汇总了 4 个提问')).toBeTruthy();
    expect(within(card).getByText('后勤')).toBeTruthy();
    const cet = screen.getByText('英语四六级考试怎么报名').closest('.faq-card') as HTMLElement;
    expect(within(cet).queryByText(/汇总了/)).toBeNull();
    expect(within(cet).getByText('更新于 3小时前')).toBeTruthy();
    expect(jest.mocked(listFaqs)).toHaveBeenCalledWith();
    fireEvent.click(card);
    expect(taroState.navigations).toEqual([{ kind: 'navigateTo', url: '/knowledge/pages/faq-detail/index?id=faq-card' }]);
  });

  test('the list when there are none yet, when it fails, and signed out', async () => {
    jest.mocked(listFaqs).mockResolvedValueOnce([]);
    const { unmount } = render(<FaqListPage />);
    await screen.findByText('还没有常见问题');
    fireEvent.click(screen.getByText('搜索问题'));
    expect(taroState.navigations).toEqual([{ kind: 'navigateTo', url: '/pages/search/index' }]);
    unmount();

    jest.mocked(listFaqs).mockRejectedValueOnce(new ApiRequestError('NETWORK.FAILED')).mockResolvedValueOnce([entry()]);
    const second = render(<FaqListPage />);
    await screen.findByText('网络连接失败，请检查网络后重试');
    fireEvent.click(screen.getByText('重试'));
    await screen.findByText('校园卡丢了怎么补办');
    second.unmount();

    jest.mocked(listFaqs).mockRejectedValueOnce(new ApiRequestError('AUTH.REQUIRED'));
    render(<FaqListPage />);
    await screen.findByText('请在微信中打开「青年之声」小程序，登录后就能看到常见问题。');
  });

  test('an entry: the answer, who updated it, the public questions it gathers (each opens), and the two ways on', async () => {
    taroState.params = { id: 'faq-card' };
    jest.mocked(getFaq).mockResolvedValue({ ...gathered, entry: entry({ updatedAt: NOW - 2 * HOUR_MS }) });
    render(<FaqDetailPage />);
    await screen.findByText(ANSWER);
    expect(jest.mocked(getFaq)).toHaveBeenCalledWith('faq-card');
    expect(screen.getByText('更新于 3月2日 08:00 · 王钰铭')).toBeTruthy();
    expect(screen.getByText('汇总的提问（2）')).toBeTruthy();
    fireEvent.click(screen.getByText('饭卡掉了在哪补'));
    fireEvent.click(screen.getByText('没有解决，仍然提问'));
    expect(taroState.navigations).toEqual([
      { kind: 'navigateTo', url: '/pages/question/index?id=q-1' },
      { kind: 'navigateTo', url: '/pages/ask/index' },
    ]);
  });

  test('这解决了我的问题 on an entry counts a deflection for it and thanks the student', async () => {
    taroState.params = { id: 'faq-card' };
    jest.mocked(getFaq).mockResolvedValue(gathered);
    render(<FaqDetailPage />);
    fireEvent.click(await screen.findByText('这解决了我的问题'));
    expect(jest.mocked(recordDeflection)).toHaveBeenCalledWith('faq', 'faq-card');
    expect(screen.getByText('太好了，问题解决了')).toBeTruthy();
    expect(screen.queryByText('这解决了我的问题')).toBeNull();
    fireEvent.click(screen.getByText('返回首页'));
    expect(taroState.navigations).toEqual([{ kind: 'switchTab', url: '/pages/index/index' }]);
  });

  test('a retired entry (a curator looking) is marked and offers no 这解决了我的问题', async () => {
    taroState.params = { id: 'faq-card' };
    jest.mocked(getFaq).mockResolvedValue({ entry: entry({ state: 'retired' }), questions: [] });
    render(<FaqDetailPage />);
    await screen.findByText('已撤下');
    expect(screen.queryByText('这解决了我的问题')).toBeNull();
    expect(screen.queryByText(/汇总的提问/)).toBeNull();
  });

  test('an entry that is gone says so and leads to the list', async () => {
    taroState.params = { id: 'faq-gone' };
    taroState.pages = [{ route: 'knowledge/pages/faq-detail/index' }];
    jest.mocked(getFaq).mockRejectedValue(new ApiRequestError('INPUT.INVALID', '这条常见问题不存在或已撤下'));
    render(<FaqDetailPage />);
    await screen.findByText('这条常见问题不存在或已撤下');
    expect(screen.queryByText('重试')).toBeNull();
    fireEvent.click(screen.getByText('查看全部常见问题'));
    expect(taroState.navigations).toEqual([{ kind: 'redirectTo', url: '/knowledge/pages/faq/index' }]);
  });
});

describe('参考答复 on the reply page', () => {
  const waiting = detail({ id: 'q-new', status: 'routed', answeredAt: null, answers: [], viewerCanAnswer: true, viewerIsHandler: true, title: '校园卡刚丢了，补卡要带什么' });
  const refs: ReferenceAnswer[] = [
    { kind: 'faq', id: 'faq-card', title: '校园卡丢了怎么补办', answer: ANSWER, unitName: null, at: NOW - 48 * HOUR_MS, score: 30 },
    { kind: 'question', id: 'q-1', title: '饭卡掉了在哪补', answer: '一卡通办公室在食堂二楼，带身份证。', unitName: '后勤服务中心', at: NOW - 5 * HOUR_MS, score: 20 },
  ];

  beforeEach(() => {
    taroState.params = { id: 'q-new' };
    jest.mocked(getQuestion).mockReset().mockResolvedValue(waiting);
    jest.mocked(getMe).mockResolvedValue({ ...studentMe, name: '夏晶', roles: ['responder'] });
  });

  const box = () => screen.getByPlaceholderText(/写给提问同学的答复/) as HTMLTextAreaElement;

  test('the most similar answered questions and FAQ entries, each quoted into the reply box to edit', async () => {
    jest.mocked(getAnswerReferences).mockResolvedValue({ items: refs });
    render(<ReplyPage />);
    const panel = (await screen.findByText('参考答复（2）')).closest('.refs') as HTMLElement;
    expect(jest.mocked(getAnswerReferences)).toHaveBeenCalledWith('q-new');
    const faq = within(panel).getByText('校园卡丢了怎么补办').closest('.refs__item') as HTMLElement;
    expect(within(faq).getByText('常见问题', { selector: '.badge' })).toBeTruthy();
    const q = within(panel).getByText('饭卡掉了在哪补').closest('.refs__item') as HTMLElement;
    expect(within(q).getByText('后勤服务中心 · 5小时前')).toBeTruthy();

    fireEvent.click(within(faq).getByText('引用'));
    expect(box().value).toBe(ANSWER);
    expect(within(faq).getByText('已引用')).toBeTruthy();
    expect(jest.mocked(showToast)).toHaveBeenCalledWith({ title: '已引用到答复框', icon: 'none' });
    // Edited, then a second one quoted after what is written.
    fireEvent.change(box(), { target: { value: `${ANSWER}\n补办后原卡作废。  ` } });
    fireEvent.click(within(q).getByText('引用'));
    expect(box().value).toBe(`${ANSWER}\n补办后原卡作废。\n\n一卡通办公室在食堂二楼，带身份证。`);
    fireEvent.click(within(q).getByText('展开'));
    expect(within(q).getByText('收起')).toBeTruthy();
  });

  test('nothing similar: no panel; a failure is one quiet line with 重试', async () => {
    jest.mocked(getAnswerReferences).mockResolvedValueOnce({ items: [] });
    const { unmount } = render(<ReplyPage />);
    await screen.findByText('提交回复');
    await act(async () => undefined);
    expect(document.querySelector('.refs')).toBeNull();
    unmount();

    jest.mocked(getAnswerReferences).mockRejectedValueOnce(new ApiRequestError('NETWORK.FAILED')).mockResolvedValueOnce({ items: refs });
    render(<ReplyPage />);
    await screen.findByText('参考答复没有加载出来：网络连接失败，请检查网络后重试');
    fireEvent.click(screen.getByText('重试', { selector: '.refs__retry' }));
    await screen.findByText('参考答复（2）');
  });

  test('asked for only by someone who may answer', async () => {
    jest.mocked(getQuestion).mockResolvedValue({ ...waiting, viewerCanAnswer: false });
    render(<ReplyPage />);
    await screen.findByText('校园卡刚丢了，补卡要带什么');
    await act(async () => undefined);
    expect(jest.mocked(getAnswerReferences)).not.toHaveBeenCalled();
    expect(document.querySelector('.refs')).toBeNull();
  });
});
