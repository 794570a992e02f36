import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import type { FileStore } from '../ports/file-store';

/**
 * The local cloud's stand-in for CloudBase storage: files under a folder
 * (`.data/files/` beside the local database; a temporary folder for tests),
 * served by the dev gateway at `/__files/<path>`. A file id names the path
 * (`local-file://reports/…`), as a CloudBase file id names the environment and
 * the path; a link is the gateway's URL and does not expire.
 *
 * An interim port adapter, kept behind `FileStore` so that a local storage
 * service speaking the SDK's own protocol can replace it without touching a
 * use case (docs/decisions/0017).
 */
export const LOCAL_FILE_PREFIX = 'local-file://';

export class LocalDirectoryFileStore implements FileStore {
  constructor(
    private readonly dir: string,
    private readonly baseUrl: string,
  ) {}

  /** Where a path lives on disk; refuses anything that would climb out of the folder. */
  pathOf(path: string): string {
    const full = normalize(join(this.dir, path));
    if (!full.startsWith(normalize(this.dir) + sep)) throw new Error(`file path escapes the local files folder: ${path}`);
    return full;
  }

  async put(path: string, bytes: Uint8Array): Promise<string> {
    const full = this.pathOf(path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, bytes);
    return `${LOCAL_FILE_PREFIX}${path}`;
  }

  async urls(fileIds: string[]): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const id of fileIds) {
      if (!id.startsWith(LOCAL_FILE_PREFIX)) continue;
      const path = id.slice(LOCAL_FILE_PREFIX.length);
      out[id] = `${this.baseUrl}/${path.split('/').map(encodeURIComponent).join('/')}`;
    }
    return out;
  }
}
