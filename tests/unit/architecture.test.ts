import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * What dependency-cruiser cannot see: hidden clocks, random ids and environment
 * reads inside code that must stay pure or go through its one config module.
 */
const ROOT = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function offenders(dir: string, pattern: RegExp, allowed: string[] = []): string[] {
  return sourceFiles(join(ROOT, dir))
    .map((f) => relative(ROOT, f))
    .filter((f) => !allowed.includes(f))
    .filter((f) => pattern.test(readFileSync(join(ROOT, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')));
}

describe('architecture', () => {
  it('keeps the domain free of hidden clocks, randomness and environment reads', () => {
    expect(offenders('shared/domain', /Date\.now\(|new Date\(|Math\.random\(|process\.env/)).toEqual([]);
  });

  it('reads process.env on the server only in the config module', () => {
    expect(offenders('shared/server', /process\.env/, ['shared/server/config.ts'])).toEqual([]);
    expect(offenders('cloudfunctions/api/src', /process\.env/)).toEqual([]);
    expect(offenders('cloudfunctions/scheduler/src', /process\.env/)).toEqual([]);
  });

  it('lets use cases take time and ids as inputs', () => {
    expect(offenders('shared/server/use-cases', /Date\.now\(|new Date\(|Math\.random\(|randomBytes|randomUUID/)).toEqual([]);
  });

  it('reaches the cloud from the mini-program only in src/services', () => {
    const outside = offenders('miniprogram/src', /Taro\.cloud\b|\bwx\.cloud\b|callFunction\(/).filter((f) => !f.startsWith('miniprogram/src/services/'));
    expect(outside).toEqual([]);
    expect(offenders('miniprogram/src/services', /Taro\.cloud\b/).length).toBeGreaterThan(0);
  });

  it('finds what it looks for (the checks above are not vacuous)', () => {
    expect(sourceFiles(join(ROOT, 'shared/server/use-cases')).length).toBeGreaterThan(10);
    expect(offenders('shared/server', /process\.env/)).toEqual(['shared/server/config.ts']);
  });
});
