import type { Clock } from '../clock';
import type { Database } from './cloudbase';
import type { ServerConfig } from '../config';
import type { IdGenerator } from '../ids';
import type { Notifier } from '../ports/notifier';
import { OutboxNotifier } from './outbox-notifier';
import { WechatNotifier } from './wechat-notifier';

/** WeChat in the cloud; the local outbox under the local cloud. */
export function createNotifier(config: ServerConfig, db: Database, clock: () => Clock, ids: IdGenerator): Notifier {
  return config.localCloud ? new OutboxNotifier(db, clock, ids) : new WechatNotifier(config.miniprogramState);
}
