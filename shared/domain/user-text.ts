/**
 * What people type, made the same text on both sides: the form counts and
 * checks exactly what the server will store.
 *
 * Normalising removes what is never content — control characters (NUL, BEL,
 * ESC, backspace…), bidirectional overrides and isolates (which can disguise
 * text), zero-width spaces and the byte-order mark — turns CR LF into LF,
 * collapses runs of spaces, keeps at most one empty line in a row, and trims.
 * A one-line field (a title, a reason) has its line breaks turned into spaces.
 *
 * Length is counted in characters as a person sees them: a Chinese character,
 * a letter or an emoji is 1 (code points, not JavaScript's UTF-16 units; emoji
 * variation selectors and joiners do not count). Minimums count only what is
 * not white space, so "   好  " is one character long.
 */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;
const NOT_COUNTED = /[\u200D\uFE00-\uFE0F]|\uDB40[\uDD00-\uDDEF]/g;

export function normalizeText(raw: string, options: { singleLine?: boolean } = {}): string {
  let text = raw.replace(/\r\n?/g, '\n').replace(INVISIBLE, '');
  if (options.singleLine) text = text.replace(/\s+/g, ' ');
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00A0\u3000]+/g, (run) => (run.includes('\u3000') ? '\u3000' : ' ')).trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Characters as a person counts them (see above). */
export function countChars(text: string): number {
  return [...text.replace(NOT_COUNTED, '')].length;
}

/** Characters that are not white space: what a minimum counts. */
export function countVisibleChars(text: string): number {
  return countChars(text.replace(/\s/g, ''));
}

