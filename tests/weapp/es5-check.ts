import { parse } from 'acorn';

/**
 * Where a script stops being ES5, as `line:column message near "…"`, or null
 * when acorn parses all of it at `ecmaVersion: 5` (docs/decisions/0011).
 */
export function es5Problem(source: string): string | null {
  try {
    parse(source, { ecmaVersion: 5, sourceType: 'script', locations: true });
    return null;
  } catch (err) {
    const e = err as SyntaxError & { pos?: number; loc?: { line: number; column: number } };
    const at = e.pos ?? 0;
    const near = source.slice(Math.max(0, at - 50), at + 30).replace(/\s+/g, ' ');
    return `${e.loc ? `${e.loc.line}:${e.loc.column + 1}` : `@${at}`} ${e.message.replace(/ \(\d+:\d+\)$/, '')} near ${JSON.stringify(near)}`;
  }
}
