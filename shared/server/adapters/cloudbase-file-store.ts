import type { FileStore } from '../ports/file-store';
import type { CloudbaseApp } from './cloudbase';

/**
 * CloudBase storage through @cloudbase/node-sdk: `uploadFile` (the SDK asks
 * for an upload ticket, PUTs the bytes to COS and reads COS's XML answer, which
 * is why the scheduler's bundle keeps xml2js: scripts/build-functions.ts) and
 * `getTempFileURL` for download links. Files are private to the environment;
 * a link lasts `maxAgeSeconds`. COS sets the content type from the extension.
 */
export class CloudbaseFileStore implements FileStore {
  constructor(
    private readonly app: CloudbaseApp,
    private readonly maxAgeSeconds = 3600,
  ) {}

  async put(path: string, bytes: Uint8Array): Promise<string> {
    const res = await this.app.uploadFile({ cloudPath: path, fileContent: Buffer.from(bytes) });
    if (!res.fileID) throw new Error(`uploadFile ${path}: no file id (${JSON.stringify(res)})`);
    return res.fileID;
  }

  async urls(fileIds: string[]): Promise<Record<string, string>> {
    if (fileIds.length === 0) return {};
    const res = await this.app.getTempFileURL({ fileList: fileIds.map((fileID) => ({ fileID, maxAge: this.maxAgeSeconds })) });
    const out: Record<string, string> = {};
    for (const f of res.fileList ?? []) if (f.code === 'SUCCESS' && f.tempFileURL) out[f.fileID] = f.tempFileURL;
    return out;
  }
}
