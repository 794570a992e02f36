import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readServerConfig, SERVER_CONFIG_VARIABLES } from '../../shared/server/config';
import { loadCliConfig, offline, recordDeploy, ROOT, zipEntries, type CliConfig } from './support/cloudbase-cli';

/**
 * `tcb fn deploy` walked through with the CloudBase CLI's own config loader and
 * deploy code (see support/cloudbase-cli.ts): what each function receives and
 * what gets uploaded. Nothing is sent anywhere.
 */
const FUNCTIONS = ['api', 'feed', 'scheduler'];
const LOGISTICS = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abcd-1234-efgh';
const CS = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=cs0000000001';

const DEPLOYED: Record<string, string> = {
  QNZS_ENV_ID: 'campus-prod-1a2b',
  QNZS_TEMPLATE_REMINDER: 'tplReminder_001',
  QNZS_TEMPLATE_ESCALATION: 'tplEscalation_001',
  QNZS_TEMPLATE_REPLY: 'tplReply_001',
  QNZS_TEMPLATE_PROGRESS: 'tplProgress_001',
  QNZS_MINIPROGRAM_STATE: 'trial',
  QNZS_REMINDER_HOURS: '6,2',
  QNZS_AUTO_CLOSE_DAYS: '10',
  QNZS_FALLBACK_WEBHOOKS: `d-logistics=${LOGISTICS},c-cs=${CS}`,
  QNZS_ASK_PER_HOUR: '20',
  QNZS_URGENT_PER_DAY: '5',
  QNZS_TRANSFER_MIN_HOURS: '6',
  QNZS_REPORT_THRESHOLD: '5',
  QNZS_RETENTION_DAYS: '365',
  QNZS_EXPORT_TOKEN: 'feed-token-0123456789abcdef0123456789abcdef',
  QNZS_MINIPROGRAM_APPID: 'wx0123456789abcdef',
  QNZS_WEB_BASE_URL: 'https://qnzs.example.edu.cn',
};
const dotEnv = (vars: Record<string, string>) => Object.entries(vars).map(([k, v]) => `${k}=${v}`).join('\n') + '\n';
const rawConfig = () => JSON.parse(readFileSync(join(ROOT, 'cloudbaserc.json'), 'utf8')) as CliConfig;

describe('cloudbaserc.json passes every variable the functions read', () => {
  it.each(FUNCTIONS)('%s: envVariables are exactly SERVER_CONFIG_VARIABLES, each from .env', (name) => {
    const func = rawConfig().functions.find((f) => f.name === name)!;
    expect(Object.keys(func.envVariables ?? {}).sort()).toEqual([...SERVER_CONFIG_VARIABLES].sort());
    for (const [key, value] of Object.entries(func.envVariables ?? {})) expect(value).toBe(`{{env.${key}}}`);
  });

  it('lists exactly the functions that exist', () => {
    expect(rawConfig().functions.map((f) => f.name).sort()).toEqual(FUNCTIONS);
    expect(rawConfig().envId).toBe('{{env.QNZS_ENV_ID}}');
  });
});

describe('the CLI\'s config loader with a project .env', () => {
  it('hands every value to every function as the same string, and the functions accept them', async () => {
    const config = await offline(() => loadCliConfig(dotEnv(DEPLOYED)));
    expect(config.envId).toBe('campus-prod-1a2b');
    for (const name of FUNCTIONS) {
      const vars = config.functions.find((f) => f.name === name)!.envVariables!;
      expect(vars).toEqual(DEPLOYED);
      const settings = readServerConfig(vars as Record<string, string>);
      expect(settings.fallbackWebhooks).toEqual({ 'd-logistics': LOGISTICS, 'c-cs': CS });
      expect(settings).toMatchObject({ miniprogramState: 'trial', reminderOffsetsHours: [6, 2], askLimits: { perHour: 20, urgentPerDay: 5 } });
    }
  });

  it('hands a variable missing from .env on as empty, and the function then uses its default', async () => {
    const required = Object.fromEntries(Object.entries(DEPLOYED).filter(([k]) => k === 'QNZS_ENV_ID' || k.startsWith('QNZS_TEMPLATE_')));
    const config = await offline(() => loadCliConfig(dotEnv(required)));
    const vars = config.functions.find((f) => f.name === 'scheduler')!.envVariables as Record<string, string>;
    expect(vars.QNZS_FALLBACK_WEBHOOKS).toBe('');
    expect(vars.QNZS_REMINDER_HOURS).toBe('');
    expect(readServerConfig(vars)).toEqual(readServerConfig(required));
  });

  it('cannot carry QNZS_FALLBACK_WEBHOOKS as JSON: raw JSON breaks its parse, escaped JSON arrives as an object', async () => {
    const json = JSON.stringify({ 'd-logistics': LOGISTICS });
    await expect(offline(() => loadCliConfig(dotEnv({ ...DEPLOYED, QNZS_FALLBACK_WEBHOOKS: json })))).rejects.toThrow(SyntaxError);

    const escaped = json.replace(/"/g, '\\"');
    const config = await offline(() => loadCliConfig(dotEnv({ ...DEPLOYED, QNZS_FALLBACK_WEBHOOKS: escaped })));
    expect(config.functions[0]!.envVariables!.QNZS_FALLBACK_WEBHOOKS).toEqual({ 'd-logistics': LOGISTICS });
    // Had it reached a function as text, the function would have refused it, saying why.
    expect(() => readServerConfig({ ...DEPLOYED, QNZS_FALLBACK_WEBHOOKS: json })).toThrow(/JSON is not accepted/);
  });
});

describe('.env.example', () => {
  it('documents every variable, and its values, with ids filled in, start the functions', async () => {
    const example = readFileSync(join(ROOT, '.env.example'), 'utf8');
    const names = [...example.matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect(names).toEqual(expect.arrayContaining([...SERVER_CONFIG_VARIABLES]));
    const ids = Object.fromEntries(Object.entries(DEPLOYED).filter(([k]) => k === 'QNZS_ENV_ID' || k.startsWith('QNZS_TEMPLATE_')));
    const filled = example.replace(/^(QNZS_ENV_ID|QNZS_TEMPLATE_[A-Z]+)=$/gm, (_line, name: string) => `${name}=${ids[name]}`);
    const config = await offline(() => loadCliConfig(filled));
    const vars = config.functions.find((f) => f.name === 'api')!.envVariables as Record<string, string>;
    expect(readServerConfig(vars)).toEqual(readServerConfig(ids));
    expect(Object.keys(vars)).not.toContain('TENCENTCLOUD_SECRETID');
  });
});

describe('what `tcb fn deploy <name> --force` sends (recorded, not sent)', () => {
  let config: CliConfig;
  beforeAll(async () => {
    config = await offline(() => loadCliConfig(dotEnv(DEPLOYED)));
  });

  it.each(FUNCTIONS)('%s: CreateFunction carries every variable as a string, the runtime and online install', async (name) => {
    const requests = await recordDeploy(config, name);
    const create = requests.find((r) => r.action === 'CreateFunction')!;
    expect(create.params).toMatchObject({ FunctionName: name, Handler: 'index.main', Runtime: 'Nodejs18.15', InstallDependency: 'TRUE' });
    const variables = create.params.Environment.Variables as { Key: string; Value: unknown }[];
    expect(Object.fromEntries(variables.map((v) => [v.Key, v.Value]))).toEqual(DEPLOYED);
    for (const v of variables) expect(typeof v.Value).toBe('string');
  });

  it('creates the scheduler\'s 5-minute timer trigger', async () => {
    const requests = await recordDeploy(config, 'scheduler');
    const trigger = requests.find((r) => r.action === 'BatchCreateTrigger')!;
    expect(JSON.parse(trigger.params.Triggers)).toEqual([{ TriggerName: 'tick', Type: 'timer', TriggerDesc: '0 */5 * * * * *' }]);
    expect(requests.find((r) => r.action === 'CreateFunction')!.params.Timeout).toBe(60);
  });

  it.each(FUNCTIONS)('%s: uploads only index.js and package.json, the built bundle byte for byte', async (name) => {
    const requests = await recordDeploy(config, name);
    const files = await zipEntries(requests.find((r) => r.action === 'CreateFunction')!.params.Code.ZipFile);
    expect(files.map((f) => f.path).sort()).toEqual(['index.js', 'package.json']);
    const bundle = files.find((f) => f.path === 'index.js')!;
    expect((await bundle.buffer()).equals(readFileSync(join(ROOT, 'cloudfunctions', name, 'index.js')))).toBe(true);
  });

  it('would have shipped the TypeScript sources with the old ignore list ("src" matches the folder, not its files)', async () => {
    const old = { ...config, functions: config.functions.map((f) => ({ ...f, ignore: ['src', '*.map', 'node_modules'] })) };
    const requests = await recordDeploy(old, 'api', { as: 'api-old-ignore' });
    const files = (await zipEntries(requests.find((r) => r.action === 'CreateFunction')!.params.Code.ZipFile)).map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['index.js', 'package.json', 'src/index.ts']));
  });
});

describe('config.json (read only by WeChat DevTools uploads)', () => {
  it.each(FUNCTIONS)('%s: grants only the open API the code calls, and agrees with cloudbaserc.json', (name) => {
    const devtools = JSON.parse(readFileSync(join(ROOT, 'cloudfunctions', name, 'config.json'), 'utf8'));
    const cli = rawConfig().functions.find((f) => f.name === name)!;
    // The api checks what people publish (msgSecCheck), binds staff phones and makes mini-program codes;
    // the scheduler only sends messages; the feed only reads.
    const granted =
      name === 'api' ? ['subscribeMessage.send', 'security.msgSecCheck', 'phonenumber.getPhoneNumber', 'wxacode.getUnlimited'] : name === 'scheduler' ? ['subscribeMessage.send'] : [];
    expect(devtools.permissions).toEqual({ openapi: granted });
    const bundle = readFileSync(join(ROOT, 'cloudfunctions', name, 'index.js'), 'utf8');
    if (name === 'feed') expect(bundle).not.toContain('subscribeMessage');
    else expect(bundle).toContain('subscribeMessage.send(');
    if (name === 'api') expect(bundle).toContain('security.msgSecCheck(');
    if (name === 'api') expect(bundle).toContain('phonenumber.getPhoneNumber(');
    if (name === 'api') expect(bundle).toContain('wxacode.getUnlimited(');
    const others = ['templateMessage', 'uniformMessage', 'customerServiceMessage', 'wxacode.get(', 'wxacode.createQRCode', ...(name === 'api' ? [] : ['msgSecCheck', 'getPhoneNumber', 'wxacode'])];
    for (const other of others) expect(bundle).not.toContain(other);
    expect(devtools.timeout).toBe(cli.timeout);
    expect(devtools.runtime).toBe(cli.runtime);
    expect(devtools.triggers ?? []).toEqual(cli.triggers ?? []);
  });
});
