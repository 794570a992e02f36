/**
 * Dependencies point inward. `npm test` runs this (npm run lint:deps).
 * - shared/domain is pure: no SDK, no Taro, no server code, no Node built-ins.
 * - shared/contracts depend only on zod and the domain.
 * - the mini-program never imports server code, scripts or the SDK.
 * - cloud functions never import the mini-program.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'shared/domain holds pure rules: time and ids are passed in, no infrastructure.',
      from: { path: '^shared/domain' },
      to: {
        pathNot: ['^shared/domain', '^node_modules/dayjs'],
      },
    },
    {
      name: 'contracts-depend-on-zod-and-domain-only',
      severity: 'error',
      from: { path: '^shared/contracts' },
      to: { pathNot: ['^shared/contracts', '^shared/domain', '^node_modules/zod'] },
    },
    {
      name: 'miniprogram-not-to-server',
      severity: 'error',
      comment: 'The mini-program talks to the backend only through its services and the shared contracts.',
      from: { path: '^miniprogram/src' },
      to: { path: ['^shared/server', '^cloudfunctions', '^scripts', '^node_modules/@cloudbase', '^node_modules/better-sqlite3', '^node_modules/mingo'] },
    },
    {
      name: 'only-services-reach-the-backend',
      severity: 'error',
      comment: 'Pages, hooks and components call services; only src/services touches the network transport.',
      from: { path: '^miniprogram/src', pathNot: '^miniprogram/src/services' },
      to: { path: '^miniprogram/src/services/transport' },
    },
    {
      name: 'functions-not-to-miniprogram',
      severity: 'error',
      from: { path: '^(cloudfunctions|shared/server)' },
      to: { path: ['^miniprogram', '^scripts'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'wx-server-sdk is a cloud-only dependency, declared in the functions\' package.json and loaded lazily.',
      from: {},
      to: { couldNotResolve: true, pathNot: '^wx-server-sdk$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^miniprogram/(dist|dist-h5)/|^cloudfunctions/[^/]+/index\\.js$' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.jsx', '.json', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
