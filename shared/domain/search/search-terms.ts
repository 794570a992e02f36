import { CAMPUS_ALIASES, FILLER_WORDS } from './campus-aliases';
import { applyAliases, buildAliasTable, isIdeographic, normalizeForSearch, type AliasTable, type SearchText } from './search-text';

/**
 * Terms: what the index stores and the query looks up. Chinese (and Japanese,
 * Korean) characters are terms one by one; a run of other letters and digits
 * ("cet4", "2024", "wifi") is one term. Bigrams are two neighbouring
 * characters. docs/decisions/0015-chinese-search-lexical.md has the
 * measurements behind the default: character unigrams over text with the
 * campus aliases applied.
 */
export type TermScheme = 'unigram' | 'bigram' | 'unigram+bigram';

export interface Analyzer {
  aliases: AliasTable | null;
  scheme: TermScheme;
}

export interface Token {
  term: string;
  /** Where the term came from in the original text (UTF-16 offsets). */
  from: number;
  to: number;
}

export const CAMPUS_ALIAS_TABLE: AliasTable = buildAliasTable(CAMPUS_ALIASES, FILLER_WORDS);

export const SEARCH_ANALYZER: Analyzer = { aliases: CAMPUS_ALIAS_TABLE, scheme: 'unigram' };

/** A term made of letters and digits other than ideographs ("cet4", "2024"), rather than of characters. */
export function isWordRun(term: string): boolean {
  return !isIdeographic(String.fromCodePoint(term.codePointAt(0)!));
}

/** Characters and word runs, in order: the units terms are made of. */
function units(text: SearchText): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.chars.length) {
    const char = text.chars[i]!;
    if (isIdeographic(char)) {
      out.push({ term: char, from: text.from[i]!, to: text.to[i]! });
      i += 1;
      continue;
    }
    let end = i + 1;
    while (end < text.chars.length && !isIdeographic(text.chars[end]!)) end += 1;
    out.push({ term: text.chars.slice(i, end).join(''), from: text.from[i]!, to: text.to[end - 1]! });
    i = end;
  }
  return out;
}

export function tokenize(text: SearchText, scheme: TermScheme): Token[] {
  const unigrams = units(text);
  if (scheme === 'unigram') return unigrams;
  const out: Token[] = [];
  unigrams.forEach((unit, i) => {
    const next = unigrams[i + 1];
    const previous = unigrams[i - 1];
    const pairsForward = next !== undefined && isIdeographic(unit.term) && isIdeographic(next.term);
    const pairedBackward = previous !== undefined && isIdeographic(unit.term) && isIdeographic(previous.term);
    if (scheme === 'unigram+bigram' || !(pairsForward || pairedBackward)) out.push(unit);
    if (pairsForward) out.push({ term: unit.term + next.term, from: unit.from, to: next.to });
  });
  return out;
}

export function analyze(raw: string, analyzer: Analyzer = SEARCH_ANALYZER): Token[] {
  const normalized = normalizeForSearch(raw);
  return tokenize(analyzer.aliases ? applyAliases(normalized, analyzer.aliases) : normalized, analyzer.scheme);
}
