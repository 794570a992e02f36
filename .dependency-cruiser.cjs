/**
 * Dependencies point inward. `npm test` runs this (npm run lint:deps), and
 * tests/unit/dependency-rules.test.ts shows each rule catching a violating import.
 *
 *   shared/domain           pure rules: imports only itself (and dayjs)
 *   shared/contracts        zod schemas: the domain and zod
 *   shared/server/ports     what use cases need (interfaces, stored records)
 *   shared/server/use-cases every use case: ports, domain, contracts — never an adapter, the SDK or config
 *   shared/server/api       the api plumbing: use cases, ports, contracts
 *   shared/server/adapters  CloudBase, WeChat, the local outbox: the only code that touches an SDK
 *   cloudfunctions/*\/src    composition roots: the only server code that wires adapters and reads config
 *   miniprogram/src         talks to the backend only through src/services and the shared contracts
 */
const SDKS = ['^node_modules/@cloudbase', '^node_modules/wx-server-sdk', '^wx-server-sdk$'];

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'shared/domain holds pure rules: time and ids are passed in, no infrastructure.',
      from: { path: '^shared/domain' },
      to: { pathNot: ['^shared/domain', '^node_modules/dayjs'] },
    },
    {
      name: 'contracts-depend-on-zod-and-domain-only',
      severity: 'error',
      from: { path: '^shared/contracts' },
      to: { pathNot: ['^shared/contracts', '^shared/domain', '^node_modules/zod'] },
    },
    {
      name: 'ports-are-declarations',
      severity: 'error',
      comment: 'Ports name capabilities; they depend on nothing but the domain, the contracts and each other.',
      from: { path: '^shared/server/ports' },
      to: { pathNot: ['^shared/server/ports', '^shared/domain', '^shared/contracts'] },
    },
    {
      name: 'use-cases-through-ports',
      severity: 'error',
      comment: 'A use case reaches storage, messaging, time and ids only through ports; adapters, SDKs and config are wired by the composition roots.',
      from: { path: '^shared/server/use-cases' },
      to: { pathNot: ['^shared/server/use-cases', '^shared/server/ports', '^shared/domain', '^shared/contracts', '^node_modules/zod'] },
    },
    {
      name: 'api-plumbing-through-use-cases',
      severity: 'error',
      comment: 'The api plumbing dispatches to use cases; it never reaches an adapter or an SDK itself.',
      from: { path: '^shared/server/api' },
      to: { pathNot: ['^shared/server/api', '^shared/server/use-cases', '^shared/server/ports', '^shared/domain', '^shared/contracts', '^node_modules/zod'] },
    },
    {
      name: 'adapters-only-in-composition-roots',
      severity: 'error',
      comment: 'Only cloudfunctions/*/src/index.ts (and scripts, tests) choose adapters.',
      from: { path: '^shared', pathNot: '^shared/server/adapters' },
      to: { path: '^shared/server/adapters' },
    },
    {
      name: 'sdk-only-in-adapters',
      severity: 'error',
      comment: '@cloudbase/node-sdk and wx-server-sdk are reached through adapters only.',
      from: { path: ['^shared', '^cloudfunctions'], pathNot: '^shared/server/adapters' },
      to: { path: SDKS },
    },
    {
      name: 'miniprogram-not-to-server',
      severity: 'error',
      comment: 'The mini-program talks to the backend only through its services and the shared contracts.',
      from: { path: '^miniprogram/src' },
      to: { path: ['^shared/server', '^cloudfunctions', '^scripts', ...SDKS, '^node_modules/better-sqlite3', '^node_modules/mingo'] },
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
      from: { path: '^(cloudfunctions|shared)' },
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
