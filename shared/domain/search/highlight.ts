import { normalizeForSearch } from './search-text';
import { analyze, isWordRun, SEARCH_ANALYZER, type Analyzer } from './search-terms';

/**
 * Where a text matches a query, to mark in a search result: spans of the text
 * as it was written (UTF-16 offsets, end exclusive), in order, not
 * overlapping. Matching is on terms, so "CET4" in the query marks "英语四级"
 * in the text and "報名" marks "报名". Neighbouring matches join across spaces
 * and punctuation ("四 六 级" is one span). A lone matching character is not
 * marked unless the query is one character: a 的 or a 学 scattered through an
 * answer is noise, not a match.
 */
export interface TextSpan {
  start: number;
  end: number;
}

export function highlightSpans(text: string, query: string, analyzer: Analyzer = SEARCH_ANALYZER): TextSpan[] {
  const wanted = new Set(analyze(query, analyzer).map((t) => t.term));
  if (wanted.size === 0) return [];
  const minimum = wanted.size === 1 ? 1 : 2;
  const runs: { start: number; end: number; terms: number; word: boolean }[] = [];
  for (const token of analyze(text, analyzer)) {
    if (!wanted.has(token.term)) continue;
    const last = runs[runs.length - 1];
    // Join when only what search ignores (spaces, punctuation) lies between; overlapping spans (an alias) join too.
    if (last && (token.from <= last.end || normalizeForSearch(text.slice(last.end, token.from)).chars.length === 0)) {
      last.end = Math.max(last.end, token.to);
      last.terms += 1;
      last.word ||= isWordRun(token.term);
    } else {
      runs.push({ start: token.from, end: token.to, terms: 1, word: isWordRun(token.term) });
    }
  }
  return runs.filter((r) => r.terms >= minimum || r.word).map(({ start, end }) => ({ start, end }));
}
