/** A matched stretch of a text, in UTF-16 offsets (the search contract's TextSpan). */
export interface TextSpan {
  start: number;
  end: number;
}

export interface TextSegment {
  text: string;
  /** A matched word: shown bold, in the brand colour. */
  hit: boolean;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The text cut into plain and matched pieces. Spans come from the server and
 * are trusted for nothing: out of range, empty, unsorted or overlapping spans
 * are clamped and merged, and a span never cuts an emoji (a surrogate pair) in half.
 */
export function splitHighlights(text: string, spans: readonly TextSpan[]): TextSegment[] {
  const ranges = spans
    .map(({ start, end }) => {
      let s = Math.max(0, Math.min(text.length, Math.floor(start)));
      let e = Math.max(0, Math.min(text.length, Math.floor(end)));
      if (s > 0 && isLowSurrogate(text.charCodeAt(s)) && isHighSurrogate(text.charCodeAt(s - 1))) s -= 1;
      if (e < text.length && isLowSurrogate(text.charCodeAt(e)) && isHighSurrogate(text.charCodeAt(e - 1))) e += 1;
      return { start: s, end: e };
    })
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);

  const merged: TextSpan[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }

  const segments: TextSegment[] = [];
  let at = 0;
  for (const r of merged) {
    if (r.start > at) segments.push({ text: text.slice(at, r.start), hit: false });
    segments.push({ text: text.slice(r.start, r.end), hit: true });
    at = r.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), hit: false });
  return segments;
}
