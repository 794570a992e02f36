import type { AliasGroup } from './campus-aliases';
import { TRADITIONAL_SIMPLIFIED_PAIRS } from './traditional-to-simplified.table';

/**
 * Text as search sees it: NFKC (full-width ＣＥＴ４ is cet4, ① is 1), lower
 * case, traditional characters as simplified, and only letters and digits
 * kept (punctuation, spaces and emoji are not content to match on). Each
 * character remembers where it came from, so a match can be shown on the
 * text the person wrote.
 */
export interface SearchText {
  chars: string[];
  /** chars[i] came from original.slice(from[i], to[i]) (UTF-16 offsets). */
  from: number[];
  to: number[];
}

const SIMPLIFIED = new Map<string, string>();
{
  const chars = [...TRADITIONAL_SIMPLIFIED_PAIRS];
  for (let i = 0; i + 1 < chars.length; i += 2) SIMPLIFIED.set(chars[i]!, chars[i + 1]!);
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** Characters that stand alone as terms; runs of any other letters and digits make one word. */
const IDEOGRAPHIC = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;
const LATIN = /^[a-z]$/;

export function toSimplified(char: string): string {
  return SIMPLIFIED.get(char) ?? char;
}

export function isIdeographic(char: string): boolean {
  return IDEOGRAPHIC.test(char);
}

/** The most common case first: a unified ideograph is its own NFKC form and has no case. */
function searchForms(point: string): string {
  const code = point.codePointAt(0)!;
  if (code >= 0x4e00 && code <= 0x9fff) return toSimplified(point);
  let out = '';
  for (const char of point.normalize('NFKC').toLowerCase()) out += toSimplified(char);
  return out;
}

export function normalizeForSearch(raw: string): SearchText {
  const text: SearchText = { chars: [], from: [], to: [] };
  let offset = 0;
  for (const point of raw) {
    for (const char of searchForms(point)) {
      if (!LETTER_OR_DIGIT.test(char)) continue;
      text.chars.push(char);
      text.from.push(offset);
      text.to.push(offset + point.length);
    }
    offset += point.length;
  }
  return text;
}

interface AliasEntry {
  alias: string[];
  canonical: string[];
}

/** Alias groups (and words to drop) ready for matching: by first character, longest first. */
export type AliasTable = ReadonlyMap<string, readonly AliasEntry[]>;

/** `dropped`: words rewritten to nothing (fillers such as 请问 and 吗). */
export function buildAliasTable(groups: readonly AliasGroup[], dropped: readonly string[] = []): AliasTable {
  const table = new Map<string, AliasEntry[]>();
  const add = (alias: string, canonical: string) => {
    const entry = { alias: [...alias], canonical: [...canonical] };
    const first = entry.alias[0]!;
    table.set(first, [...(table.get(first) ?? []), entry]);
  };
  for (const group of groups) {
    // The canonical phrase maps to itself, so that "三方协议" is not read as the alias "三方" followed by "协议".
    add(group.canonical, group.canonical);
    for (const alias of group.aliases) add(alias, group.canonical);
  }
  for (const word of dropped) add(word, '');
  for (const entries of table.values()) entries.sort((a, b) => b.alias.length - a.alias.length);
  return table;
}

function matchesAt(text: SearchText, at: number, alias: readonly string[]): boolean {
  if (at + alias.length > text.chars.length) return false;
  for (let k = 0; k < alias.length; k++) if (text.chars[at + k] !== alias[k]) return false;
  // A Latin alias is a whole word: "cet" is not the end of "facet" nor the start of "cetus".
  if (LATIN.test(alias[0]!) && at > 0 && LATIN.test(text.chars[at - 1]!)) return false;
  const next = text.chars[at + alias.length];
  return !(LATIN.test(alias[alias.length - 1]!) && next !== undefined && LATIN.test(next));
}

/**
 * Rewrites every alias to its canonical phrase (and drops the dropped words),
 * longest match first, left to right. The canonical characters all point at
 * the whole alias in the original.
 */
export function applyAliases(text: SearchText, table: AliasTable): SearchText {
  const out: SearchText = { chars: [], from: [], to: [] };
  let i = 0;
  while (i < text.chars.length) {
    const entry = table.get(text.chars[i]!)?.find((e) => matchesAt(text, i, e.alias));
    if (!entry) {
      out.chars.push(text.chars[i]!);
      out.from.push(text.from[i]!);
      out.to.push(text.to[i]!);
      i += 1;
      continue;
    }
    const from = text.from[i]!;
    const to = text.to[i + entry.alias.length - 1]!;
    for (const char of entry.canonical) {
      out.chars.push(char);
      out.from.push(from);
      out.to.push(to);
    }
    i += entry.alias.length;
  }
  return out;
}
