import { z } from 'zod';
import { ERROR_MESSAGES, type ErrorCode } from '../domain/errors';

/** Document ids: short, printable, never an object (so `{"$gt": ""}` cannot pass as an id). */
export const Id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'id 格式不正确');

/** A cloud storage file id (`cloud://…`), as uploadFile gives it. */
export const FileId = z.string().trim().min(10).max(300).regex(/^cloud:\/\/[^\s]+$/, '图片文件无效');
export type Id = z.infer<typeof Id>;

/** Epoch milliseconds, UTC. */
export const Instant = z.number().int().nonnegative();

export const RequestId = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const PageInput = z.strictObject({
  pageSize: z.number().int().min(1).max(50).default(20),
  cursor: z.string().max(100).optional(),
});

export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as [ErrorCode, ...ErrorCode[]];
export const ApiError = z.strictObject({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  requestId: z.string().optional(),
  issues: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

/** Every `api` call: `{action, data, requestId?}`. */
export const ApiEvent = z.strictObject({
  action: z.string().min(1).max(64),
  data: z.unknown().optional(),
  requestId: RequestId.optional(),
});
export type ApiEvent = z.infer<typeof ApiEvent>;

export function okResult<T extends z.ZodType>(data: T) {
  return z.strictObject({ ok: z.literal(true), data, requestId: z.string().optional() });
}
export const ErrorResult = z.strictObject({ ok: z.literal(false), error: ApiError });
