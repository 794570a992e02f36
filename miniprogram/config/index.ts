import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/**
 * One config for both targets. `TARO_ENV` picks the output folder so the weapp
 * bundle (dist/, the project.config.json `miniprogramRoot`) and the H5 bundle
 * (dist-h5/, served by the local gateway at `/`) never overwrite each other.
 */
const sharedRoot = path.resolve(__dirname, '../../shared');
/**
 * Packages in node_modules that ship syntax newer than ES5 (zod 3: arrow
 * functions, classes, `?.`, `??`, default parameters). The weapp must be ES5
 * (docs/decisions/0011), so Babel (babel.config.js, the browserslist in
 * package.json) transpiles these too; Taro already transpiles its own
 * `@tarojs/*` packages, and the rest (react, react-dom's reconciler, dayjs and
 * its plugins, @babel/runtime) are ES5 as published. tests/weapp/es5.test.ts
 * names any shipped file that is not, and the package to add here.
 */
const TRANSPILED_PACKAGES = ['zod'];
const transpiledPackage = new RegExp(`[\\\\/]node_modules[\\\\/](${TRANSPILED_PACKAGES.join('|')})[\\\\/]`);
/** Where `npm start` runs the local cloud (only used by the H5 dev server proxy). */
const gatewayUrl = process.env.QNZS_GATEWAY_URL ?? 'http://127.0.0.1:8787';

export default defineConfig<'webpack5'>(async (merge) => {
  const isH5 = process.env.TARO_ENV === 'h5';
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'qingnian-zhisheng-campus',
    date: '2026-11-21',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    defineConstants: {},
    // Front-end variables, read once in src/config/env.ts. The shell wins here so
    // `TARO_APP_API_BASE=http://127.0.0.1:8787 npm run build:weapp` gives a
    // DevTools build that talks to the local gateway; a miniprogram/.env.local
    // file (Taro dotenv) overrides both. Empty API base: weapp uses
    // Taro.cloud, H5 uses same-origin relative URLs.
    env: {
      TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? ''),
      TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
    },
    alias: {
      '@shared': sharedRoot,
      '@': path.resolve(__dirname, '../src'),
    },
    // app.json's `sitemapLocation` points at sitemap.json in the weapp root;
    // Taro does not copy it on its own. The web build has no use for it.
    copy: { patterns: isH5 ? [] : [{ from: 'src/sitemap.json', to: 'dist/sitemap.json' }], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // Webpack's persistent cache (node_modules/.cache/webpack), only when
    // `npm start` rebuilds a stale H5 bundle (scripts/build-stale.ts sets
    // QNZS_BUILD_CACHE=1). `npm test` and the build:* scripts build from scratch.
    cache: {
      enable: process.env.QNZS_BUILD_CACHE === '1',
      buildDependencies: { config: [__filename, path.resolve(__dirname, '../babel.config.js'), path.resolve(__dirname, '../../package.json')] },
    },
    mini: {
      // Files under ../shared sit outside the source root; without this they
      // would reach the bundle untranspiled (TypeScript syntax).
      compile: { include: [sharedRoot, (file: string) => transpiledPackage.test(file)] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // History-API URLs (/pages/ask/index?college=…); the local gateway falls back
      // to index.html for unknown paths, so deep links and reloads work.
      router: { mode: 'browser' },
      // `npm run dev:h5` serves on its own port; forward API and dev-tool calls to
      // the local cloud so the same relative URLs work as when the gateway serves dist-h5.
      devServer: {
        port: 10086,
        proxy: {
          '/api': { target: gatewayUrl, changeOrigin: true },
          '/__dev': { target: gatewayUrl, changeOrigin: true },
        },
      },
      compile: { include: [sharedRoot] },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[chunkhash].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
