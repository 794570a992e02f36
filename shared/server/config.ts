import { z } from 'zod';
import { DEFAULT_CASE_POLICY, type CasePolicy } from '../domain/case-lifecycle';
import { DEFAULT_REMINDER_OFFSETS_HOURS } from '../domain/answer-deadline';
import { DEFAULT_ASK_LIMITS, type AskLimits } from '../domain/ask-limits';
import { DEFAULT_REPORT_THRESHOLD } from '../domain/moderation';
import { DEFAULT_RETENTION_DAYS } from '../domain/privacy';
import { TEMPLATE_KEYS, type TemplateKey } from '../domain/notification-plan';
import { WECOM_WEBHOOK_PATTERN } from './ports/notifier';

/**
 * The only place server code reads process.env. Validated once per container:
 * a missing template id in the cloud stops the function at start, not at the
 * first reminder.
 *
 * In the cloud, CloudBase injects the environment; locally the function host sets
 * LOCAL_CLOUD=true and points the SDK at the local database service through
 * TCB_CONTEXT_CNFG, so the function code is identical in both places.
 */
export interface ServerConfig {
  /** CloudBase environment id; undefined means "the environment this function runs in". */
  envId: string | undefined;
  /** True only under the local cloud: shifted dev clock, local outbox instead of WeChat. */
  localCloud: boolean;
  /** Subscription message template ids by purpose (微信公众平台 → 订阅消息). */
  templates: Record<TemplateKey, string>;
  /** developer | trial | formal: which mini-program version a message opens. */
  miniprogramState: 'developer' | 'trial' | 'formal';
  reminderOffsetsHours: number[];
  casePolicy: CasePolicy;
  /** Unit id → WeCom group robot webhook: where reminders go when a person has no subscription left. */
  fallbackWebhooks: Record<string, string>;
  askLimits: AskLimits;
  /** How many different people's reports hide published content until a moderator looks. */
  reportThreshold: number;
  /** A closed case's personal data (the asker's identity) is removed this many days after it closed. */
  retentionDays: number;
  /**
   * The service credential the central platform presents to the export feed
   * (`Authorization: Bearer …`); null: the feed refuses everyone.
   */
  exportToken: string | null;
  /** The mini-program's AppID (official-account menus open it); null when not configured. */
  miniprogramAppId: string | null;
  /** Where the PC web (H5) version is served, without a trailing slash; null when not configured. */
  webBaseUrl: string | null;
}

const TEMPLATE_ENV: Record<TemplateKey, string> = {
  reminder: 'QNZS_TEMPLATE_REMINDER',
  escalation: 'QNZS_TEMPLATE_ESCALATION',
  reply: 'QNZS_TEMPLATE_REPLY',
  progress: 'QNZS_TEMPLATE_PROGRESS',
};

/**
 * Every variable `readServerConfig` reads for the deployed functions. Deploy
 * passes exactly these to every function (`cloudbaserc.json` → `envVariables`,
 * checked by tests/deploy): a variable missing there would silently fall back
 * to its default in the cloud. LOCAL_CLOUD is not here: only the local cloud
 * sets it.
 */
export const SERVER_CONFIG_VARIABLES = [
  'QNZS_ENV_ID',
  ...TEMPLATE_KEYS.map((key) => TEMPLATE_ENV[key]),
  'QNZS_MINIPROGRAM_STATE',
  'QNZS_REMINDER_HOURS',
  'QNZS_AUTO_CLOSE_DAYS',
  'QNZS_TRANSFER_MIN_HOURS',
  'QNZS_FALLBACK_WEBHOOKS',
  'QNZS_ASK_PER_HOUR',
  'QNZS_URGENT_PER_DAY',
  'QNZS_REPORT_THRESHOLD',
  'QNZS_RETENTION_DAYS',
  'QNZS_EXPORT_TOKEN',
  'QNZS_MINIPROGRAM_APPID',
  'QNZS_WEB_BASE_URL',
] as const;
export type ServerConfigVariable = (typeof SERVER_CONFIG_VARIABLES)[number];

const TemplateIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'template id must be 1–64 letters, digits, _ or -');
const HoursList = z
  .string()
  .regex(/^\d+(\.\d+)?(,\d+(\.\d+)?)*$/, 'comma-separated hours, e.g. "4,1"')
  .transform((s) => s.split(',').map(Number))
  .pipe(z.array(z.number().positive().max(72)).min(1).max(5));

export function readServerConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const problems: string[] = [];
  const envId = env.QNZS_ENV_ID?.trim() || undefined;
  if (envId !== undefined && !/^[a-z0-9_-]{1,40}$/.test(envId)) problems.push(`QNZS_ENV_ID "${envId}" is not a valid CloudBase environment id`);
  const localCloud = env.LOCAL_CLOUD === 'true';

  const templates = {} as Record<TemplateKey, string>;
  for (const key of TEMPLATE_KEYS) {
    const name = TEMPLATE_ENV[key];
    const raw = env[name]?.trim() || (localCloud ? `local-${key}` : undefined);
    const parsed = TemplateIdSchema.safeParse(raw);
    if (!parsed.success) problems.push(`${name}: ${raw === undefined ? 'missing' : parsed.error.issues[0]?.message}`);
    else templates[key] = parsed.data;
  }

  const state = env.QNZS_MINIPROGRAM_STATE?.trim() || 'formal';
  if (!['developer', 'trial', 'formal'].includes(state)) problems.push(`QNZS_MINIPROGRAM_STATE "${state}" must be developer, trial or formal`);

  let reminderOffsetsHours = [...DEFAULT_REMINDER_OFFSETS_HOURS];
  if (env.QNZS_REMINDER_HOURS) {
    const parsed = HoursList.safeParse(env.QNZS_REMINDER_HOURS.trim());
    if (parsed.success) reminderOffsetsHours = parsed.data;
    else problems.push(`QNZS_REMINDER_HOURS: ${parsed.error.issues[0]?.message}`);
  }

  const casePolicy = { ...DEFAULT_CASE_POLICY };
  if (env.QNZS_AUTO_CLOSE_DAYS) {
    const days = Number(env.QNZS_AUTO_CLOSE_DAYS);
    if (Number.isInteger(days) && days >= 1 && days <= 60) casePolicy.autoCloseDays = days;
    else problems.push(`QNZS_AUTO_CLOSE_DAYS "${env.QNZS_AUTO_CLOSE_DAYS}" must be a whole number of days, 1–60`);
  }
  if (env.QNZS_TRANSFER_MIN_HOURS) {
    const hours = Number(env.QNZS_TRANSFER_MIN_HOURS);
    if (Number.isInteger(hours) && hours >= 1 && hours <= 24) casePolicy.transferMinHours = hours;
    else problems.push(`QNZS_TRANSFER_MIN_HOURS "${env.QNZS_TRANSFER_MIN_HOURS}" must be a whole number of hours, 1–24`);
  }

  let fallbackWebhooks: Record<string, string> = {};
  if (env.QNZS_FALLBACK_WEBHOOKS?.trim()) {
    const parsed = parseFallbackWebhooks(env.QNZS_FALLBACK_WEBHOOKS);
    if (parsed.ok) fallbackWebhooks = parsed.webhooks;
    else problems.push(`QNZS_FALLBACK_WEBHOOKS: ${parsed.problems.join('; ')}`);
  }

  const askLimits = { ...DEFAULT_ASK_LIMITS };
  for (const [key, name] of [['perHour', 'QNZS_ASK_PER_HOUR'], ['urgentPerDay', 'QNZS_URGENT_PER_DAY']] as const) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const n = Number(raw);
    if (Number.isInteger(n) && n >= 1 && n <= 10_000) askLimits[key] = n;
    else problems.push(`${name} "${raw}" must be a whole number, 1–10000`);
  }

  const whole = (name: string, fallback: number, min: number, max: number, unit: string): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    problems.push(`${name} "${raw}" must be a whole number of ${unit}, ${min}–${max}`);
    return fallback;
  };
  const reportThreshold = whole('QNZS_REPORT_THRESHOLD', DEFAULT_REPORT_THRESHOLD, 1, 100, 'reports');
  const retentionDays = whole('QNZS_RETENTION_DAYS', DEFAULT_RETENTION_DAYS, 30, 3650, 'days');

  let exportToken: string | null = null;
  const token = env.QNZS_EXPORT_TOKEN?.trim();
  if (token) {
    if (EXPORT_TOKEN_PATTERN.test(token)) exportToken = token;
    else problems.push('QNZS_EXPORT_TOKEN must be 32–256 letters, digits, - _ . or ~ (e.g. `openssl rand -hex 32`)');
  }

  const appId = env.QNZS_MINIPROGRAM_APPID?.trim() || null;
  if (appId !== null && !MINIPROGRAM_APPID.test(appId)) problems.push(`QNZS_MINIPROGRAM_APPID "${appId}" must be a mini-program AppID (wx followed by 16 hex digits)`);
  const webBase = env.QNZS_WEB_BASE_URL?.trim() || null;
  const webBaseUrl = webBase === null ? null : parseWebBaseUrl(webBase);
  if (webBase !== null && webBaseUrl === null) {
    problems.push(`QNZS_WEB_BASE_URL "${webBase}" must be an https:// address without a query or fragment (http:// only for 127.0.0.1 or localhost)`);
  }

  if (problems.length > 0) throw new Error(`Invalid function configuration:\n- ${problems.join('\n- ')}`);
  return {
    envId,
    localCloud,
    templates,
    miniprogramState: state as ServerConfig['miniprogramState'],
    reminderOffsetsHours,
    casePolicy,
    fallbackWebhooks,
    askLimits,
    reportThreshold,
    retentionDays,
    exportToken,

    miniprogramAppId: appId,
    webBaseUrl,
  };
}

/** A bearer token: long enough not to be guessed, and plain enough to survive .env and the CLI's substitution. */
export const EXPORT_TOKEN_PATTERN = /^[A-Za-z0-9._~-]{32,256}$/;

/** 微信公众平台 → 开发管理 → AppID: "wx" and 16 hex digits. */
export const MINIPROGRAM_APPID = /^wx[0-9a-f]{16}$/;

/** The H5 site's base address, normalised without a trailing slash; null when it is not one. */
export function parseWebBaseUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return null;
  if (url.search || url.hash || url.username || url.password) return null;
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/**
 * `QNZS_FALLBACK_WEBHOOKS`: `<unitId>=<WeCom robot URL>` pairs separated by
 * commas, e.g. `d-logistics=https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…,c-cs=https://…`.
 *
 * Not JSON: the CloudBase CLI renders `{{env.…}}` into cloudbaserc.json as raw
 * text and then parses the file as JSON, so a JSON value either breaks the
 * CLI's config parse (raw quotes) or reaches the function as an object
 * (escaped quotes). This format has no quotes, backslashes or braces, so it
 * passes through the CLI's substitution unchanged (docs/decisions/0008).
 */
export const FALLBACK_WEBHOOKS_EXAMPLE = 'd-logistics=https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=<robot-key>';
const UNIT_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function parseFallbackWebhooks(
  raw: string,
): { ok: true; webhooks: Record<string, string> } | { ok: false; problems: string[] } {
  const text = raw.trim();
  if (/^[{[]/.test(text) || text === '[object Object]') {
    return {
      ok: false,
      problems: [`JSON is not accepted (it does not survive the CloudBase CLI's .env substitution); write unitId=URL pairs separated by commas, e.g. ${FALLBACK_WEBHOOKS_EXAMPLE}`],
    };
  }
  const problems: string[] = [];
  const webhooks = new Map<string, string>();
  text.split(',').forEach((part, index) => {
    const entry = part.trim();
    if (entry === '') return;
    const at = entry.indexOf('=');
    if (at <= 0) {
      problems.push(`entry ${index + 1} "${entry}" is not unitId=URL (e.g. ${FALLBACK_WEBHOOKS_EXAMPLE})`);
      return;
    }
    const unitId = entry.slice(0, at).trim();
    const url = entry.slice(at + 1).trim();
    if (!UNIT_ID.test(unitId)) problems.push(`entry ${index + 1}: unit id "${unitId}" must be 1–64 letters, digits, _ or -`);
    else if (!WECOM_WEBHOOK_PATTERN.test(url)) problems.push(`${unitId}: "${url}" must be a WeCom group robot URL (https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…)`);
    else if (webhooks.has(unitId)) problems.push(`${unitId}: listed twice`);
    else webhooks.set(unitId, url);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, webhooks: Object.fromEntries(webhooks) };
}
