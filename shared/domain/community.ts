import { analyze, CAMPUS_ALIAS_TABLE, type Analyzer } from './search/search-terms';
import { applyAliases, normalizeForSearch } from './search/search-text';

/**
 * The community around the questions: 同问, follows, likes, hot tags and
 * expert figures. Pure rules; the server stores one record per person per
 * thing and keeps counts with atomic increments
 * (docs/decisions/0019-community-counters-and-messages.md).
 */

/** What a person can do to a thing, one record each. */
export const REACTION_KINDS = ['metoo', 'follow', 'like'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];

/** What can be liked or followed: answers now; topic posts and articles reuse the same records later. */
export const REACTION_TARGET_TYPES = ['question', 'answer', 'topicPost', 'article'] as const;
export type ReactionTargetType = (typeof REACTION_TARGET_TYPES)[number];

/** How many 同问 make a question a concern its unit is told about (once). */
export const METOO_THRESHOLD = 10;

/** Counter document ids (one document per counted figure, `_.inc`'d). */
export function likeCounterId(targetType: ReactionTargetType, targetId: string): string {
  return `likes.${targetType}.${targetId}`;
}
export function likesReceivedCounterId(openid: string): string {
  return `likesReceived.${openid}`;
}

// ---------------------------------------------------------------- hot tags

export interface HotTagSource {
  id: string;
  title: string;
  categoryId: string;
  createdAt: number;
}

export interface HotTag {
  kind: 'category' | 'keyword';
  /** The category's id, or the keyword itself. */
  key: string;
  label: string;
  /** Recent questions under it. */
  count: number;
  /** Up to three of those questions (public, published ones only: the caller gives nothing else). */
  sampleIds: string[];
}

/** Two-character words that say nothing about a topic. */
const STOP_WORDS = new Set([
  '请问', '什么', '怎么', '如何', '可以', '是否', '能否', '为什么', '学校', '同学', '老师', '我们', '你们', '他们', '有没', '没有', '时候',
  '问题', '一下', '这个', '那个', '哪里', '多少', '需要', '现在', '已经', '还是', '还有', '一个', '知道', '希望', '想问', '关于', '大家',
  '能不', '不能', '是不', '不是', '有什', '么时', '么办', '怎样', '哪些', '应该', '为什', '么要', '么样', '情况', '之后', '以后', '目前', '时间',
]);

const BIGRAM_ANALYZER: Analyzer = { aliases: CAMPUS_ALIAS_TABLE, scheme: 'bigram' };

/** A title as search reads it: normalised (simplified, lower case) with the campus aliases applied (一卡通 → 校园卡). */
function searchForm(title: string): string {
  return applyAliases(normalizeForSearch(title), CAMPUS_ALIAS_TABLE).chars.join('');
}

function ideographicBigrams(text: string): string[] {
  return analyze(text, { ...BIGRAM_ANALYZER, aliases: null })
    .map((t) => t.term)
    .filter((t) => [...t].length === 2 && /^[\u4e00-\u9fa5]+$/.test(t) && !STOP_WORDS.has(t));
}

const MAX_KEYWORD_CHARS = 4;

/**
 * Keywords of recent questions: two-character words (the search tokenizer's
 * bigrams, over the text as search reads it) found in at least `minDocs`
 * titles, grown one character at a time while at least 80% of their titles
 * share the longer word (校园 + 卡 → 校园卡), up to four characters. A word
 * made mostly of the same questions as one already chosen, sharing a
 * character with it, is the same topic and is skipped (卡丢 beside 校园卡).
 */
export function extractKeywords(sources: readonly HotTagSource[], options: { minDocs?: number; limit?: number } = {}): { word: string; ids: string[] }[] {
  const minDocs = options.minDocs ?? 2;
  const limit = options.limit ?? 10;
  const docsOf = new Map<string, Set<string>>();
  const texts = new Map(sources.map((s) => [s.id, searchForm(s.title)]));
  for (const s of sources) {
    for (const b of new Set(ideographicBigrams(texts.get(s.id)!))) {
      let set = docsOf.get(b);
      if (!set) docsOf.set(b, (set = new Set()));
      set.add(s.id);
    }
  }
  const ranked = [...docsOf.entries()]
    .filter(([, ids]) => ids.size >= minDocs)
    .sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]));
  const chosen: { word: string; ids: string[] }[] = [];
  for (const [bigram, ids] of ranked) {
    if (chosen.length >= limit) break;
    const list = [...ids];
    const word = grow(bigram, list.map((id) => texts.get(id)!));
    const sameTopic = chosen.some((c) => {
      if (c.word.includes(word) || word.includes(c.word)) return true;
      const shares = [...word].some((ch) => c.word.includes(ch));
      const within = list.filter((id) => c.ids.includes(id)).length;
      return shares && within >= Math.ceil(list.length * 0.8);
    });
    if (!sameTopic) chosen.push({ word, ids: list });
  }
  return chosen;
}

/** Extends a word left or right while at least 80% of the texts holding it hold the longer word. */
function grow(word: string, texts: string[]): string {
  let current = word;
  while ([...current].length < MAX_KEYWORD_CHARS) {
    const extensions = new Map<string, number>();
    for (const text of texts) {
      const chars = [...text];
      const at = text.indexOf(current);
      if (at < 0) continue;
      const index = [...text.slice(0, at)].length;
      const before = chars[index - 1];
      const after = chars[index + [...current].length];
      for (const longer of [before ? before + current : null, after ? current + after : null]) {
        if (longer && /^[\u4e00-\u9fa5]+$/.test(longer)) extensions.set(longer, (extensions.get(longer) ?? 0) + 1);
      }
    }
    const best = [...extensions.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    if (!best || best[1] < Math.ceil(texts.length * 0.8)) break;
    current = best[0];
  }
  return current;
}

/**
 * 热点标签: the categories with the most recent questions, then the keywords.
 * `sources` must already be public, published questions: whatever is passed
 * may appear as a sample.
 */
export function computeHotTags(sources: readonly HotTagSource[], categoryName: (id: string) => string, options: { categories?: number; keywords?: number } = {}): HotTag[] {
  const newestFirst = [...sources].sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id));
  const byCategory = new Map<string, string[]>();
  for (const s of newestFirst) {
    const list = byCategory.get(s.categoryId) ?? [];
    list.push(s.id);
    byCategory.set(s.categoryId, list);
  }
  const categories: HotTag[] = [...byCategory.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .slice(0, options.categories ?? 6)
    .map(([id, ids]) => ({ kind: 'category', key: id, label: categoryName(id), count: ids.length, sampleIds: ids.slice(0, 3) }));
  const order = new Map(newestFirst.map((s, i) => [s.id, i]));
  const keywords: HotTag[] = extractKeywords(newestFirst, { limit: options.keywords ?? 10 }).map(({ word, ids }) => ({
    kind: 'keyword',
    key: word,
    label: word,
    count: ids.length,
    sampleIds: [...ids].sort((a, b) => order.get(a)! - order.get(b)!).slice(0, 3),
  }));
  return [...categories, ...keywords];
}

// ---------------------------------------------------------------- expert figures

/** One official answer, as the figures need it. */
export interface AnsweredFact {
  responderOpenid: string;
  askedAt: number;
  answeredAt: number;
  satisfied: boolean | null;
}

export interface ExpertFigures {
  answers: number;
  rated: number;
  satisfied: number;
  /** Median time from question to official answer, ms; null without answers. */
  medianResponseMs: number | null;
}

export function expertFiguresOf(facts: readonly AnsweredFact[]): Map<string, ExpertFigures> {
  const grouped = new Map<string, AnsweredFact[]>();
  for (const f of facts) grouped.set(f.responderOpenid, [...(grouped.get(f.responderOpenid) ?? []), f]);
  const out = new Map<string, ExpertFigures>();
  for (const [openid, list] of grouped) {
    const times = list.map((f) => Math.max(0, f.answeredAt - f.askedAt)).sort((a, b) => a - b);
    const mid = Math.floor(times.length / 2);
    const median = times.length === 0 ? null : times.length % 2 === 1 ? times[mid]! : Math.round((times[mid - 1]! + times[mid]!) / 2);
    const rated = list.filter((f) => f.satisfied !== null);
    out.set(openid, { answers: list.length, rated: rated.length, satisfied: rated.filter((f) => f.satisfied).length, medianResponseMs: median });
  }
  return out;
}
