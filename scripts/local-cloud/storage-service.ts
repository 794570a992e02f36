import Database from 'better-sqlite3';
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, extname } from 'node:path';
import { CODES, LocalDbError, unsupported } from './ejson-values';

/**
 * The local cloud's CloudBase storage: the part of it @cloudbase/node-sdk's
 * `uploadFile` and `getTempFileURL` use, answered the way CloudBase documents
 * it, or refused by name (docs/decisions/0001, pinned in
 * tests/conformance/storage.test.ts).
 *
 * - `storage.getUploadMetadata` (POST /admin, like the database) answers
 *   `{data: {url, token, authorization, fileId, cosFileId}}`; the SDK then PUTs
 *   the bytes to `url` with that authorization, and COS answers an empty body
 *   (success) or an XML <Error> (node-sdk src/storage/index.ts).
 * - `storage.batchGetDownloadUrl` answers `{data: {download_list: [{code,
 *   fileID, tempFileURL}]}}`: `SUCCESS`, or `STORAGE_FILE_NONEXIST` for a file
 *   that is not there; at most 50 files a call and a link valid `max_age`
 *   seconds, 86 400 by default (docs.cloudbase.net/storage/get-temp-url;
 *   developers.weixin.qq.com wxcloud getTempFileURL).
 * - An upload to a path that exists replaces the file (COS PUT Object:
 *   cloud.tencent.com/document/api/436/7749). CloudBase storage has no type
 *   restriction: any bytes round-trip; the type a download is served with
 *   follows the extension.
 * - Refused by name (LOCAL_CLOUD_UNSUPPORTED), because CloudBase's own answer is
 *   not documented or cannot be given offline: paths outside the characters
 *   the SDK documents ("[0-9a-zA-Z]、/、!、-、_、.、空格、* 和中文"), a leading `/`
 *   (COS object keys cannot start with one: cloud.tencent.com/document/product/436/13324),
 *   paths over 850 bytes, files over 20 MB (COS takes up to 5 GB; the local
 *   cloud keeps files in SQLite), more than 50 files in one getTempFileURL, and
 *   every other storage request (deleteFile, copyFile, …).
 *
 * Files live in the same SQLite file as the documents (table `files`). Links
 * are signed with a per-process key and carry their expiry; an expired or
 * altered link answers 403, as COS does.
 */
export const LOCAL_FILE_LIMIT_BYTES = 20 * 1024 * 1024;
export const MAX_TEMP_URLS = 50;
export const DEFAULT_MAX_AGE_S = 86_400;
const MAX_KEY_BYTES = 850;
const UPLOAD_WINDOW_MS = 10 * 60_000;
const BUCKET = 'local-dev-1250000000';
const PATH_CHARACTERS = /^[0-9A-Za-z/!\-_. *\u3400-\u9fff\uf900-\ufaff]+$/;

const CONTENT_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

export interface StorageStats {
  /** Requests through the SDK protocol (upload metadata, temporary links). */
  requests: number;
  uploads: number;
  downloads: number;
}

type Params = Record<string, unknown> & { action: string };

export class StorageService {
  private readonly db: Database.Database;
  private readonly secret = randomBytes(32);
  private readonly pending = new Map<string, { key: string; until: number }>();
  private serviceUrl = 'http://127.0.0.1';
  private publicUrl: string | null = null;
  private counters: StorageStats = { requests: 0, uploads: 0, downloads: 0 };

  constructor(
    file: string,
    private now: () => number = Date.now,
    readonly envId = 'local-dev',
  ) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec('CREATE TABLE IF NOT EXISTS files (key TEXT PRIMARY KEY, body BLOB NOT NULL, uploaded_at INTEGER NOT NULL)');
  }

  useClock(now: () => number): void {
    this.now = now;
  }

  /** Where the SDK uploads (the database service's own address). */
  setServiceUrl(url: string): void {
    this.serviceUrl = url.replace(/\/+$/, '');
  }

  /** Where temporary links point (the gateway, so a page on it shows the image); the service address until set. */
  setPublicUrl(url: string): void {
    this.publicUrl = url.replace(/\/+$/, '');
  }

  stats(): StorageStats {
    return { ...this.counters };
  }

  resetStats(): void {
    this.counters = { requests: 0, uploads: 0, downloads: 0 };
  }

  close(): void {
    this.db.close();
  }

  fileId(key: string): string {
    return `cloud://${this.envId}.${BUCKET}/${key}`;
  }

  /** The bytes stored at a key (tests and the dev tools read files this way). */
  read(key: string): Buffer | null {
    const row = this.db.prepare('SELECT body FROM files WHERE key = ?').get(key) as { body: Buffer } | undefined;
    return row ? row.body : null;
  }

  /** One `storage.*` request of the SDK protocol; the body the SDK expects (without the request id). */
  execute(params: Params): Record<string, unknown> {
    this.counters.requests += 1;
    switch (params.action) {
      case 'storage.getUploadMetadata':
        return this.uploadMetadata(params);
      case 'storage.batchGetDownloadUrl':
        return this.downloadUrls(params);
      default:
        throw unsupported(`the storage request ${params.action}`);
    }
  }

  private uploadMetadata(params: Params): Record<string, unknown> {
    const key = checkPath(params.path);
    const authorization = this.sign(`put\n${key}\n${randomUUID()}`);
    this.sweep();
    this.pending.set(authorization, { key, until: this.now() + UPLOAD_WINDOW_MS });
    return {
      data: {
        url: `${this.serviceUrl}/storage/${encodeKey(key)}`,
        token: 'local-cloud-token',
        authorization,
        fileId: this.fileId(key),
        cosFileId: randomUUID(),
      },
    };
  }

  private downloadUrls(params: Params): Record<string, unknown> {
    const list = params.file_list;
    if (!Array.isArray(list)) throw new LocalDbError(CODES.invalidParam, 'file_list must be an array');
    if (list.length > MAX_TEMP_URLS) {
      throw new LocalDbError(CODES.unsupported, `getTempFileURL with ${list.length} files is not supported by the local cloud: CloudBase documents at most ${MAX_TEMP_URLS} a call`);
    }
    const base = this.publicUrl ?? this.serviceUrl;
    const download_list = list.map((item) => {
      const entry = item as { fileid?: unknown; max_age?: unknown };
      const fileID = typeof entry.fileid === 'string' ? entry.fileid : '';
      const key = this.keyOf(fileID);
      if (key === null || this.read(key) === null) return { code: 'STORAGE_FILE_NONEXIST', fileID, tempFileURL: '' };
      const maxAge = typeof entry.max_age === 'number' && entry.max_age > 0 ? entry.max_age : DEFAULT_MAX_AGE_S;
      const t = Math.floor(this.now() / 1000) + Math.floor(maxAge);
      return { code: 'SUCCESS', fileID, tempFileURL: `${base}/storage/${encodeKey(key)}?t=${t}&sign=${this.sign(`get\n${key}\n${t}`)}` };
    });
    return { data: { download_list } };
  }

  private keyOf(fileId: string): string | null {
    const prefix = `cloud://${this.envId}.${BUCKET}/`;
    return fileId.startsWith(prefix) ? fileId.slice(prefix.length) : null;
  }

  private sign(text: string): string {
    return createHmac('sha256', this.secret).update(text).digest('hex');
  }

  private sweep(): void {
    const now = this.now();
    for (const [auth, p] of this.pending) if (p.until < now) this.pending.delete(auth);
  }

  /** PUT and GET/HEAD on /storage/<key>: true when the request was one of these. */
  async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!url.pathname.startsWith('/storage/')) return false;
    let key: string;
    try {
      key = decodeURIComponent(url.pathname.slice('/storage/'.length));
    } catch {
      cosError(res, 400, 'InvalidURI', 'Could not parse the specified URI.', url.pathname);
      return true;
    }
    if (req.method === 'PUT') await this.put(req, res, key);
    else if (req.method === 'GET' || req.method === 'HEAD') this.get(req, res, key, url);
    else cosError(res, 405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.', key);
    return true;
  }

  private async put(req: IncomingMessage, res: ServerResponse, key: string): Promise<void> {
    this.sweep();
    const auth = String(req.headers.authorization ?? '');
    const pending = this.pending.get(auth);
    if (!pending || pending.key !== key) {
      req.resume();
      cosError(res, 403, 'SignatureDoesNotMatch', 'The Signature you specified is invalid.', key);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size <= LOCAL_FILE_LIMIT_BYTES) chunks.push(chunk as Buffer);
    }
    if (size > LOCAL_FILE_LIMIT_BYTES) {
      cosError(res, 400, CODES.unsupported, `a file of ${size} bytes is not supported by the local cloud (at most ${LOCAL_FILE_LIMIT_BYTES}; CloudBase takes up to 5 GB in one upload)`, key);
      return;
    }
    this.pending.delete(auth);
    this.db.prepare('INSERT OR REPLACE INTO files (key, body, uploaded_at) VALUES (?, ?, ?)').run(key, Buffer.concat(chunks), this.now());
    this.counters.uploads += 1;
    res.writeHead(200, { 'content-length': '0', 'x-cos-request-id': randomUUID() }).end();
  }

  private get(req: IncomingMessage, res: ServerResponse, key: string, url: URL): void {
    const t = Number(url.searchParams.get('t'));
    const sign = url.searchParams.get('sign') ?? '';
    const expected = Buffer.from(this.sign(`get\n${key}\n${t}`));
    const given = Buffer.from(sign);
    if (!Number.isInteger(t) || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      cosError(res, 403, 'AccessDenied', 'Access Denied.', key);
      return;
    }
    if (t * 1000 < this.now()) {
      cosError(res, 403, 'AccessDenied', 'Request has expired', key);
      return;
    }
    const body = this.read(key);
    if (!body) {
      cosError(res, 404, 'NoSuchKey', 'The specified key does not exist.', key);
      return;
    }
    this.counters.downloads += 1;
    res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(key).toLowerCase()] ?? 'application/octet-stream', 'content-length': String(body.length), 'cache-control': 'private, max-age=300' });
    res.end(req.method === 'HEAD' ? undefined : body);
  }
}

/** A cloud path as the local cloud stores it, or a refusal naming the rule it breaks. */
function checkPath(path: unknown): string {
  if (typeof path !== 'string' || path === '') throw new LocalDbError(CODES.invalidParam, 'cloudPath must be a non-empty string');
  if (path.startsWith('/') || path.startsWith('\\')) {
    throw new LocalDbError(CODES.unsupported, `cloudPath "${path}" starts with a slash: COS object keys cannot, and what CloudBase answers is not documented (write "${path.replace(/^[/\\]+/, '')}")`);
  }
  if (Buffer.byteLength(path, 'utf8') > MAX_KEY_BYTES) throw new LocalDbError(CODES.unsupported, `cloudPath is longer than ${MAX_KEY_BYTES} bytes (COS's limit for an object key)`);
  if (!PATH_CHARACTERS.test(path) || path.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    throw new LocalDbError(CODES.unsupported, `cloudPath "${path}" has characters or segments the CloudBase SDK does not document ([0-9a-zA-Z], /, !, -, _, ., space, * and Chinese)`);
  }
  return path;
}

function encodeKey(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}

/** COS's error answer: XML the SDK parses (it reads Code, Message, RequestId and TraceId). */
function cosError(res: ServerResponse, status: number, code: string, message: string, key: string): void {
  const escape = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const requestId = randomUUID();
  const body =
    "<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n" +
    `  <Code>${escape(code)}</Code>\n  <Message>${escape(message)}</Message>\n  <Resource>/${escape(key)}</Resource>\n` +
    `  <RequestId>${requestId}</RequestId>\n  <TraceId>${requestId}</TraceId>\n</Error>`;
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': String(Buffer.byteLength(body)) }).end(body);
}
