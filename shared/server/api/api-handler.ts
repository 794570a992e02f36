import { ZodError, type z } from 'zod';
import {
  API_ACTIONS,
  isActionName,
  type ActionName,
} from '../../contracts/actions';
import { ApiEvent, type ApiError } from '../../contracts/common.contract';
import { DomainError, ERROR_MESSAGES, type ErrorCode } from '../../domain/errors';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/ids';
import type { ContentChecker } from '../ports/content-checker';
import type { PhoneNumbers } from '../ports/phone-numbers';
import type { FileStorage } from '../ports/files';
import type { MiniProgramCodes } from '../ports/miniprogram-codes';
import type { Notifier } from '../ports/notifier';
import type { Repositories } from '../ports/repositories';
import type { ActionDefinition, ActionTable, ApiSettings, PublicActionContext } from '../use-cases/action';
import { resolveViewer } from '../use-cases/viewer';

/**
 * The `api` function's plumbing: parse the event, find the action, validate its
 * input, resolve who is calling, run the use case, validate what goes back.
 * Use cases never see raw events and never produce raw exceptions for the client.
 */
export type ApiReply = { ok: true; data: unknown; requestId?: string } | { ok: false; error: ApiError };

export interface Invocation {
  openid: string | null;
  clock: Clock;
  /** The platform's id for this invocation (logged with errors). */
  invocationId?: string;
}

export interface ApiHandlerDeps {
  actions: ActionTable;
  repos: Repositories;
  ids: IdGenerator;
  notifier: Notifier;
  contentChecker: ContentChecker;
  phoneNumbers: PhoneNumbers;
  miniProgramCodes: MiniProgramCodes;
  files: FileStorage;
  settings: ApiSettings;
  log?: (message: string, detail: Record<string, unknown>) => void;
}

function failure(code: ErrorCode, requestId?: string, extra: Partial<ApiError> = {}): ApiReply {
  return { ok: false, error: { code, message: ERROR_MESSAGES[code], ...(requestId ? { requestId } : {}), ...extra } };
}

function issuesOf(err: ZodError): { path: string; message: string }[] {
  return err.issues.slice(0, 10).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

export function createApiHandler(deps: ApiHandlerDeps) {
  const log = deps.log ?? ((message, detail) => console.error(message, JSON.stringify(detail)));

  return async function handleApiEvent(rawEvent: unknown, invocation: Invocation): Promise<ApiReply> {
    const event = ApiEvent.safeParse(stripPlatformKeys(rawEvent));
    if (!event.success) return failure('INPUT.INVALID', undefined, { issues: issuesOf(event.error) });
    const { action, data, requestId } = event.data;
    if (!isActionName(action)) return failure('ACTION.UNKNOWN', requestId);

    const contract = API_ACTIONS[action];
    const input = (contract.input as z.ZodType).safeParse(data ?? {});
    if (!input.success) return failure('INPUT.INVALID', requestId, { issues: issuesOf(input.error) });

    const definition = deps.actions[action] as ActionDefinition<ActionName, unknown>;
    try {
      const { openid } = invocation;
      if (definition.viewer === 'required' && !openid) return failure('AUTH.REQUIRED', requestId);
      const base = { requestId, now: invocation.clock.now(), ids: deps.ids, repos: deps.repos, notifier: deps.notifier, contentChecker: deps.contentChecker, phoneNumbers: deps.phoneNumbers, miniProgramCodes: deps.miniProgramCodes, files: deps.files, settings: deps.settings, log };
      let result: unknown;
      if (definition.viewer === 'required') {
        // The viewer lookup and the action's first reads go out together: one round trip.
        const [user, prepared] = await Promise.all([
          deps.repos.users.findByOpenid(openid!),
          definition.prepare ? definition.prepare(input.data as never, { ...base, openid: openid! }) : Promise.resolve(undefined),
        ]);
        result = await definition.run(input.data as never, { ...base, viewer: resolveViewer(openid!, user) }, prepared);
      } else if (definition.viewer === 'ifSignedIn' && openid) {
        const user = await deps.repos.users.findByOpenid(openid);
        result = await definition.run(input.data as never, { ...base, viewer: resolveViewer(openid, user) } as PublicActionContext);
      } else {
        result = await definition.run(input.data as never, { ...base, viewer: null } as PublicActionContext);
      }
      // Validate what leaves the server too: a strict schema stops private fields from leaking.
      const output = (contract.output as z.ZodType).parse(result);
      return { ok: true, data: output, ...(requestId ? { requestId } : {}) };
    } catch (err) {
      if (err instanceof DomainError) {
        return { ok: false, error: { code: err.code, message: err.message, ...(requestId ? { requestId } : {}) } };
      }
      log('api action failed', {
        action,
        requestId,
        invocationId: invocation.invocationId,
        error: err instanceof ZodError ? issuesOf(err) : err instanceof Error ? err.stack ?? err.message : String(err),
      });
      return failure('INTERNAL', requestId);
    }
  };
}

/**
 * When a mini-program calls a function, the platform adds `userInfo` (appId,
 * openId) to the event. It is informational only: identity comes from the
 * invocation context. Drop it so strict parsing still rejects anything else.
 */
function stripPlatformKeys(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const { userInfo: _ignored, ...rest } = raw as Record<string, unknown>;
  return rest;
}
