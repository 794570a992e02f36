import { createApiHandler } from '@shared/server/api/api-handler';
import { systemClock, type Clock } from '@shared/server/clock';
import { callerOpenid, initCloudbase, invocationClock } from '@shared/server/adapters/cloudbase';
import { readServerConfig } from '@shared/server/config';
import { randomIds } from '@shared/server/ids';
import { createNotifier } from '@shared/server/adapters/create-notifier';
import { createContentChecker, createPhoneNumbers } from '@shared/server/adapters/create-content-checker';
import { cloudbaseRepositories } from '@shared/server/adapters/cloudbase-repositories';
import { createFileStorage, createMiniProgramCodes } from '@shared/server/adapters/create-entry-services';
import { apiActions } from '@shared/server/api/action-table';

/**
 * The `api` cloud function: every client call, `{action, data, requestId?}` →
 * `{ok, data}` | `{ok: false, error}`. This file is the composition root: the
 * SDK and adapters are built once per container, outside `main`.
 */
const config = readServerConfig();
const app = initCloudbase(config);
const db = app.database();
// CloudBase runs one invocation at a time per instance; the local outbox stamps
// messages with the current invocation's (possibly shifted) time.
let currentClock: Clock = systemClock;
const repos = cloudbaseRepositories(db);
const handle = createApiHandler({
  actions: apiActions,
  repos,
  ids: randomIds,
  notifier: createNotifier(config, db, () => currentClock, randomIds),
  contentChecker: createContentChecker(config, repos.settings),
  phoneNumbers: createPhoneNumbers(config),
  miniProgramCodes: createMiniProgramCodes(config, db, () => currentClock, randomIds),
  files: createFileStorage(app),
  settings: config,
});

export async function main(event: unknown, context: unknown) {
  const invocationId =
    context && typeof context === 'object' && 'request_id' in context ? String((context as { request_id: unknown }).request_id) : undefined;
  currentClock = invocationClock(config, context);
  return handle(event, { openid: callerOpenid(context), clock: currentClock, invocationId });
}
