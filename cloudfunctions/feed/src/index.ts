import { callerOpenid, initCloudbase, invocationClock } from '@shared/server/adapters/cloudbase';
import { readServerConfig } from '@shared/server/config';
import { cloudbaseRepositories } from '@shared/server/adapters/cloudbase-repositories';
import { bearerTokenCheck } from '@shared/server/adapters/bearer-token';
import { createFeedHandler } from '@shared/server/api/feed-handler';

/**
 * The `feed` cloud function: the export feed for the central platform
 * (数据共享), reached through CloudBase's HTTP access service at `/feed`
 * (`tcb service create -p /feed -f feed`, README "Data sharing") with the
 * service credential `Authorization: Bearer <QNZS_EXPORT_TOKEN>`. It reads,
 * never writes. Composition root; the work is in shared/server/api/feed-handler.ts.
 */
const config = readServerConfig();
const app = initCloudbase(config);
const repos = cloudbaseRepositories(app.database());
if (!config.exportToken) console.warn('[qnzs] QNZS_EXPORT_TOKEN is not set: the export feed refuses every request');
const handle = createFeedHandler({ repos, verify: bearerTokenCheck(config.exportToken) });

export async function main(event: unknown, context: unknown) {
  // A mini-program user (who always comes with an openid) is not a service: the feed is not theirs to call.
  if (callerOpenid(context) !== null) return { ok: false, error: { code: 'AUTH.FORBIDDEN', message: '数据共享接口只供中央平台以服务凭证调用' } };
  return handle(event, invocationClock(config, context));
}
