import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The layering rules in .dependency-cruiser.cjs catch what they claim to: for
 * each rule, a probe file placed where the rule applies makes one forbidden
 * import, and dependency-cruiser (run as `npm run lint:deps` runs it) must
 * report exactly that rule for it. The probes live only while this test runs.
 */
const ROOT = join(__dirname, '..', '..');
const TAG = `zz-depcruise-probe-${process.pid}`;

interface Probe {
  rule: string;
  file: string;
  imports: string;
}

const probes: Probe[] = [
  { rule: 'domain-is-pure', file: `shared/domain/${TAG}.ts`, imports: '../server/clock' },
  { rule: 'contracts-depend-on-zod-and-domain-only', file: `shared/contracts/${TAG}.ts`, imports: '../server/ports/records' },
  { rule: 'ports-are-declarations', file: `shared/server/ports/${TAG}.ts`, imports: '../config' },
  { rule: 'use-cases-through-ports', file: `shared/server/use-cases/${TAG}-config.ts`, imports: '../config' },
  { rule: 'use-cases-through-ports', file: `shared/server/use-cases/${TAG}-ids.ts`, imports: '../ids' },
  { rule: 'adapters-only-in-composition-roots', file: `shared/server/use-cases/${TAG}-adapter.ts`, imports: '../adapters/outbox-notifier' },
  { rule: 'api-plumbing-through-use-cases', file: `shared/server/api/${TAG}.ts`, imports: '../config' },
  { rule: 'sdk-only-in-adapters', file: `shared/server/${TAG}.ts`, imports: '@cloudbase/node-sdk' },
  { rule: 'sdk-only-in-adapters', file: `cloudfunctions/scheduler/src/${TAG}.ts`, imports: '@cloudbase/node-sdk' },
  { rule: 'miniprogram-not-to-server', file: `miniprogram/src/pages/${TAG}.ts`, imports: '@shared/server/ids' },
  { rule: 'only-services-reach-the-backend', file: `miniprogram/src/hooks/${TAG}.ts`, imports: '../services/transport' },
  { rule: 'functions-not-to-miniprogram', file: `cloudfunctions/scheduler/src/${TAG}-mp.ts`, imports: '../../../miniprogram/src/utils/time' },
  { rule: 'not-to-unresolvable', file: `shared/domain/${TAG}-missing.ts`, imports: './no-such-module' },
];

const circular = [`shared/domain/${TAG}-a.ts`, `shared/domain/${TAG}-b.ts`];

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

let violations: Violation[] = [];

beforeAll(() => {
  const write = (file: string, body: string) => {
    mkdirSync(dirname(join(ROOT, file)), { recursive: true });
    writeFileSync(join(ROOT, file), body);
  };
  for (const p of probes) write(p.file, `import * as probe from '${p.imports}';\nexport const used = probe;\n`);
  write(circular[0]!, `import { b } from './${TAG}-b';\nexport const a = () => b;\n`);
  write(circular[1]!, `import { a } from './${TAG}-a';\nexport const b = () => a;\n`);
  try {
    const out = execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'), ...probes.map((p) => p.file), ...circular, '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    violations = (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations;
  } catch (err) {
    // depcruise exits non-zero when it finds violations (which it must here); its report is on stdout.
    const { stdout, stderr } = err as { stdout?: string; stderr?: string };
    if (!stdout) throw new Error(`dependency-cruiser did not run: ${stderr ?? String(err)}`);
    violations = (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations;
  }
}, 60_000);

afterAll(() => {
  for (const file of [...probes.map((p) => p.file), ...circular]) rmSync(join(ROOT, file), { force: true });
});

describe('the dependency rules', () => {
  it.each(probes.map((p) => [p.rule, p.file, p.imports] as const))('%s catches %s importing %s', (rule, file) => {
    expect(violations.filter((v) => v.from === file).map((v) => v.rule.name)).toContain(rule);
  });

  it('no-circular catches two modules importing each other', () => {
    expect(violations.filter((v) => circular.includes(v.from)).map((v) => v.rule.name)).toContain('no-circular');
  });
});
