/**
 * Where generated files live (the biweekly reports' Excel and Word files):
 * CloudBase storage in the cloud (`uploadFile`, `getTempFileURL`), a local
 * folder served by the dev gateway under the local cloud.
 */
export interface FileStore {
  /** Stores the bytes at `path` (replacing what is there) and returns the file id. */
  put(path: string, bytes: Uint8Array, contentType: string): Promise<string>;
  /** Temporary download links for these file ids, in one request; a file that cannot be linked is left out. */
  urls(fileIds: string[]): Promise<Record<string, string>>;
}
