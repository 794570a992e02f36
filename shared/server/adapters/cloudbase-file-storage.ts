import type { StoredFileFacts } from '../../domain/pictures';
import type { FileStorage } from '../ports/files';
import type { CloudbaseApp } from './cloudbase';

/**
 * CloudBase storage through @cloudbase/node-sdk: `uploadFile` (the SDK asks for
 * upload metadata, then PUTs the bytes to COS) and `getTempFileURL` (at most 50
 * files a call, docs.cloudbase.net/storage/get-temp-url). The local cloud
 * answers both (scripts/local-cloud/storage-service.ts), so this is the code
 * that runs in both places.
 */
export class CloudbaseFileStorage implements FileStorage {
  constructor(private readonly app: CloudbaseApp) {}

  async upload(cloudPath: string, content: Buffer): Promise<string> {
    const res = await this.app.uploadFile({ cloudPath, fileContent: content });
    if (!res.fileID) throw new Error(`uploadFile answered without a fileID for ${cloudPath}`);
    return res.fileID;
  }

  async temporaryUrls(fileIds: string[], maxAgeSeconds: number): Promise<Map<string, string | null>> {
    const out = new Map<string, string | null>();
    if (fileIds.length === 0) return out;
    const res = await this.app.getTempFileURL({ fileList: fileIds.map((fileID) => ({ fileID, maxAge: maxAgeSeconds })) });
    for (const id of fileIds) out.set(id, null);
    for (const f of res.fileList ?? []) if (f.code === 'SUCCESS' && f.tempFileURL) out.set(f.fileID, f.tempFileURL);
    return out;
  }

  /**
   * `getFileInfo`: the SDK asks for a temporary link, then HEADs it and reads
   * content-length and content-type (node-sdk src/storage/index.ts). A file it
   * could not describe counts as missing.
   */
  async describe(fileIds: string[]): Promise<Map<string, StoredFileFacts | null>> {
    const out = new Map<string, StoredFileFacts | null>(fileIds.map((id) => [id, null]));
    if (fileIds.length === 0) return out;
    const res = await this.app.getFileInfo({ fileList: fileIds.map((fileID) => ({ fileID, maxAge: 60 })) });
    for (const f of res.fileList ?? []) {
      if (f.code === 'SUCCESS' && typeof f.size === 'number') out.set(f.fileID, { size: f.size, contentType: f.contentType ?? '' });
    }
    return out;
  }
}
