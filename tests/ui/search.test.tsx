import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import SearchPage from '../../miniprogram/src/pages/search/index';
import HomePage from '../../miniprogram/src/pages/index/index';
import { WebHeader } from '../../miniprogram/src/components/web-header';
import { searchQuestions, type SearchHit, type SearchPage as Page } from '../../miniprogram/src/services/search.service';
import { listFaqs, type FaqEntry } from '../../miniprogram/src/services/faq.service';
import { getCatalog } from '../../miniprogram/src/services/catalog.service';
import { listPublicQuestions } from '../../miniprogram/src/services/question.service';
import { ApiRequestError } from '../../miniprogram/src/services/api-error';
import { SEARCH_DEBOUNCE_MS } from '../../miniprogram/src/hooks/use-search';
import { splitHighlights } from '../../miniprogram/src/utils/highlight';
import { HOUR_MS } from '@shared/domain/answer-deadline';
import { taroState } from './support/taro-double';
import { NOW, catalog } from './support/fixtures';

jest.mock('../../miniprogram/src/services/search.service');
jest.mock('../../miniprogram/src/services/faq.service');
jest.mock('../../miniprogram/src/services/catalog.service');
jest.mock('../../miniprogram/src/services/question.service');

/**
 * WeChat's selector Picker as a plain <select> (Taro's H5 picker chooses by
 * scrolling a wheel, which jsdom cannot do): choosing fires onChange with the
 * index, as WeChat does.
 */
jest.mock('@tarojs/components', () => {
  const actual = jest.requireActual('@tarojs/components');
  function Picker({ range, value, onChange, children }: { range: string[]; value: number; onChange: (e: { detail: { value: string } }) => void; children: ReactNode }) {
    return (
      <label>
        {children}
        <select aria-label={range[0]} value={String(value)} onChange={(e) => onChange({ detail: { value: e.target.value } })}>
          {range.map((r, i) => (
            <option key={r} value={String(i)}>
              {r}
            </option>
          ))}
        </select>
      </label>
    );
  }
  // Read through lazily: Taro's H5 Button itself imports this module while it is being set up.
  return new Proxy(actual as Record<string, unknown>, { get: (target, key) => (key === 'Picker' ? Picker : target[key as string]) });
});

const searchMock = jest.mocked(searchQuestions);

function hit(overrides: Partial<SearchHit> = {}): SearchHit {
  return {
    kind: 'question',
    id: 'q-card',
    title: '饭卡掉了在哪补',
    excerpt: '饭卡掉了，在哪里可以补一张？周末能办吗？',
    answerExcerpt: '一卡通办公室在食堂二楼，带身份证，先挂失再补办。',
    categoryId: 'cat-life',
    categoryName: '后勤',
    unitName: '后勤服务中心',
    at: NOW - 5 * HOUR_MS,
    score: 12.5,
    titleHighlights: [{ start: 0, end: 2 }, { start: 6, end: 7 }],
    excerptHighlights: [{ start: 0, end: 2 }],
    ...overrides,
  };
}

const faqHit = hit({
  kind: 'faq',
  id: 'faq-card',
  title: '校园卡丢了怎么补办',
  excerpt: '先挂失，再带身份证到一卡通办公室（食堂二楼）补办，工本费20元。',
  answerExcerpt: null,
  unitName: null,
  titleHighlights: [{ start: 2, end: 3 }],
  excerptHighlights: [],
});

const page = (items: SearchHit[], nextCursor: string | null = null): Page => ({ items, nextCursor });

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  jest.mocked(getCatalog).mockResolvedValue(catalog);
  searchMock.mockReset();
  searchMock.mockResolvedValue(page([faqHit, hit()]));
});

/** The result titles as shown (a highlighted title is split across elements). */
const titles = () => Array.from(document.querySelectorAll('.hit__title')).map((e) => e.textContent);
const showsTitle = (title: string) => waitFor(() => expect(titles()).toContain(title));

const box = () => screen.getByPlaceholderText('搜索问题，如：校园卡补办');
const type = (value: string) => fireEvent.input(box(), { target: { value } });

describe('搜索', () => {
  test('before anything is typed: what it searches and examples, and nothing is sent; an example searches at once', async () => {
    render(<SearchPage />);
    await act(async () => undefined);
    expect(screen.getByText('搜索已经答复过的问题和常见问题，也许你的问题已经有答案了。')).toBeTruthy();
    expect(searchMock).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('校园卡补办'));
    await showsTitle('校园卡丢了怎么补办');
    expect(searchMock).toHaveBeenCalledTimes(1);
    expect(searchMock).toHaveBeenCalledWith({ query: '校园卡补办', categoryId: undefined, unitId: undefined, cursor: undefined });
    expect((box() as HTMLInputElement).value).toBe('校园卡补办');
  });

  test('typing sends one search 300 ms after the last keystroke, normalised', async () => {
    jest.useFakeTimers({ now: NOW });
    try {
      render(<SearchPage />);
      await act(async () => undefined);
      type('饭');
      act(() => jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 50));
      type('饭卡');
      act(() => jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 50));
      type('  饭卡丢了\n  ');
      act(() => jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 1));
      expect(searchMock).not.toHaveBeenCalled();
      await act(async () => {
        jest.advanceTimersByTime(1);
      });
      expect(searchMock).toHaveBeenCalledTimes(1);
      // Normalised as the server normalises text (no spaces around, one line).
      expect(searchMock.mock.calls[0]![0].query).toBe('饭卡丢了');
    } finally {
      jest.useRealTimers();
    }
  });

  test('results: FAQ entries marked, the matched words highlighted, the start of the answer shown; each opens its own page', async () => {
    taroState.params = { q: encodeURIComponent('饭卡补办') };
    render(<SearchPage />);
    await showsTitle('校园卡丢了怎么补办');
    const faqCard = document.querySelectorAll('.hit')[0] as HTMLElement;
    expect(faqCard.className).toContain('hit--faq');
    expect(within(faqCard).getByText('常见问题')).toBeTruthy();
    expect(Array.from(faqCard.querySelectorAll('.hl')).map((e) => e.textContent)).toEqual(['卡']);

    const questionCard = document.querySelectorAll('.hit')[1] as HTMLElement;
    expect(Array.from(questionCard.querySelectorAll('.hit__title .hl')).map((e) => e.textContent)).toEqual(['饭卡', '补']);
    expect(questionCard.querySelector('.hit__title')?.textContent).toBe('饭卡掉了在哪补');
    expect(within(questionCard).getByText('一卡通办公室在食堂二楼，带身份证，先挂失再补办。')).toBeTruthy();
    expect(within(questionCard).getByText('后勤服务中心')).toBeTruthy();
    expect(within(questionCard).getByText('答复于 5小时前')).toBeTruthy();
    expect(searchMock).toHaveBeenCalledWith({ query: '饭卡补办', categoryId: undefined, unitId: undefined, cursor: undefined });

    fireEvent.click(faqCard);
    fireEvent.click(questionCard);
    expect(taroState.navigations).toEqual([
      { kind: 'navigateTo', url: '/knowledge/pages/faq-detail/index?id=faq-card' },
      { kind: 'navigateTo', url: '/pages/question/index?id=q-card' },
    ]);
  });

  test('filters by category and by the unit that answered; each change starts the list over', async () => {
    taroState.params = { q: '饭卡' };
    render(<SearchPage />);
    await screen.findAllByText('常见问题');
    fireEvent.change(screen.getByLabelText('全部类别'), { target: { value: '2' } });
    await screen.findByText('后勤', { selector: '.search__filter-text' });
    fireEvent.change(screen.getByLabelText('全部单位'), { target: { value: '4' } });
    await screen.findByText('后勤服务中心', { selector: '.search__filter-text' });
    expect(searchMock.mock.calls.map((c) => c[0])).toEqual([
      { query: '饭卡', categoryId: undefined, unitId: undefined, cursor: undefined },
      { query: '饭卡', categoryId: 'cat-life', unitId: undefined, cursor: undefined },
      { query: '饭卡', categoryId: 'cat-life', unitId: 'u-logistics', cursor: undefined },
    ]);
    // Branches answer nothing themselves; the school, the colleges and the departments are offered.
    expect(Array.from(screen.getByLabelText('全部单位').querySelectorAll('option')).map((o) => o.textContent)).toEqual([
      '全部单位',
      '校团委',
      '计算机学院团委',
      '医学院团委',
      '后勤服务中心',
    ]);
    fireEvent.change(screen.getByLabelText('全部类别'), { target: { value: '0' } });
    await screen.findByText('全部类别', { selector: '.search__filter-text' });
    expect(searchMock.mock.calls.at(-1)![0]).toEqual({ query: '饭卡', categoryId: undefined, unitId: 'u-logistics', cursor: undefined });
  });

  test('加载更多 asks for the next page with the cursor and appends it', async () => {
    searchMock
      .mockResolvedValueOnce(page([hit({ id: 'q1', title: '第一页的问题', titleHighlights: [] })], '10'))
      .mockResolvedValueOnce(page([hit({ id: 'q2', title: '第二页的问题', titleHighlights: [] })]));
    taroState.params = { q: '问题' };
    render(<SearchPage />);
    fireEvent.click(await screen.findByText('加载更多'));
    await screen.findByText('第二页的问题');
    expect(screen.getByText('第一页的问题')).toBeTruthy();
    expect(screen.getByText('没有更多了')).toBeTruthy();
    expect(searchMock.mock.calls[1]![0]).toEqual({ query: '问题', categoryId: undefined, unitId: undefined, cursor: '10' });
  });

  test('nothing found: says so, and 我要提问 carries the words as the title; with a filter on, suggests removing it', async () => {
    searchMock.mockResolvedValue(page([]));
    taroState.params = { q: '潜水艇驾驶执照' };
    render(<SearchPage />);
    await screen.findByText('没有找到相关问题');
    expect(screen.getByText('换个说法再试试，或者直接提问，老师会在24小时内答复。')).toBeTruthy();
    fireEvent.click(screen.getByText('我要提问'));
    expect(taroState.navigations).toEqual([{ kind: 'navigateTo', url: `/pages/ask/index?title=${encodeURIComponent('潜水艇驾驶执照')}` }]);
    fireEvent.change(screen.getByLabelText('全部类别'), { target: { value: '1' } });
    await screen.findByText('换个说法，或者去掉筛选条件再试试；也可以直接提问，老师会在24小时内答复。');
  });

  test('a failed search says why and retries; a refusal a retry cannot fix offers no 重试', async () => {
    searchMock.mockRejectedValueOnce(new ApiRequestError('NETWORK.FAILED')).mockResolvedValueOnce(page([hit()]));
    taroState.params = { q: '饭卡' };
    const { unmount } = render(<SearchPage />);
    await screen.findByText('网络连接失败，请检查网络后重试');
    fireEvent.click(screen.getByText('重试'));
    await showsTitle('饭卡掉了在哪补');
    expect(searchMock).toHaveBeenCalledTimes(2);
    unmount();

    searchMock.mockRejectedValueOnce(new ApiRequestError('INPUT.INVALID', '搜索内容不能超过 100 个字'));
    render(<SearchPage />);
    await screen.findByText('搜索内容不能超过 100 个字');
    expect(screen.queryByText('重试')).toBeNull();
  });

  test('a slow reply to words no longer in the box is never shown', async () => {
    let answerOld: (p: Page) => void = () => undefined;
    searchMock
      .mockImplementationOnce(() => new Promise<Page>((resolve) => (answerOld = resolve)))
      .mockResolvedValueOnce(page([hit({ id: 'q-new', title: '新的结果', titleHighlights: [] })]));
    taroState.params = { q: '旧的' };
    render(<SearchPage />);
    fireEvent.click(screen.getByText('×'));
    fireEvent.click(screen.getByText('宿舍报修'));
    await screen.findByText('新的结果');
    await act(async () => answerOld(page([hit({ id: 'q-old', title: '旧的结果', titleHighlights: [] })])));
    expect(screen.queryByText('旧的结果')).toBeNull();
    expect(screen.getByText('新的结果')).toBeTruthy();
  });

  test('clearing the box returns to the examples at once', async () => {
    taroState.params = { q: '饭卡' };
    render(<SearchPage />);
    await screen.findAllByText('常见问题');
    fireEvent.click(screen.getByText('×'));
    await act(async () => undefined);
    expect(screen.getByText('宿舍报修')).toBeTruthy();
    expect(document.querySelectorAll('.hit')).toHaveLength(0);
  });
});

describe('highlights from the server are trusted for nothing', () => {
  test('out of range, unsorted, overlapping and emoji-splitting spans are clamped and merged', () => {
    // 😀 is two UTF-16 units (2–3): a span from its second half starts at its first, one ending inside it ends after it.
    expect(splitHighlights('饭卡😀补办', [{ start: 5, end: 9 }, { start: 1, end: 2 }, { start: 0, end: 1 }, { start: 3, end: 4 }, { start: -4, end: 0 }])).toEqual([
      { text: '饭卡😀', hit: true },
      { text: '补', hit: false },
      { text: '办', hit: true },
    ]);
    expect(splitHighlights('饭卡😀补办', [{ start: 4, end: 3 }, { start: 0.5, end: 3 }])).toEqual([
      { text: '饭卡😀', hit: true },
      { text: '补办', hit: false },
    ]);
    expect(splitHighlights('饭卡😀补办', [{ start: 2, end: 3 }])).toEqual([
      { text: '饭卡', hit: false },
      { text: '😀', hit: true },
      { text: '补办', hit: false },
    ]);
  });
});

const entry = (id: string, title: string): FaqEntry => ({
  id,
  title,
  answer: `${title}的统一答复：先挂失，再补办。`,
  categoryId: 'cat-life',
  categoryName: '后勤',
  questionCount: 4,
  state: 'published',
  publishedAt: NOW - 48 * HOUR_MS,
  updatedAt: NOW - 24 * HOUR_MS,
  updatedByName: '王钰铭',
});

describe('reaching search, and the pinned FAQ on 首页', () => {
  beforeEach(() => {
    jest.mocked(listPublicQuestions).mockResolvedValue({ items: [], nextCursor: null });
  });

  test('首页 has a search bar that opens 搜索, and pins the three newest FAQ entries with 查看全部', async () => {
    jest.mocked(listFaqs).mockResolvedValue([entry('f1', '校园卡丢了怎么补办'), entry('f2', '四六级怎么报名'), entry('f3', '奖学金怎么评'), entry('f4', '宿舍怎么报修')]);
    render(<HomePage />);
    const pinned = (await screen.findByText('校园卡丢了怎么补办')).closest('.faq-pinned') as HTMLElement;
    expect(within(pinned).getByText('置顶')).toBeTruthy();
    expect(Array.from(pinned.querySelectorAll('.faq-pinned__item-title')).map((e) => e.textContent)).toEqual(['校园卡丢了怎么补办', '四六级怎么报名', '奖学金怎么评']);
    fireEvent.click(screen.getByText('搜索问题，如：校园卡补办'));
    fireEvent.click(within(pinned).getByText('四六级怎么报名'));
    fireEvent.click(within(pinned).getByText('查看全部 ›'));
    expect(taroState.navigations).toEqual([
      { kind: 'navigateTo', url: '/pages/search/index' },
      { kind: 'navigateTo', url: '/knowledge/pages/faq-detail/index?id=f2' },
      { kind: 'navigateTo', url: '/knowledge/pages/faq/index' },
    ]);
  });

  test('首页 without FAQ entries (or when they fail to load) pins nothing', async () => {
    jest.mocked(listFaqs).mockRejectedValue(new ApiRequestError('NETWORK.FAILED'));
    render(<HomePage />);
    await screen.findByText('还没有公开的问题，来提第一个吧');
    expect(document.querySelector('.faq-pinned')).toBeNull();
  });

  test('the PC header has a search box on every page but 搜索 itself', () => {
    window.history.replaceState(null, '', '/pages/question/index?id=q1');
    const { unmount } = render(<WebHeader />);
    fireEvent.click(screen.getByText('搜索问题，如：校园卡补办'));
    expect(taroState.navigations).toEqual([{ kind: 'navigateTo', url: '/pages/search/index' }]);
    unmount();
    window.history.replaceState(null, '', '/pages/search/index');
    render(<WebHeader />);
    expect(screen.queryByText('搜索问题，如：校园卡补办')).toBeNull();
    window.history.replaceState(null, '', '/');
  });
});
