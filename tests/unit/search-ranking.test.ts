import { bm25Similarity, prepareBm25Query, rankBm25, scoreBm25 } from '../../shared/domain/search/bm25';
import { buildCorpusIndex, searchCorpusIndex } from '../../shared/domain/search/corpus-index';
import {
  applyCorpusStatsChange,
  corpusStatsChange,
  corpusStatsOf,
  documentFrequency,
  EMPTY_CORPUS_STATS,
  indexFields,
  indexQuery,
  indexQuestion,
  selectCandidateTerms,
  type CorpusStats,
  type TermBag,
} from '../../shared/domain/search/search-index';

const QUESTIONS = [
  { id: 'cet-register', title: '四六级报名时间' },
  { id: 'cet-score', title: '四六级成绩查询' },
  { id: 'makeup-time', title: '补考时间' },
  { id: 'makeup-score', title: '补考成绩查询' },
  { id: 'dorm-repair', title: '宿舍报修' },
  { id: 'hot-water', title: '宿舍热水几点供应' },
  { id: 'card-loss', title: '校园卡挂失' },
  { id: 'card-topup', title: '饭卡充值' },
].map((q) => ({ ...q, bag: indexQuestion(q) }));
const STATS = corpusStatsOf(QUESTIONS.map((q) => q.bag));

function ranked(query: string): string[] {
  return rankBm25(prepareBm25Query(indexQuery(query), STATS), QUESTIONS, (q) => q.bag).map((s) => s.item.id);
}

describe('indexing a question', () => {
  it('keeps distinct terms, title first, with counts weighted by field and the weighted length', () => {
    const bag = indexFields([
      { text: '热水', weight: 2 },
      { text: '宿舍没有热水', weight: 1 },
    ]);
    expect(bag.terms).toEqual(['热', '水', '宿', '舍', '没', '有']);
    expect(bag.counts).toEqual([3, 3, 1, 1, 1, 1]);
    expect(bag.length).toBe(2 * 2 + 6);
  });

  it('stores at most the bound of distinct terms, the title\'s first, and still counts the whole length', () => {
    const long = Array.from({ length: 400 }, (_, i) => String.fromCodePoint(0x6c00 + i)).join('');
    const bag = indexFields(
      [
        { text: '宿舍热水', weight: 2 },
        { text: long, weight: 1 },
      ],
      undefined,
      50,
    );
    expect(bag.terms).toHaveLength(50);
    expect([...bag.terms.slice(0, 4)].sort()).toEqual(['宿', '舍', '热', '水'].sort());
    expect(bag.length).toBe(8 + 400);
  });

  it('gives an empty bag for text with nothing to match', () => {
    expect(indexQuery('？？！ 🙂')).toEqual({ terms: [], counts: [], length: 0 });
  });
});

describe('corpus statistics', () => {
  const a = indexQuestion({ title: '四六级报名' });
  const b = indexQuestion({ title: '四六级成绩' });
  const a2 = indexQuestion({ title: '四级报名入口' });

  it('change by increments that add up in any order (what `_.inc` needs from concurrent writers)', () => {
    const changes = [corpusStatsChange(null, a), corpusStatsChange(null, b), corpusStatsChange(a, a2), corpusStatsChange(b, null)];
    const apply = (order: number[]) => order.reduce((stats: CorpusStats, i) => applyCorpusStatsChange(stats, changes[i]!), EMPTY_CORPUS_STATS);
    const expected = corpusStatsOf([a2]);
    for (const order of [[0, 1, 2, 3], [3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]]) expect(apply(order)).toEqual(expected);
  });

  it('leave what they are given alone', () => {
    const before = corpusStatsOf([a]);
    const copy = JSON.parse(JSON.stringify(before));
    applyCorpusStatsChange(before, corpusStatsChange(null, b));
    expect(before).toEqual(copy);
  });

  it('record an edit as only what changed', () => {
    expect(corpusStatsChange(a, a2)).toEqual({ documents: 0, totalLength: a2.length - a.length, documentFrequency: { 六: -1, 入: 1, 口: 1 } });
    expect(corpusStatsChange(a, a)).toEqual({ documents: 0, totalLength: 0, documentFrequency: {} });
  });

  it('know no frequency for a term never seen, even one an object inherits', () => {
    const stats = corpusStatsOf([indexQuestion({ title: 'constructor 说明' })]);
    expect(documentFrequency(stats, 'constructor')).toBe(1);
    expect(documentFrequency(EMPTY_CORPUS_STATS, 'constructor')).toBe(0);
    expect(documentFrequency(EMPTY_CORPUS_STATS, 'toString')).toBe(0);
    const bag = indexQuestion({ title: 'toString' });
    expect(applyCorpusStatsChange(EMPTY_CORPUS_STATS, corpusStatsChange(null, bag)).documentFrequency).toEqual({ tostring: 1 });
  });
});

describe('choosing the terms to fetch candidates with', () => {
  const stats: CorpusStats = { documents: 1000, totalLength: 10000, documentFrequency: { 四: 300, 级: 250, 报: 400, 名: 500, 缓: 3 } };

  it('takes the rarest terms first, as many as fit the budget, and leaves out terms nobody has', () => {
    expect(selectCandidateTerms(indexQuery('缓考四级报名'), stats, 600)).toEqual(['缓', '级', '四']);
  });

  it('always takes the rarest term, even past the budget', () => {
    expect(selectCandidateTerms(indexQuery('报名'), stats, 100)).toEqual(['报']);
  });

  it('takes nothing when the corpus has none of the terms', () => {
    expect(selectCandidateTerms(indexQuery('考研'), stats, 100)).toEqual([]);
  });
});

describe('BM25 ranking', () => {
  it('finds the question a paraphrase means', () => {
    expect(ranked('英语四级什么时候报名')[0]).toBe('cet-register');
    expect(ranked('寝室灯坏了怎么报修')[0]).toBe('dorm-repair');
    expect(ranked('一卡通丢了')[0]).toBe('card-loss');
    expect(ranked('飯卡怎麼儲值')[0]).toBe('card-topup');
  });

  it('tells look-alike needs apart by the words that differ', () => {
    expect(ranked('四六级成绩什么时候出')[0]).toBe('cet-score');
    expect(ranked('补考成绩在哪查')[0]).toBe('makeup-score');
    expect(ranked('补考是哪天')[0]).toBe('makeup-time');
  });

  it('weighs a rare shared term above a common one', () => {
    // 宿 and 舍 are in two questions; 挂 and 失 in one.
    const query = prepareBm25Query(indexQuery('宿舍挂失'), STATS);
    const score = (id: string) => scoreBm25(query, QUESTIONS.find((q) => q.id === id)!.bag);
    expect(score('card-loss')).toBeGreaterThan(score('dorm-repair'));
  });

  it('leaves out what shares nothing, and keeps the given order for ties', () => {
    expect(ranked('图书馆')).toEqual([]);
    const same = [
      { id: 'x', bag: indexQuestion({ title: '报修' }) },
      { id: 'y', bag: indexQuestion({ title: '报修' }) },
    ];
    const stats = corpusStatsOf(same.map((s) => s.bag));
    expect(rankBm25(prepareBm25Query(indexQuery('报修'), stats), same, (s) => s.bag).map((s) => s.item.id)).toEqual(['x', 'y']);
  });

  it('is the same over the in-memory index as over fetched candidates', () => {
    const index = buildCorpusIndex(QUESTIONS, (q) => q.bag);
    for (const query of ['四六级报名', '宿舍热水', '补考成绩', '校园卡']) {
      const fromIndex = searchCorpusIndex(index, indexQuery(query), { limit: 3 });
      const fromList = rankBm25(prepareBm25Query(indexQuery(query), STATS), QUESTIONS, (q) => q.bag, 3);
      expect(fromIndex.map((s) => s.item.id)).toEqual(fromList.map((s) => s.item.id));
      fromIndex.forEach((s, i) => expect(s.score).toBeCloseTo(fromList[i]!.score, 10));
    }
  });

  it('returns at most the limit from the in-memory index, only entries it accepts', () => {
    const index = buildCorpusIndex(QUESTIONS, (q) => q.bag);
    const hits = searchCorpusIndex(index, indexQuery('成绩查询时间'), { limit: 2, accept: (q) => q.id !== 'cet-score' });
    expect(hits).toHaveLength(2);
    expect(hits.map((h) => h.item.id)).not.toContain('cet-score');
  });
});

describe('similarity of two questions', () => {
  const bag = (text: string): TermBag => indexQuery(text);

  it('is 1 for the same terms, 0 for none shared, symmetric, and between for the rest', () => {
    expect(bm25Similarity(bag('宿舍报修'), bag('寝室报修'), STATS)).toBeCloseTo(1, 10);
    expect(bm25Similarity(bag('宿舍报修'), bag('图书馆'), STATS)).toBe(0);
    const one = bm25Similarity(bag('四六级报名时间'), bag('四级怎么报名'), STATS);
    expect(one).toBeCloseTo(bm25Similarity(bag('四级怎么报名'), bag('四六级报名时间'), STATS), 10);
    expect(one).toBeGreaterThan(0.3);
    expect(one).toBeLessThan(1);
  });
});
