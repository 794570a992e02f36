import { FALLBACK_WEBHOOKS_EXAMPLE, parseFallbackWebhooks, readServerConfig, SERVER_CONFIG_VARIABLES } from '../../shared/server/config';

const CLOUD = {
  QNZS_ENV_ID: 'campus-prod-1a2b',
  QNZS_TEMPLATE_REMINDER: 'tplReminder_001',
  QNZS_TEMPLATE_ESCALATION: 'tplEscalation_001',
  QNZS_TEMPLATE_REPLY: 'tplReply_001',
  QNZS_TEMPLATE_PROGRESS: 'tplProgress_001',
};
const LOGISTICS = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abcd-1234-efgh';
const CS = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=cs0000000001';

describe('function configuration, validated at start', () => {
  it('reads a complete cloud configuration', () => {
    const config = readServerConfig({
      ...CLOUD,
      QNZS_MINIPROGRAM_STATE: 'trial',
      QNZS_REMINDER_HOURS: '6,2',
      QNZS_AUTO_CLOSE_DAYS: '10',
      QNZS_FALLBACK_WEBHOOKS: `d-logistics=${LOGISTICS},c-cs=${CS}`,
      QNZS_ASK_PER_HOUR: '20',
      QNZS_URGENT_PER_DAY: '5',
      QNZS_REPORT_THRESHOLD: '5',
      QNZS_RETENTION_DAYS: '365',
      QNZS_EXPORT_TOKEN: 'feed-token-0123456789abcdef0123456789abcdef',
      QNZS_MINIPROGRAM_APPID: 'wx0123456789abcdef',
      QNZS_WEB_BASE_URL: 'https://qnzs.example.edu.cn/h5/',
    });
    expect(config).toEqual({
      envId: 'campus-prod-1a2b',
      localCloud: false,
      templates: { reminder: 'tplReminder_001', escalation: 'tplEscalation_001', reply: 'tplReply_001', progress: 'tplProgress_001' },
      miniprogramState: 'trial',
      reminderOffsetsHours: [6, 2],
      casePolicy: expect.objectContaining({ autoCloseDays: 10 }),
      fallbackWebhooks: { 'd-logistics': LOGISTICS, 'c-cs': CS },
      askLimits: { perHour: 20, urgentPerDay: 5 },
      reportThreshold: 5,
      retentionDays: 365,
      exportToken: 'feed-token-0123456789abcdef0123456789abcdef',
      miniprogramAppId: 'wx0123456789abcdef',
      webBaseUrl: 'https://qnzs.example.edu.cn/h5',
    });
  });

  it('leaves the export feed closed without a token, and refuses a token that could be guessed', () => {
    expect(readServerConfig(CLOUD).exportToken).toBeNull();
    expect(() => readServerConfig({ ...CLOUD, QNZS_EXPORT_TOKEN: 'secret' })).toThrow(/QNZS_EXPORT_TOKEN must be 32–256/);
    expect(() => readServerConfig({ ...CLOUD, QNZS_EXPORT_TOKEN: `${'a'.repeat(40)} "quoted"` })).toThrow(/QNZS_EXPORT_TOKEN/);
  });

  it('treats an empty value as unset, so a variable deploy passes empty keeps its default', () => {
    const empty = Object.fromEntries(SERVER_CONFIG_VARIABLES.map((name) => [name, '']));
    const config = readServerConfig({ ...empty, ...CLOUD });
    const defaults = readServerConfig(CLOUD);
    expect(config).toEqual(defaults);
    expect(config.fallbackWebhooks).toEqual({});
  });

  it('refuses to start in the cloud without template ids, naming every problem', () => {
    expect(() => readServerConfig({ QNZS_ENV_ID: 'campus-prod' })).toThrow(/QNZS_TEMPLATE_REMINDER: missing[\s\S]*QNZS_TEMPLATE_PROGRESS: missing/);
  });

  it('refuses a fallback that is not a WeCom group robot, and bad numbers', () => {
    expect(() => readServerConfig({ ...CLOUD, QNZS_FALLBACK_WEBHOOKS: 'd-logistics=http://evil.example/hook' })).toThrow(/QNZS_FALLBACK_WEBHOOKS: d-logistics: .*WeCom group robot/);
    expect(() => readServerConfig({ ...CLOUD, QNZS_REMINDER_HOURS: '4,soon' })).toThrow(/QNZS_REMINDER_HOURS/);
    expect(() => readServerConfig({ ...CLOUD, QNZS_AUTO_CLOSE_DAYS: '0' })).toThrow(/QNZS_AUTO_CLOSE_DAYS/);
    expect(() => readServerConfig({ ...CLOUD, QNZS_TRANSFER_MIN_HOURS: '30' })).toThrow(/QNZS_TRANSFER_MIN_HOURS/);
    expect(readServerConfig({ ...CLOUD, QNZS_TRANSFER_MIN_HOURS: '6' }).casePolicy.transferMinHours).toBe(6);
    expect(() => readServerConfig({ ...CLOUD, QNZS_ASK_PER_HOUR: 'many' })).toThrow(/QNZS_ASK_PER_HOUR/);
    expect(() => readServerConfig({ ...CLOUD, QNZS_REPORT_THRESHOLD: '0' })).toThrow(/QNZS_REPORT_THRESHOLD "0" must be a whole number of reports, 1–100/);
    expect(() => readServerConfig({ ...CLOUD, QNZS_RETENTION_DAYS: '7' })).toThrow(/QNZS_RETENTION_DAYS "7" must be a whole number of days, 30–3650/);
    expect(() => readServerConfig({ ...CLOUD, QNZS_MINIPROGRAM_STATE: 'beta' })).toThrow(/QNZS_MINIPROGRAM_STATE/);
  });

  it('takes the mini-program AppID and the PC web address only in their own forms', () => {
    expect(readServerConfig(CLOUD)).toMatchObject({ miniprogramAppId: null, webBaseUrl: null });
    expect(() => readServerConfig({ ...CLOUD, QNZS_MINIPROGRAM_APPID: 'wx-local-dev' })).toThrow(/QNZS_MINIPROGRAM_APPID "wx-local-dev" must be a mini-program AppID/);
    expect(() => readServerConfig({ ...CLOUD, QNZS_MINIPROGRAM_APPID: 'WX0123456789ABCDEF' })).toThrow(/QNZS_MINIPROGRAM_APPID/);
    for (const bad of ['http://qnzs.example.edu.cn', 'qnzs.example.edu.cn', 'https://qnzs.example.edu.cn/?from=menu', 'https://qnzs.example.edu.cn/#/pages', 'javascript:alert(1)']) {
      expect(() => readServerConfig({ ...CLOUD, QNZS_WEB_BASE_URL: bad })).toThrow(/QNZS_WEB_BASE_URL/);
    }
    // Plain http only on this machine (the local cloud's own gateway).
    expect(readServerConfig({ ...CLOUD, QNZS_WEB_BASE_URL: 'http://127.0.0.1:8787' }).webBaseUrl).toBe('http://127.0.0.1:8787');
  });

  it('fills local template ids under the local cloud', () => {
    expect(readServerConfig({ LOCAL_CLOUD: 'true' }).templates).toEqual({
      reminder: 'local-reminder',
      escalation: 'local-escalation',
      reply: 'local-reply',
      progress: 'local-progress',
    });
  });
});

describe('QNZS_FALLBACK_WEBHOOKS: unitId=URL pairs separated by commas', () => {
  it('reads pairs, tolerating spaces and a trailing comma', () => {
    expect(parseFallbackWebhooks(` d-logistics = ${LOGISTICS} ,c-cs=${CS},`)).toEqual({ ok: true, webhooks: { 'd-logistics': LOGISTICS, 'c-cs': CS } });
    expect(parseFallbackWebhooks(FALLBACK_WEBHOOKS_EXAMPLE.replace('<robot-key>', 'abcdefgh12'))).toEqual({
      ok: true,
      webhooks: { 'd-logistics': 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abcdefgh12' },
    });
  });

  it('refuses JSON, saying why and what to write instead', () => {
    const json = JSON.stringify({ 'd-logistics': LOGISTICS });
    expect(() => readServerConfig({ ...CLOUD, QNZS_FALLBACK_WEBHOOKS: json })).toThrow(
      /QNZS_FALLBACK_WEBHOOKS: JSON is not accepted \(it does not survive the CloudBase CLI's \.env substitution\); write unitId=URL pairs/,
    );
    // What the CLI hands on when escaped JSON was rendered into an object.
    expect(parseFallbackWebhooks('[object Object]')).toMatchObject({ ok: false, problems: [expect.stringMatching(/JSON is not accepted/)] });
  });

  it('names each bad entry', () => {
    const parsed = parseFallbackWebhooks(`d-logistics=${LOGISTICS},just-a-unit,bad id!=${CS},d-logistics=${CS}`);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems).toEqual([
      expect.stringMatching(/^entry 2 "just-a-unit" is not unitId=URL/),
      expect.stringMatching(/^entry 3: unit id "bad id!" must be/),
      'd-logistics: listed twice',
    ]);
  });

  it('keeps unit ids as plain keys', () => {
    expect(parseFallbackWebhooks(`__proto__=${LOGISTICS}`)).toEqual({ ok: true, webhooks: { ['__proto__']: LOGISTICS } });
    const parsed = parseFallbackWebhooks(`__proto__=${LOGISTICS}`);
    expect(parsed.ok && Object.getPrototypeOf(parsed.webhooks)).toBe(Object.prototype);
  });
});

describe('SERVER_CONFIG_VARIABLES', () => {
  it('is exactly the QNZS_ variables readServerConfig reads', () => {
    const read = new Set<string>();
    const env = new Proxy({} as Record<string, string | undefined>, {
      get(_target, key) {
        if (typeof key === 'string') read.add(key);
        return undefined;
      },
    });
    expect(() => readServerConfig(env)).toThrow();
    const readQnzs = [...read].filter((name) => name.startsWith('QNZS_')).sort();
    expect(readQnzs).toEqual([...SERVER_CONFIG_VARIABLES].sort());
    expect(SERVER_CONFIG_VARIABLES).toHaveLength(17);
  });
});
