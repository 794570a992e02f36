import type { ServerConfig } from '../config';
import type { FileStore } from '../ports/file-store';
import type { CloudbaseApp } from './cloudbase';
import { CloudbaseFileStore } from './cloudbase-file-store';
import { LocalDirectoryFileStore } from './local-directory-file-store';

/** CloudBase storage in the cloud; under the local cloud, a folder the dev gateway serves. */
export function createFileStore(config: ServerConfig, app: CloudbaseApp): FileStore {
  if (config.localFiles) return new LocalDirectoryFileStore(config.localFiles.dir, config.localFiles.baseUrl);
  return new CloudbaseFileStore(app);
}
