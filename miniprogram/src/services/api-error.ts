import { ERROR_MESSAGES, type ErrorCode } from '@shared/domain/errors';

/** Failures that happen on the client side of the wire, never sent by the server. */
export const CLIENT_ERROR_MESSAGES = {
  'NETWORK.FAILED': '网络连接失败，请检查网络后重试',
  'REPLY.INVALID': '服务返回的数据有误，请稍后再试',
} as const;

export type ClientErrorCode = keyof typeof CLIENT_ERROR_MESSAGES;
export type ApiErrorCode = ErrorCode | ClientErrorCode;

export interface FieldIssue {
  path: string;
  message: string;
}

/** Every failed call surfaces as this: a stable code and the Chinese text to show. */
export class ApiRequestError extends Error {
  readonly code: ApiErrorCode;
  readonly requestId?: string;
  readonly issues: FieldIssue[];

  constructor(code: ApiErrorCode, message?: string, extra: { requestId?: string; issues?: FieldIssue[]; cause?: unknown } = {}) {
    super(message ?? messageFor(code));
    this.name = 'ApiRequestError';
    this.code = code;
    this.requestId = extra.requestId;
    this.issues = extra.issues ?? [];
    if (extra.cause !== undefined) (this as { cause?: unknown }).cause = extra.cause;
  }
}

export function messageFor(code: ApiErrorCode): string {
  return code in CLIENT_ERROR_MESSAGES
    ? CLIENT_ERROR_MESSAGES[code as ClientErrorCode]
    : ERROR_MESSAGES[code as ErrorCode];
}

export function isApiRequestError(value: unknown): value is ApiRequestError {
  return value instanceof ApiRequestError;
}

/** The stable code of any thrown value (anything unexpected is INTERNAL). */
export function errorCodeOf(error: unknown): ApiErrorCode {
  return isApiRequestError(error) ? error.code : 'INTERNAL';
}

/**
 * Failures a second try cannot fix: the question is gone or not the viewer's,
 * the input or the request is wrong. A page offers a way out (返回首页), not 重试.
 */
const FINAL_CODES: ReadonlySet<ApiErrorCode> = new Set<ApiErrorCode>([
  'QUESTION.NOT_FOUND',
  'ACTIVITY.NOT_FOUND',
  'ARTICLE.NOT_FOUND',
  'TOPIC.NOT_FOUND',
  'AUTH.FORBIDDEN',
  'INPUT.INVALID',
  'ACTION.UNKNOWN',
  'REQUEST.KEY_REUSED',
]);

export function isRetryable(code: ApiErrorCode | null): boolean {
  return code === null || !FINAL_CODES.has(code);
}

/** The text a page shows for any thrown value. */
export function userMessageOf(error: unknown): string {
  if (isApiRequestError(error)) return error.message;
  return ERROR_MESSAGES.INTERNAL;
}
