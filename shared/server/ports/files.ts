import type { StoredFileFacts } from '../../domain/pictures';

/**
 * The capability of keeping files (CloudBase storage): mini-program code
 * images, reports. The adapter uses @cloudbase/node-sdk's uploadFile and
 * getTempFileURL, which the local cloud answers too.
 */
export interface FileStorage {
  /** Stores the bytes at `cloudPath` (replacing a file already there); returns its file id (`cloud://…`). */
  upload(cloudPath: string, content: Buffer): Promise<string>;
  /** A temporary link to each file, valid `maxAgeSeconds`; null for a file that does not exist. At most 50 ids. */
  temporaryUrls(fileIds: string[], maxAgeSeconds: number): Promise<Map<string, string | null>>;
  /** Each file's size and the type it is served with; null for a file that does not exist. At most 50 ids. */
  describe(fileIds: string[]): Promise<Map<string, StoredFileFacts | null>>;
}
