import { CODES, LocalDbError, unsupported } from './ejson-values';

/**
 * CloudBase (MongoDB underneath) evaluates regular expressions with PCRE; the
 * local cloud runs them as JavaScript RegExps. This translates a PCRE pattern
 * into a JS pattern with the same meaning, or refuses by name the constructs JS
 * cannot express.
 *
 * Flags (https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/Database.RegExp.html):
 * CloudBase documents i, m and s; MongoDB also accepts x (extended) and u
 * (redundant: patterns are UTF-8 already). Any other flag — a JS `/re/g` sends
 * "g" — MongoDB rejects with "invalid flag in regex options".
 *
 * PCRE differences handled here (MongoDB's PCRE: UTF mode, no UCP, newline = LF):
 * `$` without m also matches before a final newline; `.` excludes only \n; with m,
 * `^`/`$` work at \n only; `\s` is ASCII whitespace (JS's also matches U+3000);
 * `\A \z \Z \Q..\E \h \v \R \N`, `(?P<name>)`, `(?#comment)` and POSIX classes.
 * Refused: inline flags `(?i)`, atomic groups, possessive quantifiers, recursion,
 * conditionals, `\G`, `\K`.
 */
const cache = new Map<string, RegExp>();

const SYNTAX = new Set(['^', '$', '\\', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '/']);
const ASCII_SPACE = '\\t\\n\\v\\f\\r ';
const POSIX: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ASCII_SPACE,
  blank: ' \\t',
  xdigit: '0-9A-Fa-f',
  word: 'A-Za-z0-9_',
  punct: '!-\\/:-@\\[-`{-~',
  cntrl: '\\x00-\\x1f\\x7f',
  print: ' -~',
  graph: '!-~',
};

export function compileRegex(pattern: string, options: string): RegExp {
  const key = `${options}/${pattern}`;
  const hit = cache.get(key);
  if (hit) return hit;
  for (const f of options) {
    if (!'imsxu'.includes(f)) throw new LocalDbError(CODES.failed, `invalid flag in regex options: ${f}`);
  }
  const flags = { i: options.includes('i'), m: options.includes('m'), s: options.includes('s'), x: options.includes('x') };
  const source = translate(pattern, flags);
  let re: RegExp;
  try {
    re = new RegExp(source, flags.i ? 'iu' : 'u');
  } catch (err) {
    throw new LocalDbError(CODES.unsupported, `regular expression /${pattern}/${options} cannot be run by the local cloud: ${(err as Error).message}`);
  }
  cache.set(key, re);
  return re;
}

function refuse(construct: string, pattern: string): LocalDbError {
  return unsupported(`the regular-expression construct ${construct} (in /${pattern}/)`);
}

function literal(ch: string): string {
  return SYNTAX.has(ch) ? `\\${ch}` : ch === '-' ? '\\-' : ch;
}

function property(name: string, negate: boolean, pattern: string): string {
  const p = negate ? 'P' : 'p';
  for (const candidate of [name, `Script=${name}`]) {
    try {
      new RegExp(`\\${p}{${candidate}}`, 'u');
      return `\\${p}{${candidate}}`;
    } catch {
      /* try the next spelling */
    }
  }
  throw refuse(`\\${p}{${name}}`, pattern);
}

function translate(pattern: string, flags: { i: boolean; m: boolean; s: boolean; x: boolean }): string {
  let out = '';
  let i = 0;
  const n = pattern.length;
  const peek = (k = 0) => pattern[i + k];

  // One escape sequence starting at pattern[i] === '\\'; inClass changes a few meanings.
  const escape = (inClass: boolean): string => {
    const c = pattern[i + 1];
    if (c === undefined) throw new LocalDbError(CODES.failed, `Regular expression is invalid: \\ at end of pattern`);
    i += 2;
    switch (c) {
      case 'd':
        return inClass ? '0-9' : '[0-9]';
      case 'D':
        return inClass ? '\\D' : '[^0-9]';
      case 'w':
        return inClass ? 'A-Za-z0-9_' : '[A-Za-z0-9_]';
      case 'W':
        return inClass ? '\\W' : '[^A-Za-z0-9_]';
      case 's':
        return inClass ? ASCII_SPACE : `[${ASCII_SPACE}]`;
      case 'S':
        if (inClass) throw refuse('\\S inside a character class', pattern);
        return `[^${ASCII_SPACE}]`;
      case 'h':
        return inClass ? ' \\t\\xa0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000' : '[ \\t\\xa0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000]';
      case 'v':
        return inClass ? '\\n\\v\\f\\r\\x85\\u2028\\u2029' : '[\\n\\v\\f\\r\\x85\\u2028\\u2029]';
      case 'R':
        if (inClass) throw refuse('\\R inside a character class', pattern);
        return '(?:\\r\\n|[\\n\\v\\f\\r\\x85\\u2028\\u2029])';
      case 'N':
        if (inClass) throw refuse('\\N inside a character class', pattern);
        return '[^\\n]';
      case 'b':
        return inClass ? '\\x08' : '\\b';
      case 'B':
        if (inClass) throw refuse('\\B inside a character class', pattern);
        return '\\B';
      case 'A':
        return '^';
      case 'z':
        return '$';
      case 'Z':
        return '(?=\\n?$)';
      case 'e':
        return '\\x1b';
      case 'a':
        return '\\x07';
      case 'n':
      case 't':
      case 'r':
      case 'f':
        return `\\${c}`;
      case 'c': {
        const ctl = pattern[i];
        i += 1;
        if (!ctl || !/[A-Za-z]/.test(ctl)) throw refuse(`\\c${ctl ?? ''}`, pattern);
        return `\\c${ctl}`;
      }
      case 'x': {
        if (pattern[i] === '{') {
          const end = pattern.indexOf('}', i);
          const hex = pattern.slice(i + 1, end);
          if (end < 0 || !/^[0-9A-Fa-f]{1,6}$/.test(hex)) throw refuse('\\x{…}', pattern);
          i = end + 1;
          return `\\u{${hex}}`;
        }
        const hex = /^[0-9A-Fa-f]{0,2}/.exec(pattern.slice(i))![0];
        i += hex.length;
        return `\\u{${hex || '0'}}`;
      }
      case 'p':
      case 'P': {
        let name: string;
        if (pattern[i] === '{') {
          const end = pattern.indexOf('}', i);
          if (end < 0) throw refuse(`\\${c}{`, pattern);
          name = pattern.slice(i + 1, end);
          i = end + 1;
        } else {
          name = pattern[i] ?? '';
          i += 1;
        }
        let negate = c === 'P';
        if (name.startsWith('^')) {
          negate = !negate;
          name = name.slice(1);
        }
        return property(name, negate, pattern);
      }
      case 'k': {
        const open = pattern[i];
        const close = open === '<' ? '>' : open === '{' ? '}' : open === "'" ? "'" : null;
        const end = close ? pattern.indexOf(close, i + 1) : -1;
        if (inClass || end < 0) throw refuse('\\k', pattern);
        const name = pattern.slice(i + 1, end);
        i = end + 1;
        return `\\k<${name}>`;
      }
      case 'Q': {
        const end = pattern.indexOf('\\E', i);
        const text = end < 0 ? pattern.slice(i) : pattern.slice(i, end);
        i = end < 0 ? n : end + 2;
        return [...text].map((ch) => (inClass ? (ch === ']' || ch === '\\' || ch === '-' || ch === '[' ? `\\${ch}` : ch) : literal(ch))).join('');
      }
      case 'E':
        return '';
      case '0': {
        const oct = /^[0-7]{0,2}/.exec(pattern.slice(i))![0];
        i += oct.length;
        return `\\u{${parseInt(`0${oct}`, 8).toString(16)}}`;
      }
      default:
        if (/[1-9]/.test(c)) {
          if (inClass) throw refuse(`\\${c} inside a character class`, pattern);
          const digits = /^[0-9]*/.exec(pattern.slice(i))![0];
          i += digits.length;
          return `\\${c}${digits}`;
        }
        if (/[A-Za-z]/.test(c)) throw refuse(`\\${c}`, pattern);
        // Any other escaped character is itself.
        if (inClass) return c === ']' || c === '\\' || c === '-' || c === '[' || c === '^' ? `\\${c}` : c;
        return literal(c);
    }
  };

  const characterClass = (): string => {
    // pattern[i] === '['
    i += 1;
    let body = '';
    let negate = false;
    if (peek() === '^') {
      negate = true;
      i += 1;
    }
    let first = true;
    while (i < n) {
      const ch = pattern[i]!;
      if (ch === ']' && !first) {
        i += 1;
        return `[${negate ? '^' : ''}${body}]`;
      }
      first = false;
      if (ch === '[' && peek(1) === ':') {
        const end = pattern.indexOf(':]', i + 2);
        if (end > 0) {
          const name = pattern.slice(i + 2, end);
          const ranges = POSIX[name];
          if (!ranges) throw refuse(`[:${name}:]`, pattern);
          body += ranges;
          i = end + 2;
          continue;
        }
      }
      if (ch === '\\') {
        body += escape(true);
        continue;
      }
      body += ch === ']' || ch === '[' ? `\\${ch}` : ch === '/' ? '\\/' : ch;
      i += 1;
    }
    throw new LocalDbError(CODES.failed, `Regular expression is invalid: missing terminating ] for character class`);
  };

  while (i < n) {
    const ch = pattern[i]!;
    if (flags.x && /[ \t\n\r\f\v]/.test(ch)) {
      i += 1;
      continue;
    }
    if (flags.x && ch === '#') {
      const nl = pattern.indexOf('\n', i);
      i = nl < 0 ? n : nl + 1;
      continue;
    }
    switch (ch) {
      case '\\':
        out += escape(false);
        continue;
      case '[':
        out += characterClass();
        continue;
      case '.':
        out += flags.s ? '[^]' : '[^\\n]';
        i += 1;
        continue;
      case '^':
        out += flags.m ? '(?:^|(?<=\\n))' : '^';
        i += 1;
        continue;
      case '$':
        out += flags.m ? '(?=\\n|$)' : '(?=\\n?$)';
        i += 1;
        continue;
      case '(': {
        if (peek(1) !== '?') {
          if (peek(1) === '*') throw refuse('(*VERB)', pattern);
          out += '(';
          i += 1;
          continue;
        }
        const rest = pattern.slice(i + 2);
        if (rest.startsWith(':') || rest.startsWith('=') || rest.startsWith('!') || rest.startsWith('<=') || rest.startsWith('<!')) {
          const len = rest.startsWith('<') ? 2 : 1;
          out += `(?${rest.slice(0, len)}`;
          i += 2 + len;
          continue;
        }
        const named = /^(?:P?<([A-Za-z_][A-Za-z0-9_]*)>|'([A-Za-z_][A-Za-z0-9_]*)')/.exec(rest);
        if (named) {
          out += `(?<${named[1] ?? named[2]}>`;
          i += 2 + named[0].length;
          continue;
        }
        if (rest.startsWith('#')) {
          const end = pattern.indexOf(')', i);
          i = end < 0 ? n : end + 1;
          continue;
        }
        const construct = /^[^)]*\)?/.exec(rest)![0];
        throw refuse(`(?${construct.length > 6 ? `${construct.slice(0, 6)}…` : construct}`, pattern);
      }
      case '*':
      case '+':
      case '?':
      case '}': {
        if (ch === '}') {
          out += '\\}';
          i += 1;
          continue;
        }
        out += ch;
        i += 1;
        if (peek() === '+') throw refuse(`the possessive quantifier ${ch}+`, pattern);
        if (peek() === '?') {
          out += '?';
          i += 1;
        }
        continue;
      }
      case '{': {
        const q = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
        if (!q) {
          out += '\\{';
          i += 1;
          continue;
        }
        out += q[0];
        i += q[0].length;
        if (peek() === '+') throw refuse(`the possessive quantifier ${q[0]}+`, pattern);
        if (peek() === '?') {
          out += '?';
          i += 1;
        }
        continue;
      }
      case ']':
        out += '\\]';
        i += 1;
        continue;
      case '/':
        out += '\\/';
        i += 1;
        continue;
      default:
        out += ch;
        i += 1;
    }
  }
  return out;
}
