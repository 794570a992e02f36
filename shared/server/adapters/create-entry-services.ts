import type { Clock } from '../clock';
import type { ServerConfig } from '../config';
import type { IdGenerator } from '../ids';
import type { FileStorage } from '../ports/files';
import type { MiniProgramCodes } from '../ports/miniprogram-codes';
import type { CloudbaseApp, Database } from './cloudbase';
import { CloudbaseFileStorage } from './cloudbase-file-storage';
import { LocalMiniProgramCodes } from './local-miniprogram-codes';
import { WechatMiniProgramCodes } from './wechat-miniprogram-codes';

/** wxacode.getUnlimited through WeChat in the cloud; a drawn placeholder (and an outbox line) under the local cloud. */
export function createMiniProgramCodes(config: ServerConfig, db: Database, clock: () => Clock, ids: IdGenerator): MiniProgramCodes {
  return config.localCloud ? new LocalMiniProgramCodes(db, clock, ids) : new WechatMiniProgramCodes();
}

/** CloudBase storage through the SDK, in the cloud and under the local cloud alike. */
export function createFileStorage(app: CloudbaseApp): FileStorage {
  return new CloudbaseFileStorage(app);
}
