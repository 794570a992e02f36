import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { Clock } from '../clock';
import { COLLECTIONS } from '../collections';
import type { IdGenerator } from '../ids';
import type { MiniProgramCodeRequest, MiniProgramCodeResult, MiniProgramCodes } from '../ports/miniprogram-codes';
import type { Database } from './cloudbase';

/**
 * The local cloud cannot call WeChat: it draws a placeholder with the shape of
 * a mini-program code (a square of modules from the scene's hash, three corner
 * marks) that nothing can scan, and records the request in the local outbox
 * (GET /__dev/outbox, channel `wxacode`) like every other open-API call. The
 * same refusals as WeChat where they are cheap to tell: a scene longer than
 * 32 characters (40169), a width outside 280–1280.
 */
export class LocalMiniProgramCodes implements MiniProgramCodes {
  constructor(
    private readonly db: Database,
    private readonly clock: () => Clock,
    private readonly ids: IdGenerator,
  ) {}

  async getUnlimited(request: MiniProgramCodeRequest): Promise<MiniProgramCodeResult> {
    if (request.scene.length === 0 || request.scene.length > 32) return { ok: false, errcode: 40169, errmsg: 'invalid length for scene, or the data is not json string' };
    if (request.width < 280 || request.width > 1280) return { ok: false, errcode: 40159, errmsg: 'invalid width: 280–1280' };
    await this.db.collection(COLLECTIONS.outbox.name).add({
      _id: this.ids.next('out'),
      channel: 'wxacode',
      scene: request.scene,
      page: request.page,
      envVersion: request.envVersion,
      width: request.width,
      createdAt: this.clock().now(),
    });
    return { ok: true, contentType: 'image/png', image: placeholderCode(`${request.page}?${request.scene}`, request.width) };
  }
}

const MODULES = 25;

/** A grey-scale PNG, `size` pixels square: 25×25 modules from sha256(text), with a quiet zone and three finder marks. */
export function placeholderCode(text: string, size: number): Buffer {
  const bits: boolean[] = [];
  let seed = createHash('sha256').update(text).digest();
  while (bits.length < MODULES * MODULES) {
    for (const byte of seed) for (let b = 0; b < 8; b++) bits.push(((byte >> b) & 1) === 1);
    seed = createHash('sha256').update(seed).digest();
  }
  const finder = (x: number, y: number): boolean | null => {
    for (const [fx, fy] of [[0, 0], [MODULES - 7, 0], [0, MODULES - 7]] as const) {
      const dx = x - fx;
      const dy = y - fy;
      if (dx >= 0 && dx < 7 && dy >= 0 && dy < 7) {
        const ring = Math.min(dx, dy, 6 - dx, 6 - dy);
        return ring !== 1;
      }
      if (dx >= -1 && dx <= 7 && dy >= -1 && dy <= 7) return false;
    }
    return null;
  };
  const quiet = Math.round(size * 0.08);
  const cell = (size - 2 * quiet) / MODULES;
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(size + 1);
    row[0] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      const mx = Math.floor((px - quiet) / cell);
      const my = Math.floor((py - quiet) / cell);
      let dark = false;
      if (mx >= 0 && my >= 0 && mx < MODULES && my < MODULES) dark = finder(mx, my) ?? bits[my * MODULES + mx]!;
      row[px + 1] = dark ? 0x1f : 0xff;
    }
    rows.push(row);
  }
  return encodePng(size, size, Buffer.concat(rows));
}

/** PNG with one IDAT of 8-bit grey-scale scanlines (each already prefixed with its filter byte). */
function encodePng(width: number, height: number, scanlines: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // colour type: grey-scale
  header[10] = 0;
  header[11] = 0;
  header[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
