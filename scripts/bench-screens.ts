import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crisisSignals } from '../shared/domain/crisis-signals';
import { BUILT_IN_WORDS, KeywordContentChecker } from '../shared/server/adapters/keyword-content-checker';
import { ROOT } from './local-cloud/local-cloud';

/**
 * How the two text screens behave on ordinary questions people ask (LCQMC,
 * BQ and DataCLUE CIC, read from ../shared/data, never copied into the
 * project): how often the crisis lane fires on them (each a false alarm a
 * counsellor would look at) and what the word list holds, and how fast both run.
 */
const DATA = join(ROOT, '..', 'shared', 'data');

function sentences(): string[] {
  const out = new Set<string>();
  for (const file of ['lcqmc/dev.txt', 'lcqmc/test.txt']) {
    const path = join(DATA, file);
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, 'utf8').split('\n')) for (const s of line.split('\t').slice(0, 2)) if (s.trim()) out.add(s.trim());
  }
  const bq = join(DATA, 'bq', 'test.csv');
  if (existsSync(bq)) for (const line of readFileSync(bq, 'utf8').split('\n').slice(1)) for (const s of line.split(',').slice(0, 2)) if (s.trim()) out.add(s.trim());
  const cic = join(DATA, 'dataclue-cic', 'train.json');
  if (existsSync(cic)) for (const line of readFileSync(cic, 'utf8').split('\n')) if (line.trim()) out.add((JSON.parse(line) as { sentence: string }).sentence);
  return [...out];
}

export async function benchScreens(): Promise<string[]> {
  const all = sentences();
  if (all.length === 0) return ['  ../shared/data not found: nothing to measure'];
  let t = process.hrtime.bigint();
  const fired = all.filter((s) => crisisSignals(s).length > 0);
  const crisisMs = Number(process.hrtime.bigint() - t) / 1e6;
  const checker = new KeywordContentChecker({ moderationWords: async () => ({ _id: 'moderation-words', ...BUILT_IN_WORDS, updatedAt: 0 }) });
  await checker.check('预热');
  t = process.hrtime.bigint();
  const verdicts = { pass: 0, review: 0, risky: 0 };
  for (const s of all) verdicts[(await checker.check(s)).verdict] += 1;
  const wordsMs = Number(process.hrtime.bigint() - t) / 1e6;
  const pct = (n: number) => `${((n / all.length) * 100).toFixed(3)}%`;
  return [
    `  ordinary questions screened   ${all.length}`,
    `  crisis lane fired on          ${fired.length} (${pct(fired.length)})  ${(crisisMs / all.length * 1000).toFixed(1)} µs a question`,
    ...fired.slice(0, 12).map((s) => `      ${s}  ← ${crisisSignals(s).map((x) => x.match).join('、')}`),
    `  word list: review ${verdicts.review} (${pct(verdicts.review)}), refused ${verdicts.risky} (${pct(verdicts.risky)})  ${(wordsMs / all.length * 1000).toFixed(1)} µs a question`,
  ];
}

if (require.main === module) {
  benchScreens().then((lines) => console.log(lines.join('\n')));
}
