import { CAMPUS_ALIASES, FILLER_WORDS } from '../../shared/domain/search/campus-aliases';
import { applyAliases, buildAliasTable, normalizeForSearch, toSimplified } from '../../shared/domain/search/search-text';
import { analyze, CAMPUS_ALIAS_TABLE, tokenize } from '../../shared/domain/search/search-terms';
import { TRADITIONAL_SIMPLIFIED_PAIRS } from '../../shared/domain/search/traditional-to-simplified.table';

const normalized = (raw: string) => normalizeForSearch(raw).chars.join('');
const terms = (raw: string) => analyze(raw).map((t) => t.term);

describe('normalising text for search', () => {
  it.each([
    ['full-width letters, digits and punctuation', 'ＣＥＴ－４　报名？', 'cet4报名'],
    ['upper case', 'GPA Wifi', 'gpawifi'],
    ['punctuation, spaces and emoji', '四 六 级，报名！😭 (急)', '四六级报名急'],
    ['traditional characters', '英語四六級報名時間', '英语四六级报名时间'],
    ['variants typed outside Big5', '爲什麽説綫上', '为什么说线上'],
    ['compatibility forms', '①号楼㎏', '1号楼kg'],
  ])('handles %s', (_label, raw, expected) => {
    expect(normalized(raw)).toBe(expected);
  });

  it('writes 咨询 as simplified Chinese does since 2013, from 諮詢 and 谘询 alike', () => {
    expect(normalized('心理諮詢')).toBe('心理咨询');
    expect(normalized('心理谘询')).toBe('心理咨询');
  });

  it('leaves simplified characters that have a meaning of their own alone', () => {
    expect(normalized('俱乐部姊妹慰藉摔跤')).toBe('俱乐部姊妹慰藉摔跤');
  });

  it('remembers where each character came from in the original text', () => {
    const text = normalizeForSearch('Ａ，報 名');
    expect(text.chars).toEqual(['a', '报', '名']);
    expect(text.from).toEqual([0, 2, 4]);
    expect(text.to).toEqual([1, 3, 5]);
    const emoji = normalizeForSearch('😭四级');
    expect(emoji.from).toEqual([2, 3]);
  });
});

describe('the traditional → simplified table', () => {
  const chars = [...TRADITIONAL_SIMPLIFIED_PAIRS];

  it('is pairs of one traditional and one different simplified character', () => {
    expect(chars.length % 2).toBe(0);
    expect(chars.length / 2).toBeGreaterThan(2000);
    for (let i = 0; i < chars.length; i += 2) expect(chars[i]).not.toBe(chars[i + 1]);
  });

  it('maps each traditional character once, and never maps a simplified result again', () => {
    const traditional = chars.filter((_, i) => i % 2 === 0);
    expect(new Set(traditional).size).toBe(traditional.length);
    for (let i = 1; i < chars.length; i += 2) expect(toSimplified(chars[i]!)).toBe(chars[i]);
  });
});

describe('the campus alias list', () => {
  const everyAlias = CAMPUS_ALIASES.flatMap((g) => g.aliases);

  it('is written normalised, so that it matches normalised text', () => {
    for (const word of [...everyAlias, ...CAMPUS_ALIASES.map((g) => g.canonical), ...FILLER_WORDS]) expect(normalized(word)).toBe(word);
  });

  it('puts no alias in two groups, nor an alias that is another group\'s canonical phrase', () => {
    expect(new Set(everyAlias).size).toBe(everyAlias.length);
    const canonical = new Set(CAMPUS_ALIASES.map((g) => g.canonical));
    expect(everyAlias.filter((a) => canonical.has(a))).toEqual([]);
    expect(FILLER_WORDS.filter((w) => canonical.has(w) || everyAlias.includes(w))).toEqual([]);
  });

  it.each([
    ['CET-4 报名', '四级报名'],
    ['英语四级报名', '四级报名'],
    ['大学英语四级', '四级'],
    ['cet成绩', '四六级成绩'],
    ['ＧＰＡ', '绩点'],
    ['教务网登不上', '教务系统登不上'],
    ['寝室报修', '宿舍报修'],
    ['饭卡充钱', '校园卡充值'],
    ['推免条件', '保研条件'],
    ['奖助勤贷', '奖学金助学金勤工助学助学贷款'],
    ['三方协议', '三方协议'],
    ['签三方', '签三方协议'],
    ['什么时候报名', '时间报名'],
  ])('reads %s as %s', (raw, expected) => {
    expect(applyAliases(normalizeForSearch(raw), CAMPUS_ALIAS_TABLE).chars.join('')).toBe(expected);
  });

  it('drops the words that only make a question a question', () => {
    expect(applyAliases(normalizeForSearch('请问我的绩点怎么算呢？'), CAMPUS_ALIAS_TABLE).chars.join('')).toBe('绩点算');
  });

  it('matches a Latin alias as a whole word only', () => {
    const table = buildAliasTable([{ canonical: '四六级', aliases: ['cet'] }]);
    expect(applyAliases(normalizeForSearch('facet'), table).chars.join('')).toBe('facet');
    expect(applyAliases(normalizeForSearch('cetus'), table).chars.join('')).toBe('cetus');
    expect(applyAliases(normalizeForSearch('cet报名'), table).chars.join('')).toBe('四六级报名');
  });

  it('points every canonical character at the whole alias in the original', () => {
    const text = applyAliases(normalizeForSearch('考CET-4'), CAMPUS_ALIAS_TABLE);
    expect(text.chars).toEqual(['考', '四', '级']);
    expect(text.from).toEqual([0, 1, 1]);
    expect(text.to).toEqual([1, 6, 6]);
  });
});

describe('terms', () => {
  it('are characters, with a run of other letters and digits as one term', () => {
    expect(terms('iPhone密码2024年')).toEqual(['iphone', '密', '码', '2024', '年']);
  });

  it('make "cet4", "英语四级" and "四级" the same words', () => {
    expect(terms('cet4报名')).toEqual(terms('英语四级报名'));
    expect(terms('英語四級報名')).toEqual(terms('四级报名'));
  });

  it('can be bigrams, or both', () => {
    const text = normalizeForSearch('四级报名 cet');
    expect(tokenize(text, 'bigram').map((t) => t.term)).toEqual(['四级', '级报', '报名', 'cet']);
    expect(tokenize(text, 'unigram+bigram').map((t) => t.term)).toEqual(['四', '四级', '级', '级报', '报', '报名', '名', 'cet']);
    expect(tokenize(normalizeForSearch('a级b'), 'bigram').map((t) => t.term)).toEqual(['a', '级', 'b']);
  });

  it('hold only letters and digits, so a term can name a field in the statistics document', () => {
    for (const t of terms('a.b$c 四级 ${"$gt":1} __proto__ constructor')) expect(t).toMatch(/^[\p{L}\p{N}]+$/u);
  });
});
