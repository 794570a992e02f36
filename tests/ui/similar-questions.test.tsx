import { act, fireEvent, render, screen, within } from '@testing-library/react';
import AskPage from '../../miniprogram/src/pages/ask/index';
import { findSimilarQuestions, recordDeflection, type SearchHit, type SimilarQuestions } from '../../miniprogram/src/services/search.service';
import { askQuestion } from '../../miniprogram/src/services/question.service';
import { getCatalog } from '../../miniprogram/src/services/catalog.service';
import { getMe } from '../../miniprogram/src/services/me.service';
import { ApiRequestError } from '../../miniprogram/src/services/api-error';
import { SIMILAR_DEBOUNCE_MS, similarText } from '../../miniprogram/src/hooks/use-similar-questions';
import { HOUR_MS } from '@shared/domain/answer-deadline';
import { taroState } from './support/taro-double';
import { NOW, catalog, studentMe } from './support/fixtures';

jest.mock('../../miniprogram/src/services/search.service');
jest.mock('../../miniprogram/src/services/question.service');
jest.mock('../../miniprogram/src/services/catalog.service');
jest.mock('../../miniprogram/src/services/me.service');

const similarMock = jest.mocked(findSimilarQuestions);
const deflectMock = jest.mocked(recordDeflection);

function hit(id: string, title: string, overrides: Partial<SearchHit> = {}): SearchHit {
  return {
    kind: 'question',
    id,
    title,
    excerpt: `${title}，想问一下具体怎么办。`,
    answerExcerpt: `${title}：请到一卡通办公室（食堂二楼）办理。`,
    categoryId: 'cat-life',
    categoryName: '后勤',
    unitName: '后勤服务中心',
    at: NOW - 2 * HOUR_MS,
    score: 10,
    titleHighlights: [],
    excerptHighlights: [],
    ...overrides,
  };
}

const NO_SUGGESTION: SimilarQuestions['suggestedCategory'] = { categoryId: null, categoryName: null, ranked: [] };
const reply = (items: SearchHit[], categoryId: string | null = null): SimilarQuestions => ({
  items,
  suggestedCategory: categoryId ? { categoryId, categoryName: categoryId === 'cat-life' ? '后勤' : '学业', ranked: [{ categoryId, share: 0.8 }] } : NO_SUGGESTION,
});

/** A reply the test answers when it chooses. */
function deferred() {
  let resolve: (value: SimilarQuestions) => void = () => undefined;
  let reject: (err: unknown) => void = () => undefined;
  const promise = new Promise<SimilarQuestions>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

beforeEach(() => {
  jest.useFakeTimers({ now: NOW });
  jest.mocked(getCatalog).mockResolvedValue(catalog);
  jest.mocked(getMe).mockResolvedValue(studentMe);
  similarMock.mockReset();
  deflectMock.mockReset();
  deflectMock.mockResolvedValue({ counted: true });
  jest.mocked(askQuestion).mockReset();
});
afterEach(() => {
  jest.useRealTimers();
});

const titleBox = () => screen.getByPlaceholderText('一句话说清你的问题');
const typeTitle = (value: string) => fireEvent.input(titleBox(), { target: { value } });
const typeContent = (value: string) => fireEvent.change(screen.getByPlaceholderText(/把情况说具体些/), { target: { value } });
/** Lets the debounce run out and the replies that are due land. */
const pause = (ms = SIMILAR_DEBOUNCE_MS) =>
  act(async () => {
    jest.advanceTimersByTime(ms);
  });
const settle = () => act(async () => undefined);
const shownTitles = () => Array.from(document.querySelectorAll('.similar__item-title')).map((e) => e.textContent);

async function renderAsk() {
  render(<AskPage />);
  await settle();
  await screen.findByText('后勤');
}

describe('相似的问题 while typing', () => {
  test('looked up once, 400 ms after the last keystroke, once the title says enough; the description is added', async () => {
    similarMock.mockResolvedValue(reply([hit('q1', '校园卡丢了怎么补办？')]));
    await renderAsk();
    typeTitle('校园');
    await pause();
    expect(similarMock).not.toHaveBeenCalled();
    typeTitle('校园卡丢');
    await pause(SIMILAR_DEBOUNCE_MS - 100);
    typeTitle('校园卡丢了');
    await pause(SIMILAR_DEBOUNCE_MS - 1);
    expect(similarMock).not.toHaveBeenCalled();
    await pause(1);
    expect(similarMock).toHaveBeenCalledTimes(1);
    expect(similarMock).toHaveBeenLastCalledWith('校园卡丢了');
    expect(shownTitles()).toEqual(['校园卡丢了怎么补办？']);

    typeContent('在食堂丢的，周末能补吗');
    await pause();
    expect(similarMock).toHaveBeenLastCalledWith('校园卡丢了 在食堂丢的，周末能补吗');
    expect(similarText('标题', '内容')).toBeNull();
    expect(Array.from(similarText('校园卡丢了', '长'.repeat(200)) ?? '')).toHaveLength(100);
  });

  test('an older reply arriving after a newer one is never shown', async () => {
    const older = deferred();
    const newer = deferred();
    similarMock.mockReturnValueOnce(older.promise).mockReturnValueOnce(newer.promise);
    await renderAsk();

    typeTitle('宿舍热水几点');
    await pause();
    typeTitle('校园卡丢了去哪补');
    await pause();
    expect(similarMock.mock.calls.map((c) => c[0])).toEqual(['宿舍热水几点', '校园卡丢了去哪补']);

    await act(async () => newer.resolve(reply([hit('q-card', '饭卡掉了在哪补')])));
    expect(shownTitles()).toEqual(['饭卡掉了在哪补']);
    // The slow reply to the earlier title lands last: dropped.
    await act(async () => older.resolve(reply([hit('q-water', '宿舍热水几点供应？')], 'cat-study')));
    expect(shownTitles()).toEqual(['饭卡掉了在哪补']);
    expect(screen.queryByText('宿舍热水几点供应？')).toBeNull();
    expect(document.querySelector('.cat-hint')).toBeNull();
  });

  test('a reply for words no longer in the box is dropped even when no newer lookup has been sent yet', async () => {
    const first = deferred();
    similarMock.mockReturnValueOnce(first.promise).mockResolvedValueOnce(reply([hit('q-new', '新标题的相似问题')]));
    await renderAsk();
    typeTitle('宿舍热水几点');
    await pause();
    typeTitle('宿舍热水几点供应');
    await act(async () => first.resolve(reply([hit('q-old', '旧标题的相似问题')])));
    expect(shownTitles()).toEqual([]);
    await pause();
    expect(shownTitles()).toEqual(['新标题的相似问题']);
  });

  test('clearing the title hides the list at once; a failed lookup shows nothing and asking goes on', async () => {
    similarMock.mockResolvedValueOnce(reply([hit('q1', '校园卡丢了怎么补办？')])).mockRejectedValueOnce(new ApiRequestError('NETWORK.FAILED'));
    await renderAsk();
    typeTitle('校园卡丢了');
    await pause();
    expect(shownTitles()).toHaveLength(1);
    typeTitle('');
    expect(document.querySelector('.similar')).toBeNull();
    typeTitle('宿舍热水几点');
    await pause();
    expect(similarMock).toHaveBeenCalledTimes(2);
    expect(document.querySelector('.similar')).toBeNull();
    expect(screen.queryByText(/网络连接失败/)).toBeNull();
    expect(screen.getByText('提交问题')).toBeTruthy();
  });

  test('cleared and typed again quickly, the same title is looked up again', async () => {
    similarMock.mockResolvedValue(reply([hit('q1', '校园卡丢了怎么补办？')]));
    await renderAsk();
    typeTitle('校园卡丢了');
    await pause();
    typeTitle('');
    expect(shownTitles()).toEqual([]);
    await pause(100);
    typeTitle('校园卡丢了');
    await pause();
    expect(similarMock).toHaveBeenCalledTimes(2);
    expect(shownTitles()).toEqual(['校园卡丢了怎么补办？']);
  });

  test('an item opens in place to its answer; 查看全文 opens its page (an FAQ entry its own), the draft kept underneath', async () => {
    similarMock.mockResolvedValue(reply([hit('faq-1', '校园卡丢了怎么补办', { kind: 'faq', excerpt: '先挂失，再补办。', answerExcerpt: null, unitName: null }), hit('q2', '饭卡掉了在哪补')]));
    await renderAsk();
    typeTitle('校园卡丢了');
    await pause();
    const faq = screen.getByText('校园卡丢了怎么补办').closest('.similar__item') as HTMLElement;
    expect(within(faq).getByText('常见问题')).toBeTruthy();
    expect(within(faq).queryByText('先挂失，再补办。')).toBeNull();
    fireEvent.click(within(faq).getByText('校园卡丢了怎么补办'));
    expect(within(faq).getByText('先挂失，再补办。')).toBeTruthy();
    fireEvent.click(within(faq).getByText('查看全文 ›'));

    const question = screen.getByText('饭卡掉了在哪补').closest('.similar__item') as HTMLElement;
    fireEvent.click(within(question).getByText('饭卡掉了在哪补'));
    // The official answer's start, and who gave it.
    expect(within(question).getByText('饭卡掉了在哪补：请到一卡通办公室（食堂二楼）办理。')).toBeTruthy();
    expect(within(question).getByText('后勤服务中心 答复')).toBeTruthy();
    fireEvent.click(within(question).getByText('查看全文 ›'));
    expect(taroState.navigations).toEqual([
      { kind: 'navigateTo', url: '/knowledge/pages/faq-detail/index?id=faq-1' },
      { kind: 'navigateTo', url: '/pages/question/index?id=q2' },
    ]);
    expect((titleBox() as HTMLInputElement).value).toBe('校园卡丢了');
  });

  test('这解决了我的问题 counts the deflection and thanks the student; 我还有别的问题 starts an empty form', async () => {
    similarMock.mockResolvedValue(reply([hit('q1', '校园卡丢了怎么补办？')]));
    await renderAsk();
    typeTitle('校园卡丢了');
    await pause();
    fireEvent.click(screen.getByText('校园卡丢了怎么补办？'));
    fireEvent.click(screen.getByText('这解决了我的问题'));
    expect(deflectMock).toHaveBeenCalledWith('question', 'q1');
    expect(screen.getByText('太好了，问题解决了')).toBeTruthy();
    expect(screen.getByText('校园卡丢了怎么补办？')).toBeTruthy();
    expect(screen.queryByText('提交问题')).toBeNull();
    fireEvent.click(screen.getByText('再看一遍答复'));
    fireEvent.click(screen.getByText('返回首页'));
    expect(taroState.navigations).toEqual([
      { kind: 'navigateTo', url: '/pages/question/index?id=q1' },
      { kind: 'switchTab', url: '/pages/index/index' },
    ]);
    fireEvent.click(screen.getByText('我还有别的问题'));
    expect((titleBox() as HTMLInputElement).value).toBe('');
    expect(document.querySelector('.similar')).toBeNull();
  });

  test('the student is thanked even when counting the deflection fails', async () => {
    deflectMock.mockRejectedValue(new ApiRequestError('NETWORK.FAILED'));
    similarMock.mockResolvedValue(reply([hit('q1', '校园卡丢了怎么补办？')]));
    await renderAsk();
    typeTitle('校园卡丢了');
    await pause();
    fireEvent.click(screen.getByText('校园卡丢了怎么补办？'));
    fireEvent.click(screen.getByText('这解决了我的问题'));
    await settle();
    expect(screen.getByText('太好了，问题解决了')).toBeTruthy();
  });

  test('都不是，仍然提问 folds the list to one line, which opens it again', async () => {
    similarMock.mockResolvedValue(reply([hit('q1', '校园卡丢了怎么补办？'), hit('q2', '饭卡掉了在哪补')]));
    await renderAsk();
    typeTitle('校园卡丢了');
    await pause();
    fireEvent.click(screen.getByText('都不是，仍然提问'));
    expect(shownTitles()).toEqual([]);
    expect(screen.getByText('已收起 2 个相似的问题')).toBeTruthy();
    fireEvent.click(screen.getByText('展开'));
    expect(shownTitles()).toHaveLength(2);
  });

  test('?title= (from a search that found nothing) fills the title and looks it up', async () => {
    taroState.params = { title: encodeURIComponent('实验室门禁卡怎么补办') };
    similarMock.mockResolvedValue(reply([]));
    await renderAsk();
    expect((titleBox() as HTMLInputElement).value).toBe('实验室门禁卡怎么补办');
    await pause();
    expect(similarMock).toHaveBeenCalledWith('实验室门禁卡怎么补办');
  });
});

describe('the category suggestion', () => {
  test('with nothing picked: 选择 applies it, and the routing follows', async () => {
    similarMock.mockResolvedValue(reply([], 'cat-life'));
    await renderAsk();
    typeTitle('宿舍热水几点供应');
    await pause();
    expect(screen.getByText('这个问题可能属于「后勤」，要选择这个类别吗？')).toBeTruthy();
    fireEvent.click(screen.getByText('选择后勤'));
    expect(screen.getByText('后勤').className).toContain('ask__cat--on');
    expect(screen.getByText('将由「后勤服务中心」负责答复')).toBeTruthy();
    expect(document.querySelector('.cat-hint')).toBeNull();
  });

  test('a different pick is gently questioned, never changed: 不用 keeps it, and the question is asked as picked', async () => {
    taroState.params = { college: 'u-cs' };
    similarMock.mockResolvedValue(reply([], 'cat-life'));
    jest.mocked(askQuestion).mockResolvedValue({
      id: 'q9',
      routedTo: { unitId: 'u-cs', unitName: '计算机学院团委', reason: 'college' },
      createdAt: NOW,
      deadlineAt: NOW + 24 * HOUR_MS,
      moderation: 'published',
      crisis: null,
    });
    await renderAsk();
    fireEvent.click(screen.getByText('学业'));
    typeTitle('宿舍热水几点供应');
    typeContent('最近晚上十点以后就没有热水了，请问是调整了供应时间吗？');
    await pause();
    expect(screen.getByText('这个问题可能属于「后勤」，要改成这个类别吗？')).toBeTruthy();
    expect(screen.getByText('学业').className).toContain('ask__cat--on');
    fireEvent.click(screen.getByText('不用'));
    expect(document.querySelector('.cat-hint')).toBeNull();
    // Typing on does not bring the declined suggestion back.
    typeTitle('宿舍热水几点供应？');
    await pause();
    expect(document.querySelector('.cat-hint')).toBeNull();

    fireEvent.click(screen.getByText('提交问题'));
    await settle();
    expect(jest.mocked(askQuestion).mock.calls[0]?.[0]).toMatchObject({ categoryId: 'cat-study' });
  });

  test('the suggestion matching the pick, or none, shows nothing', async () => {
    similarMock.mockResolvedValueOnce(reply([], 'cat-life')).mockResolvedValueOnce(reply([], null));
    await renderAsk();
    fireEvent.click(screen.getByText('后勤'));
    typeTitle('宿舍热水几点供应');
    await pause();
    expect(document.querySelector('.cat-hint')).toBeNull();
    fireEvent.click(screen.getByText('学业'));
    typeTitle('宿舍热水几点供应？');
    await pause();
    expect(similarMock).toHaveBeenCalledTimes(2);
    expect(document.querySelector('.cat-hint')).toBeNull();
  });
});
