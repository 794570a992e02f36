/**
 * Runs WeChat's miniprogram-ci on the project, offline, for tests/weapp/wechat-ci.test.ts:
 *
 *   node tests/weapp/wechat-ci-check.cjs <project root> <output dir>
 *
 * 1. `ci.checkCodeQuality(project)`: the DevTools 代码质量扫描 (package sizes,
 *    JS/WXML/WXSS compression on, lazyCodeLoading on, image and audio size,
 *    main-package code only other packages use, unused components, plugins and
 *    files). It reads project.config.json and miniprogram/dist only.
 * 2. `ci.getCompiledResult(...)`: what an upload compiles, with the project's
 *    own settings (`useProjectConfig`): app.json, page JSON and sitemap checks,
 *    then JS, WXML and WXSS compression. An upload first asks WeChat's servers
 *    for the account's project attributes, signed with the upload key; offline
 *    we give the project the attributes miniprogram-ci itself defaults to
 *    (`ci.DefaultProjectAttr`: 2 MB packages, 40 KB tab bar icons, 2–5 tabs),
 *    through the `attr()` method its project interface documents.
 *
 * Neither step signs anything, so the project carries a placeholder key; no
 * request leaves the machine. It runs in its own process because
 * miniprogram-ci leaves a file watcher and a compiler process running after it
 * answers, which would keep jest from exiting. The result goes to
 * <output dir>/result.json (miniprogram-ci logs to stdout), the compiled files
 * under <output dir>/compiled/.
 */
const fs = require('node:fs');
const path = require('node:path');

const [root, outDir] = process.argv.slice(2);
const NO_KEY = 'not-a-key: checkCodeQuality and the offline compile never sign a request';

function write(result) {
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'result.json'), JSON.stringify(result, null, 1));
}

(async () => {
  const ci = require('miniprogram-ci');
  const config = JSON.parse(fs.readFileSync(path.join(root, 'project.config.json'), 'utf8'));
  const project = new ci.Project({ appid: config.appid, type: 'miniProgram', projectPath: root, privateKey: NO_KEY });

  const quality = await ci.checkCodeQuality(project);

  project.attr = async () => ci.DefaultProjectAttr;
  const compiled = await ci.getCompiledResult({ project, desc: 'offline check', setting: { useProjectConfig: true }, onProgressUpdate: () => {} });
  const files = {};
  for (const [file, content] of Object.entries(compiled)) {
    const target = path.join(outDir, 'compiled', file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
    files[file] = Buffer.byteLength(content);
  }
  write({ ok: true, version: require('miniprogram-ci/package.json').version, quality, compiled: files });
  process.exit(0);
})().catch((err) => {
  write({ ok: false, error: err && err.stack ? err.stack : String(err) });
  process.exit(1);
});
