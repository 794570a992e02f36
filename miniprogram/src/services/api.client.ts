import { z } from 'zod';
import { API_ACTIONS, type ActionInput, type ActionName, type ActionOutput } from '@shared/contracts/actions';
import { ErrorResult, okResult } from '@shared/contracts/common.contract';
import { ApiRequestError } from './api-error';
import { sendApiEvent } from './transport';

const Reply = z.union([okResult(z.unknown()), ErrorResult]);

export interface CallOptions {
  /** Idempotency key: the same id on a retry lets the server return the first result. */
  requestId?: string;
}

/**
 * Calls one action and returns its validated output. The reply envelope and the
 * payload are both parsed with the contract before any page sees them.
 */
export async function callAction<A extends ActionName>(
  action: A,
  data: ActionInput<A>,
  options: CallOptions = {},
): Promise<ActionOutput<A>> {
  const raw = await sendApiEvent({
    action,
    data,
    ...(options.requestId ? { requestId: options.requestId } : {}),
  });

  const reply = Reply.safeParse(raw);
  if (!reply.success) {
    throw new ApiRequestError('REPLY.INVALID', undefined, { cause: reply.error });
  }
  if (!reply.data.ok) {
    const { code, message, requestId, issues } = reply.data.error;
    throw new ApiRequestError(code, message, { requestId, issues });
  }

  const output = API_ACTIONS[action].output.safeParse(reply.data.data);
  if (!output.success) {
    throw new ApiRequestError('REPLY.INVALID', undefined, { requestId: reply.data.requestId, cause: output.error });
  }
  return output.data as ActionOutput<A>;
}
