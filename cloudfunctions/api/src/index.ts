import { createApiHandler } from '@shared/server/api-handler';
import { offsetClock, systemClock, type Clock } from '@shared/server/clock';
import { callerOpenid, initCloudbase, localContextValue } from '@shared/server/cloudbase';
import { readServerConfig } from '@shared/server/config';
import { randomIds } from '@shared/server/ids';
import { createNotifier } from '@shared/server/notifications/create-notifier';
import { cloudbaseRepositories } from '@shared/server/repositories/cloudbase-repositories';
import { apiActions } from './actions';

/**
 * The `api` cloud function: every client call, `{action, data, requestId?}` →
 * `{ok, data}` | `{ok: false, error}`. This file is the composition root: the
 * SDK and adapters are built once per container, outside `main`.
 */
const config = readServerConfig();
const app = initCloudbase(config);
const db = app.database();
let currentClock: Clock = systemClock;
const handle = createApiHandler({
  actions: apiActions,
  repos: cloudbaseRepositories(db),
  ids: randomIds,
  notifier: createNotifier(config, db, () => currentClock, randomIds),
  settings: {
    templates: config.templates,
    casePolicy: config.casePolicy,
    reminderOffsetsHours: config.reminderOffsetsHours,
    fallbackWebhooks: config.fallbackWebhooks,
    askLimits: config.askLimits,
  },
});

/** Under the local cloud the developer may shift time; in CloudBase this is always the system clock. */
function clockFor(context: unknown): Clock {
  if (!config.localCloud) return systemClock;
  const offset = Number(localContextValue(context, 'LOCAL_CLOCK_OFFSET_MS') ?? 0);
  return Number.isFinite(offset) && offset !== 0 ? offsetClock(offset) : systemClock;
}

export async function main(event: unknown, context: unknown) {
  const invocationId =
    context && typeof context === 'object' && 'request_id' in context ? String((context as { request_id: unknown }).request_id) : undefined;
  currentClock = clockFor(context);
  return handle(event, { openid: callerOpenid(context), clock: currentClock, invocationId });
}
