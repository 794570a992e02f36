import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { ROLE_LABELS, type Role } from '../../shared/domain/organisation';
import type { DatabaseService } from './database-service';
import { BodyTooLargeError, readBody } from './database-service';
import type { DevClock } from './dev-clock';
import { integrationRequest, type FunctionHost } from './function-host';
import type { StorageService } from './storage-service';

/**
 * The local cloud's front door on 127.0.0.1: the H5 build at `/`, cloud functions
 * at `POST /api/functions/<name>`, and dev-only controls under `/__dev/` that are
 * refused unless the gateway runs in dev mode.
 */
export interface GatewayOptions {
  host: FunctionHost;
  database: DatabaseService;
  clock: DevClock;
  staticDir: string;
  devMode: boolean;
  /** Extra dev routes (the scheduler tick arrives with the scheduler). */
  devRoutes?: Record<string, (req: IncomingMessage, body: unknown) => Promise<unknown>>;
  /**
   * Functions only their timer trigger may run (the scheduler): never through
   * the client gateway. Locally the dev endpoint runs them.
   */
  timerOnly?: ReadonlySet<string>;
  /**
   * CloudBase's HTTP access service: path → function (`tcb service create -p
   * /feed -f feed`). The request becomes an integration request and the
   * function's integration response becomes the HTTP response. Not a dev tool:
   * served in every mode (the function checks its own credential).
   */
  httpRoutes?: Record<string, string>;
  /** Serves stored files at /storage/<key> (temporary links point here), dev mode or not, as CloudBase's CDN does. */
  storage?: StorageService;
}

const OPENID_HEADER = 'x-dev-openid';
const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_EVENT_BYTES = 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function gatewayError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

async function readJson(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; status: number; code: string; reason: string }> {
  let text: string;
  try {
    text = await readBody(req, MAX_EVENT_BYTES);
  } catch (err) {
    if (err instanceof BodyTooLargeError) return { ok: false, status: 413, code: 'INPUT.TOO_LARGE', reason: '请求内容超过 1 MB' };
    throw err;
  }
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, status: 400, code: 'INPUT.INVALID', reason: '请求内容不是合法的 JSON' };
  }
}

export function createGateway(options: GatewayOptions): Server {
  const { host, database, clock, devMode } = options;
  const staticRoot = resolve(options.staticDir);

  const devHandlers: Record<string, (req: IncomingMessage, body: unknown) => Promise<unknown>> = {
    'GET /__dev/users': async () => ({ users: listDevUsers(database) }),
    'GET /__dev/clock': async () => ({ offsetMs: clock.offsetMs, now: clock.now() }),
    'POST /__dev/clock': async (_req, body) => {
      const b = body as { advanceMs?: unknown; reset?: unknown };
      if (b && b.reset === true) clock.reset();
      else if (typeof b?.advanceMs === 'number' && Number.isFinite(b.advanceMs) && Math.abs(b.advanceMs) <= 366 * 24 * 3600 * 1000) {
        clock.advance(b.advanceMs);
      } else throw new BadDevRequest('advanceMs 必须是一年以内的毫秒数');
      return { offsetMs: clock.offsetMs, now: clock.now() };
    },
    'GET /__dev/outbox': async () => ({
      messages: database.store.listCollections().includes('outbox')
        ? database.store.find('outbox', {}, { sort: { createdAt: -1 }, limit: 200 })
        : [],
    }),
    'GET /__dev/db/stats': async () => database.stats(),
    'POST /__dev/db/stats/reset': async () => {
      database.resetStats();
      return database.stats();
    },
    ...(options.devRoutes ?? {}),
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodedPath(url.pathname);
    if (path === null) return gatewayError(res, 400, 'INPUT.INVALID', '请求路径中有不合法的百分号编码');

    if (path.startsWith('/api/functions/')) {
      if (req.method !== 'POST') return gatewayError(res, 405, 'HTTP.METHOD', '只支持 POST');
      const name = path.slice('/api/functions/'.length);
      if (!host.has(name)) return gatewayError(res, 404, 'FUNCTION.NOT_FOUND', `云函数 ${name} 不存在`);
      if (options.timerOnly?.has(name)) return gatewayError(res, 403, 'FUNCTION.TIMER_ONLY', `云函数 ${name} 只由定时触发器运行（本地请用 POST /__dev/scheduler/run）`);
      const header = req.headers[OPENID_HEADER];
      const openid = devMode && typeof header === 'string' && header !== '' ? header : null;
      if (openid !== null && !OPENID_PATTERN.test(openid)) return gatewayError(res, 400, 'INPUT.INVALID', 'X-Dev-OpenID 格式不正确');
      const body = await readJson(req);
      if (!body.ok) return gatewayError(res, body.status, body.code, body.reason);
      const result = await host.invoke(name, body.value, { openid });
      return sendJson(res, 200, result);
    }

    const routed = options.httpRoutes?.[path];
    if (routed) {
      if (!host.has(routed)) return gatewayError(res, 404, 'FUNCTION.NOT_FOUND', `云函数 ${routed} 不存在`);
      let body = '';
      try {
        body = req.method === 'GET' || req.method === 'HEAD' ? '' : await readBody(req, MAX_EVENT_BYTES);
      } catch (err) {
        if (err instanceof BodyTooLargeError) return gatewayError(res, 413, 'INPUT.TOO_LARGE', '请求内容超过 1 MB');
        throw err;
      }
      const event = integrationRequest({ method: req.method ?? 'GET', path, headers: req.headers, query: url.searchParams, body });
      return sendIntegrationResponse(res, await host.invoke(routed, event, { openid: null }));
    }

    if (path.startsWith('/__dev/')) {
      if (!devMode) return gatewayError(res, 403, 'DEV.DISABLED', '开发者工具仅在本地云环境可用');
      const route = devHandlers[`${req.method} ${path}`];
      if (!route) return gatewayError(res, 404, 'DEV.NOT_FOUND', '没有这个开发者接口');
      const body = req.method === 'POST' ? await readJson(req) : { ok: true as const, value: {} };
      if (!body.ok) return gatewayError(res, body.status, body.code, body.reason);
      try {
        return sendJson(res, 200, { ok: true, data: await route(req, body.value) });
      } catch (err) {
        if (err instanceof BadDevRequest) return gatewayError(res, 400, 'INPUT.INVALID', err.message);
        throw err;
      }
    }

    if (path.startsWith('/storage/') && options.storage && (await options.storage.handleHttp(req, res))) return;

    if (req.method !== 'GET' && req.method !== 'HEAD') return gatewayError(res, 405, 'HTTP.METHOD', '不支持的请求方法');
    return serveStatic(staticRoot, path, res);
  }

  return createServer((req, res) => {
    handle(req, res).catch((err) => {
      console.error('[gateway]', err);
      if (!res.headersSent) gatewayError(res, 500, 'INTERNAL', '本地云内部错误');
      else res.end();
    });
  });
}

class BadDevRequest extends Error {}

/**
 * A function's answer as the HTTP access service sends it: an integration
 * response (`statusCode`, `headers`, `body`, `isBase64Encoded`) as given, a
 * string as text/plain, anything else as JSON
 * (https://docs.cloudbase.net/service/access-cloud-function).
 */
function sendIntegrationResponse(res: ServerResponse, result: unknown): void {
  if (result && typeof result === 'object' && typeof (result as { statusCode?: unknown }).statusCode === 'number') {
    const r = result as { statusCode: number; headers?: Record<string, string>; body?: unknown; isBase64Encoded?: boolean };
    const body = typeof r.body === 'string' ? (r.isBase64Encoded ? Buffer.from(r.body, 'base64') : r.body) : JSON.stringify(r.body ?? '');
    res.writeHead(r.statusCode, r.headers ?? {});
    res.end(body);
    return;
  }
  if (typeof result === 'string' || typeof result === 'number') {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(String(result));
    return;
  }
  sendJson(res, 200, result);
}

/** The path with its percent-escapes decoded, or null when one is malformed ("%E4%B8" or "%zz"). */
function decodedPath(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

function serveStatic(root: string, path: string, res: ServerResponse): void {
  const index = join(root, 'index.html');
  if (!existsSync(index)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('H5 build not found: run `npm run build:h5` (npm start does this for you).');
    return;
  }
  const candidate = normalize(join(root, path));
  const inside = candidate === root || candidate.startsWith(root + sep);
  const file = inside && existsSync(candidate) && statSync(candidate).isFile() ? candidate : index;
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': file === index ? 'no-cache' : 'public, max-age=300',
  });
  createReadStream(file).pipe(res);
}

interface DevUserView {
  openid: string;
  name: string;
  roles: string[];
  unitNames: string[];
  description: string;
}


/** The seeded people a developer can act as. */
function listDevUsers(database: DatabaseService): DevUserView[] {
  const store = database.store;
  if (!store.listCollections().includes('users')) return [];
  const units = new Map(store.find('units', {}).map((u) => [u._id, String(u.name)]));
  return store.find('users', {}, { sort: { order: 1 } }).map((u) => {
    const roles = (u.roles as string[]) ?? [];
    const memberships = (u.memberships as { unitId: string }[]) ?? [];
    const unitNames = memberships.map((m) => units.get(m.unitId) ?? m.unitId);
    const college = typeof u.collegeId === 'string' ? units.get(u.collegeId) : undefined;
    return {
      openid: String(u.openid),
      name: String(u.name),
      roles,
      unitNames,
      description: [roles.map((r) => ROLE_LABELS[r as Role] ?? r).join('、'), unitNames.join('、') || college || ''].filter(Boolean).join(' · '),
    };
  });
}
