import { suggestCategory, voteCategory } from '../../shared/domain/search/category-suggestion';
import { buildCorpusIndex } from '../../shared/domain/search/corpus-index';
import { highlightSpans } from '../../shared/domain/search/highlight';
import { indexQuery } from '../../shared/domain/search/search-index';
import { fuseRankings, NO_SECOND_SCORER, rerankWithSecondScorer, type SecondScorer } from '../../shared/domain/search/second-scorer';

const marked = (text: string, query: string) => highlightSpans(text, query).map((s) => text.slice(s.start, s.end));

describe('highlighting', () => {
  it('marks the matched words in the text as written', () => {
    expect(marked('宿舍热水几点供应？', '热水')).toEqual(['热水']);
    expect(marked('四六級報名時間', '四六级报名')).toEqual(['四六級報名']);
  });

  it('marks an alias as a whole: the query says CET-4, the text 英语四级', () => {
    expect(marked('大学英语四级报名入口', 'CET-4 报名')).toEqual(['大学英语四级报名']);
    expect(marked('一卡通丢了', '饭卡')).toEqual(['一卡通']);
  });

  it('joins matches across spaces and punctuation, and marks full-width text', () => {
    expect(marked('四 六 级，报名', '四六级报名')).toEqual(['四 六 级，报名']);
    expect(marked('ＧＰＡ怎么算', 'gpa')).toEqual(['ＧＰＡ']);
  });

  it('does not mark a lone common character, unless the query is that one character', () => {
    expect(marked('学校的学生会', '学费')).toEqual([]);
    expect(marked('宿舍楼的学生', '学')).toEqual(['学']);
  });

  it('marks nothing for a query of fillers alone', () => {
    expect(highlightSpans('请问怎么办', '请问')).toEqual([]);
  });

  it('gives offsets that survive characters outside the basic plane', () => {
    const text = '😭宿舍报修';
    expect(highlightSpans(text, '报修')).toEqual([{ start: 4, end: 6 }]);
  });
});

describe('category suggestion', () => {
  const examples = [
    { text: '宿舍报修', categoryId: 'dorm' },
    { text: '寝室热水', categoryId: 'dorm' },
    { text: '宿舍空调坏了', categoryId: 'dorm' },
    { text: '四六级报名', categoryId: 'academic' },
    { text: '补考时间', categoryId: 'academic' },
    { text: '奖学金评定', categoryId: 'aid' },
    { text: '助学金申请', categoryId: 'aid' },
  ];
  const index = buildCorpusIndex(examples, (e) => indexQuery(e.text));
  const suggest = (text: string) => suggestCategory(index, indexQuery(text), (e) => e.categoryId);

  it('suggests the category of the questions most like it', () => {
    expect(suggest('寝室灯坏了找谁修').categoryId).toBe('dorm');
    expect(suggest('英语四级什么时候报名').categoryId).toBe('academic');
  });

  it('is unsure when the neighbours disagree, and when nothing is alike', () => {
    const torn = suggest('宿舍申请奖学金');
    expect(torn.categoryId).toBeNull();
    expect(torn.ranked.map((r) => r.categoryId).sort()).toEqual(['aid', 'dorm']);
    expect(suggest('图书馆').categoryId).toBeNull();
    expect(suggest('图书馆').ranked).toEqual([]);
  });

  it('counts the votes by score, with shares adding up to one', () => {
    const vote = voteCategory([{ item: 'a', score: 3 }, { item: 'b', score: 1 }], (x) => x, 0.7);
    expect(vote).toEqual({ categoryId: 'a', ranked: [{ categoryId: 'a', share: 0.75 }, { categoryId: 'b', share: 0.25 }] });
    expect(voteCategory([{ item: 'a', score: 3 }, { item: 'b', score: 2 }], (x) => x, 0.7).categoryId).toBeNull();
  });
});

describe('a second scorer', () => {
  const lexical = [
    { id: 'q1', text: '四六级报名' },
    { id: 'q2', text: '四六级成绩' },
    { id: 'q3', text: '补考时间' },
  ];

  it('is off by default: the order stays the lexical one', async () => {
    expect((await rerankWithSecondScorer(NO_SECOND_SCORER, '四级', lexical)).map((r) => r.id)).toEqual(['q1', 'q2', 'q3']);
  });

  it('fuses by reciprocal rank when there is one', async () => {
    const embeddings: SecondScorer = { name: 'test', score: async () => new Map([['q2', 0.9]]) };
    expect((await rerankWithSecondScorer(embeddings, '四级', lexical)).map((r) => r.id)).toEqual(['q2', 'q1', 'q3']);
  });

  it('scores an id on every ranking that holds it', () => {
    const fused = fuseRankings([['a', 'b'], ['b', 'c']], 0);
    expect(fused).toEqual([
      { id: 'b', score: 1 / 2 + 1 / 1 },
      { id: 'a', score: 1 },
      { id: 'c', score: 1 / 2 },
    ]);
  });
});
