import tcb from '@cloudbase/node-sdk';
import { applyLocalSdkEnvironment, integrationRequest, invocationContext, LOCAL_EXPORT_TOKEN } from '../../../scripts/local-cloud/function-host';
import { startDatabaseService } from '../../../scripts/local-cloud/local-cloud';
import { provisionCollections } from '../../../scripts/provision';
import { seedDemo } from '../../../scripts/seed/seed-demo';
import type { TickReport } from '../../../shared/server/use-cases/run-tick';
import { createApiHandler } from '../../../shared/server/api/api-handler';
import { apiActions } from '../../../shared/server/api/action-table';
import { cloudbaseRepositories } from '../../../shared/server/adapters/cloudbase-repositories';
import { KeywordContentChecker } from '../../../shared/server/adapters/keyword-content-checker';
import { localPhoneNumbers } from '../../../shared/server/adapters/phone-numbers';
import { OutboxNotifier } from '../../../shared/server/adapters/outbox-notifier';
import { LocalMiniProgramCodes } from '../../../shared/server/adapters/local-miniprogram-codes';
import { CloudbaseFileStorage } from '../../../shared/server/adapters/cloudbase-file-storage';
import { readServerConfig } from '../../../shared/server/config';
import { randomIds } from '../../../shared/server/ids';
import type { Repositories } from '../../../shared/server/ports/repositories';
import type { MiniProgramCodes } from '../../../shared/server/ports/miniprogram-codes';
import type { FileStorage } from '../../../shared/server/ports/files';
import type { ApiSettings } from '../../../shared/server/use-cases/action';

/**
 * The real `api` function (its src/index.ts `main`) talking through the real
 * @cloudbase/node-sdk to the local database service, with the demo data seeded.
 */
export type ApiReply = { ok: true; data: any; requestId?: string } | { ok: false; error: { code: string; message: string; issues?: unknown } };

export interface LocalApi {
  call(openid: string | null, action: string, data?: unknown, requestId?: string): Promise<ApiReply>;
  /** One run of the real scheduler function at the shifted clock. */
  tick(): Promise<TickReport>;
  /** Shifts the clock both functions see, like POST /__dev/clock. */
  advance(ms: number): void;
  now(): number;
  /** The SDK database, for tests that drive shared/server code directly. */
  db: ReturnType<ReturnType<typeof tcb.init>['database']>;
  outbox(filter?: Record<string, unknown>): Record<string, any>[];
  raw(openid: string | null, event: unknown): Promise<ApiReply>;
  count(collection: string, filter?: Record<string, unknown>): number;
  find(collection: string, filter?: Record<string, unknown>): Record<string, any>[];
  /** The stored question (its timeline and answers are inside it). */
  question(id: string): Record<string, any>;
  /**
   * The api use cases as the function wires them, but over repositories the
   * test may wrap (to inject a failure at a chosen step), at the shifted clock.
   */
  callWith(wrap: (repos: Repositories) => Repositories, openid: string | null, action: string, data?: unknown, requestId?: string): Promise<ApiReply>;
  /**
   * The `feed` function (src) as CloudBase's HTTP access service calls it:
   * GET /feed with the query and headers given (the local export token unless
   * `authorization` says otherwise); the integration response, body parsed.
   */
  feed(query?: Record<string, string>, headers?: Record<string, string>, method?: string): Promise<{ statusCode: number; headers: Record<string, string>; body: any }>;
  /** The bytes stored in the local cloud's storage under a file id (`cloud://…`); throws when nothing is. */
  file(fileId: string): Buffer;
  /** CloudBase storage through the SDK (the adapter the functions use), for tests that drive use cases directly. */
  files: FileStorage;
  /** The same, with open-API services replaced (a WeChat refusal, a storage failure). */
  callWithServices(services: { miniProgramCodes?: MiniProgramCodes; files?: FileStorage; settings?: Partial<ApiSettings> }, openid: string | null, action: string, data?: unknown, requestId?: string): Promise<ApiReply>;
  stats(): ReturnType<Awaited<ReturnType<typeof startDatabaseService>>['database']['stats']>;
  resetStats(): void;
  seededAt: number;
  stop(): Promise<void>;
}

export async function startLocalApi(env: Record<string, string> = {}): Promise<LocalApi> {
  const service = await startDatabaseService(':memory:');
  applyLocalSdkEnvironment(service.url);
  // These suites ask many questions as one student in seconds; the limits have their own suite.
  Object.assign(process.env, { QNZS_ASK_PER_HOUR: '10000', QNZS_URGENT_PER_DAY: '10000' }, env);
  const app = tcb.init({ env: 'local-dev' });
  const db = app.database();
  await provisionCollections(db);
  const seededAt = Date.now();
  await seedDemo(db, seededAt);
  // Loaded after the environment is in place, as CloudBase loads a function in a prepared container.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { main } = require('../../../cloudfunctions/api/src/index') as { main: (e: unknown, c: unknown) => Promise<ApiReply> };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const scheduler = require('../../../cloudfunctions/scheduler/src/index') as { main: (e: unknown, c: unknown) => Promise<TickReport> };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const feedFunction = require('../../../cloudfunctions/feed/src/index') as { main: (e: unknown, c: unknown) => Promise<any> };
  const storage = new CloudbaseFileStorage(app);

  let offset = 0;
  const raw = (openid: string | null, event: unknown) => main(event, invocationContext('api', { openid }, offset));
  const config = readServerConfig();
  const clock = { now: () => Date.now() + offset };
  const notifier = new OutboxNotifier(db, () => clock, randomIds);
  const handlerCall = (wrap: (repos: Repositories) => Repositories, services: { miniProgramCodes?: MiniProgramCodes; files?: FileStorage; settings?: Partial<ApiSettings> }, openid: string | null, action: string, data?: unknown, requestId?: string) => {
    const repos = wrap(cloudbaseRepositories(db, { catalogCacheMs: 0 }));
    const contentChecker = new KeywordContentChecker(repos.settings, 0);
    const miniProgramCodes = services.miniProgramCodes ?? new LocalMiniProgramCodes(db, () => clock, randomIds);
    const files = services.files ?? storage;
    const handle = createApiHandler({ actions: apiActions, repos, ids: randomIds, notifier, contentChecker, phoneNumbers: localPhoneNumbers, miniProgramCodes, files, settings: { ...config, ...services.settings }, log: () => {} });
    return handle({ action, ...(data === undefined ? {} : { data }), ...(requestId ? { requestId } : {}) }, { openid, clock }) as Promise<ApiReply>;
  };
  const callWith: LocalApi['callWith'] = (wrap, openid, action, data, requestId) => handlerCall(wrap, {}, openid, action, data, requestId);
  const callWithServices: LocalApi['callWithServices'] = (services, openid, action, data, requestId) => handlerCall((r) => r, services, openid, action, data, requestId);
  return {
    raw,
    callWith,
    callWithServices,
    tick: () => scheduler.main({ Type: 'Timer', TriggerName: 'tick' }, invocationContext('scheduler', { openid: null }, offset)),
    advance: (ms) => {
      offset += ms;
    },
    now: () => Date.now() + offset,
    db,
    outbox: (filter = {}) => (service.store.listCollections().includes('outbox') ? service.store.find('outbox', filter, { sort: { createdAt: 1 } }) : []),
    call: (openid, action, data, requestId) => raw(openid, { action, ...(data === undefined ? {} : { data }), ...(requestId ? { requestId } : {}) }),
    count: (collection, filter = {}) => service.store.count(collection, filter),
    find: (collection, filter = {}) => service.store.find(collection, filter),
    question: (id) => {
      const [q] = service.store.find('questions', { _id: id });
      if (!q) throw new Error(`question ${id} is not stored`);
      return q as Record<string, any>;
    },
    feed: async (query = {}, headers = {}, method = 'GET') => {
      const event = integrationRequest({ method, path: '/feed', headers: { authorization: `Bearer ${LOCAL_EXPORT_TOKEN}`, ...headers }, query: new URLSearchParams(query) });
      const res = await feedFunction.main(event, invocationContext('feed', { openid: null }, offset));
      return { ...res, body: typeof res.body === 'string' ? JSON.parse(res.body) : res.body };
    },
    file: (fileId) => {
      const match = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId);
      if (!match) throw new Error(`not a CloudBase file id: ${fileId}`);
      const bytes = service.storage.read(match[1]!);
      if (!bytes) throw new Error(`nothing is stored at ${fileId}`);
      return bytes;
    },
    files: storage,
    stats: () => service.database.stats(),
    resetStats: () => service.database.resetStats(),
    seededAt,
    stop: () => service.stop(),
  };
}

/**
 * A repository object with one method replaced (class instances keep their
 * prototype, so the other methods still work).
 */
export function replacing<T extends object>(target: T, method: keyof T & string, replacement: (original: (...args: any[]) => any, ...args: any[]) => any): T {
  const original = (target as any)[method].bind(target);
  return Object.assign(Object.create(Object.getPrototypeOf(target)), target, { [method]: (...args: any[]) => replacement(original, ...args) });
}

export function expectOk(reply: ApiReply): any {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return reply.data;
}

/** 张晓雨 (计算机学院) asks a 学业 question; returns its id. */
export async function askAsStudent(api: LocalApi, fields: Record<string, unknown> = {}): Promise<string> {
  const reply = await api.call(STUDENT, 'question.ask', {
    collegeId: 'c-cs',
    categoryId: 'cat-study',
    title: '毕业论文查重次数有限制吗',
    content: '想知道学校提供的论文查重一共可以用几次，超过了怎么办？',
    ...fields,
  });
  return expectOk(reply).id as string;
}

export const STUDENT = 'dev-student-zhang'; // 计算机学院
export const OTHER_STUDENT = 'dev-student-li'; // 经济学院
export const CS_RESPONDER = 'dev-cs-expert';
export const CS_PEER = 'dev-cs-peer';
export const ECON_RESPONDER = 'dev-econ-league';
export const LOGISTICS = 'dev-logistics';
export const COORDINATOR = 'dev-coordinator';
