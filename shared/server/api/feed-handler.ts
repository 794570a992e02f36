import { ZodError } from 'zod';
import { ExportFeedInput, ExportFeedOutput } from '../../contracts/export.contract';
import { DomainError, ERROR_MESSAGES, type ErrorCode } from '../../domain/errors';
import type { Clock } from '../ports/clock';
import type { Repositories } from '../ports/repositories';
import { exportFeed } from '../use-cases/export-feed';

/**
 * The `feed` function's plumbing: CloudBase's HTTP access service turns
 * `GET https://<env>.service.tcloudbase.com/feed?cursor=…&limit=…` into an
 * integration request `{path, httpMethod, headers, queryStringParameters,
 * requestContext, body, isBase64Encoded}` and sends back the integration
 * response `{statusCode, headers, body, isBase64Encoded}` this returns
 * (https://docs.cloudbase.net/service/access-cloud-function). The caller is a
 * service, not a WeChat user: it presents the service credential as
 * `Authorization: Bearer <QNZS_EXPORT_TOKEN>`; nothing else is accepted.
 */
export interface IntegrationResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: false;
}

export interface FeedHandlerDeps {
  repos: Repositories;
  /** Checks the Authorization header (constant time; false when no credential is configured). */
  verify: (authorization: string | undefined) => boolean;
  log?: (message: string, detail: Record<string, unknown>) => void;
}

interface IntegrationRequest {
  httpMethod: string;
  headers: Record<string, string>;
  query: Record<string, string>;
}

function parseRequest(event: unknown): IntegrationRequest | null {
  if (!event || typeof event !== 'object') return null;
  const e = event as Record<string, unknown>;
  if (typeof e.httpMethod !== 'string') return null;
  const lower = (v: unknown) =>
    Object.fromEntries(Object.entries(v && typeof v === 'object' ? (v as Record<string, unknown>) : {}).filter(([, x]) => typeof x === 'string').map(([k, x]) => [k.toLowerCase(), x as string]));
  const query = Object.fromEntries(Object.entries(e.queryStringParameters && typeof e.queryStringParameters === 'object' ? (e.queryStringParameters as Record<string, unknown>) : {}).filter(([, x]) => typeof x === 'string')) as Record<string, string>;
  return { httpMethod: e.httpMethod.toUpperCase(), headers: lower(e.headers), query };
}

function respond(statusCode: number, body: unknown, headers: Record<string, string> = {}): IntegrationResponse {
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers }, body: JSON.stringify(body), isBase64Encoded: false };
}

function refusal(statusCode: number, code: ErrorCode, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): IntegrationResponse {
  return respond(statusCode, { ok: false, error: { code, message: ERROR_MESSAGES[code], ...extra } }, headers);
}

export function createFeedHandler(deps: FeedHandlerDeps) {
  const log = deps.log ?? ((message, detail) => console.error(message, JSON.stringify(detail)));
  return async function handleFeed(event: unknown, clock: Clock): Promise<IntegrationResponse> {
    const req = parseRequest(event);
    if (!req) return refusal(400, 'INPUT.INVALID');
    if (req.httpMethod !== 'GET') return refusal(405, 'ACTION.UNKNOWN', {}, { allow: 'GET' });
    if (!deps.verify(req.headers.authorization)) return refusal(401, 'AUTH.REQUIRED', {}, { 'www-authenticate': 'Bearer realm="qnzs-export-feed"' });
    const input = ExportFeedInput.safeParse(req.query);
    if (!input.success) return refusal(400, 'INPUT.INVALID', { issues: input.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message })) });
    try {
      const data = ExportFeedOutput.parse(await exportFeed(input.data, { repos: deps.repos, now: clock.now() }));
      return respond(200, { ok: true, data });
    } catch (err) {
      if (err instanceof DomainError) return refusal(400, err.code);
      log('export feed failed', { error: err instanceof ZodError ? err.issues.slice(0, 5) : err instanceof Error ? err.stack ?? err.message : String(err) });
      return refusal(500, 'INTERNAL');
    }
  };
}
