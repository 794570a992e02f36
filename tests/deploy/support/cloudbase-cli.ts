import http from 'node:http';
import https from 'node:https';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * What `tcb fn deploy` (@cloudbase/cli 2.12.10) does with this repository,
 * driven through the CLI's own code, with no login and no request sent:
 *
 * - config: @cloudbase/toolbox 0.7.19 `ConfigParser` (the CLI's
 *   `getCloudBaseConfig` in dist/standalone/cli.js calls
 *   `new ConfigParser({configPath}).get()`, then merges `functionDefaultConfig`);
 *   it reads `.env`, `.env.local`, `.env.<mode>` and process.env, renders
 *   `{{env.X}}` with mustache and parses the result as JSON.
 * - packaging and the CreateFunction request: @cloudbase/manager-node 4.10.6
 *   `FunctionService.createFunction` (the exact module the CLI bundles, compared
 *   line by line), with its cloud-API client replaced by a recorder.
 *
 * Both versions are pinned in package.json to what @cloudbase/cli 2.12.10 ships.
 */
export const ROOT = resolve(__dirname, '..', '..', '..');

export interface FunctionConfig {
  name: string;
  handler?: string;
  runtime?: string;
  timeout?: number;
  memorySize?: number;
  installDependency?: boolean;
  ignore?: string[];
  envVariables?: Record<string, unknown>;
  triggers?: { name: string; type: string; config: string }[];
  config?: Record<string, unknown>;
}

export interface CliConfig {
  envId: string;
  functionRoot?: string;
  functions: FunctionConfig[];
  functionDefaultConfig?: Record<string, unknown>;
}

/** Runs `fn` with no QNZS_/ENV_ID variables in process.env (the CLI lets process.env override .env). */
async function withoutProjectEnv<T>(fn: () => Promise<T>): Promise<T> {
  const saved = Object.entries(process.env).filter(([k]) => k.startsWith('QNZS_') || k === 'ENV_ID');
  for (const [k] of saved) delete process.env[k];
  try {
    return await fn();
  } finally {
    for (const [k, v] of saved) process.env[k] = v;
  }
}

/** cloudbaserc.json as the CLI sees it with `dotEnv` as the project's `.env`. */
export async function loadCliConfig(dotEnv: string, configPath = join(ROOT, 'cloudbaserc.json')): Promise<CliConfig> {
  const cwd = mkdtempSync(join(tmpdir(), 'qnzs-cli-'));
  try {
    writeFileSync(join(cwd, '.env'), dotEnv);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ConfigParser } = require('@cloudbase/toolbox/lib/config/cloudbase') as {
      ConfigParser: new (o: { cwd: string; configPath: string }) => { get(): Promise<CliConfig> };
    };
    const config = await withoutProjectEnv(() => new ConfigParser({ cwd, configPath }).get());
    // The CLI would merge functionDefaultConfig into every function (lodash.merge); this project does not use it.
    if (config.functionDefaultConfig) throw new Error('cloudbaserc.json: functionDefaultConfig is not modelled by this test helper');
    return config;
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

export interface RecordedRequest {
  service: string;
  action: string;
  params: Record<string, any>;
}

/** Fails any attempt to reach the network while `fn` runs. */
export async function offline<T>(fn: () => Promise<T>): Promise<T> {
  const refuse = (what: string) => () => {
    throw new Error(`network request attempted (${what}) during an offline CLI walk-through`);
  };
  const spies = [
    jest.spyOn(http, 'request').mockImplementation(refuse('http.request')),
    jest.spyOn(https, 'request').mockImplementation(refuse('https.request')),
    jest.spyOn(http, 'get').mockImplementation(refuse('http.get')),
    jest.spyOn(https, 'get').mockImplementation(refuse('https.get')),
    jest.spyOn(globalThis, 'fetch').mockImplementation(refuse('fetch')),
  ];
  try {
    return await fn();
  } finally {
    for (const s of spies) s.mockRestore();
  }
}

/**
 * `tcb fn deploy <name> --force` for one function of the parsed config: the
 * CLI's createFunction wrapper (`func = {...func.config, ...func}`,
 * `isWaitInstall = true`), then manager-node's createFunction. Returns the
 * cloud-API requests it would have sent. The code goes as a ZipFile
 * (`--deployMode zip`) rather than through COS: the same FunctionPacker and
 * ignore list build the zip either way, and no upload is needed to read it.
 */
export async function recordDeploy(
  config: CliConfig,
  name: string,
  options: { envId?: string; /** Deploy under another name (the packer's temp folder is per name; parallel test files must not share it). */ as?: string } = {},
): Promise<RecordedRequest[]> {
  const envId = options.envId ?? 'campus-prod-1a2b';
  const func = config.functions.find((f) => f.name === name);
  if (!func) throw new Error(`cloudbaserc.json has no function "${name}"`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const CloudBase = require('@cloudbase/manager-node') as new (o: object) => { functions: any; currentEnvironment(): any };
  const manager = new CloudBase({ secretId: 'AKIDofflinetest', secretKey: 'offline', envId });
  const environment = manager.currentEnvironment();
  environment.lazyEnvironmentConfig = { EnvId: envId, Functions: [{ Namespace: envId, Region: 'ap-shanghai' }], Databases: [{ InstanceId: 'tnt-test' }] };
  environment.inited = true;

  const service = manager.functions;
  const recorded: RecordedRequest[] = [];
  const recorder = (serviceName: string) => async (action: string, params: Record<string, any>) => {
    recorded.push({ service: serviceName, action, params });
    return action === 'GetFunction' ? { Status: 'Active', RequestId: 'offline' } : { RequestId: 'offline' };
  };
  service.scfService.request = recorder('scf');
  service.tcbService.request = recorder('tcb');
  service.waitFunctionActive = async () => undefined;

  const functionRootPath = join(ROOT, config.functionRoot ?? 'functions');
  const cliFunc = { ...(func.config ?? {}), ...func, isWaitInstall: true, ...(options.as ? { name: options.as } : {}) };
  const functionPath = options.as ? join(functionRootPath, name) : undefined;
  const log = jest.spyOn(console, 'log').mockImplementation(() => {});
  try {
    await offline(() => service.createFunction({ func: cliFunc, envId, force: true, functionRootPath, functionPath, deployMode: 'zip' }));
  } finally {
    log.mockRestore();
  }
  return recorded;
}

/** The file names inside a base64 zip (the ZipFile of a CreateFunction request). */
export async function zipEntries(base64: string): Promise<{ path: string; type: string; buffer(): Promise<Buffer> }[]> {
  // unzipper is what manager-node itself uses to read zips.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const unzipper = require(require.resolve('unzipper', { paths: [require.resolve('@cloudbase/manager-node')] }));
  const directory = await unzipper.Open.buffer(Buffer.from(base64, 'base64'));
  return directory.files;
}
