import fs from 'node:fs';
import path from 'node:path';
import { es5Problem } from './es5-check';

/**
 * The weapp ships ES5 (docs/decisions/0011-what-the-weapp-ships.md): every
 * script WeChat loads from miniprogram/dist — the .js files and the WXS
 * modules — must parse with a real ES5 parser. Build first (`npm run build:weapp`).
 */
const DIST = path.resolve(__dirname, '../../miniprogram/dist');
const HINT =
  'Find the package that ships this syntax and add it to TRANSPILED_PACKAGES in miniprogram/config/index.ts ' +
  '(docs/decisions/0011-what-the-weapp-ships.md).';

function scriptsIn(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return scriptsIn(full);
    return /\.(js|wxs)$/.test(e.name) ? [full] : [];
  });
}

test('the weapp build exists (run `npm run build:weapp` before jest)', () => {
  if (!fs.existsSync(path.join(DIST, 'app.json'))) {
    throw new Error(`miniprogram/dist/app.json is missing: run \`npm run build:weapp\` first (expected it under ${DIST}).`);
  }
});

test('the ES5 check refuses what ES2015 and later add (so a pass means something)', () => {
  const later = [
    'var f = (a) => a;',
    'class A {}',
    'let a = 1;',
    'const a = 1;',
    'var s = `x${1}`;',
    'function f(a = 1) {}',
    'var { a } = b;',
    'f(...a);',
    'var o = { a };',
    'var x = a?.b;',
    'var x = a ?? b;',
    'async function f() {}',
    'function* g() {}',
    'for (var x of y) {}',
    'var n = 2 ** 3;',
  ];
  expect(later.filter((src) => es5Problem(src) === null)).toEqual([]);
  expect(es5Problem('var o = { "default": 1, a: function () { return this["class"]; } }; o.default;')).toBeNull();
});

test('every .js and .wxs file in miniprogram/dist parses as ES5 (acorn, ecmaVersion 5)', () => {
  const files = scriptsIn(DIST);
  const names = files.map((f) => path.relative(DIST, f).split(path.sep).join('/'));
  // The runtime, the vendor chunk with React and zod, Taro, and every page are among them.
  expect(names).toEqual(expect.arrayContaining(['app.js', 'runtime.js', 'taro.js', 'vendors.js', 'common.js', 'pages/index/index.js']));
  const problems = files.flatMap((file, i) => {
    const problem = es5Problem(fs.readFileSync(file, 'utf8'));
    return problem ? [`miniprogram/dist/${names[i]}:${problem}`] : [];
  });
  if (problems.length) throw new Error(`Not ES5:\n${problems.join('\n')}\n${HINT}`);
});
