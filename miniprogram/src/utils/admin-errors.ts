import { isApiRequestError, userMessageOf } from '../services/api-error';

/** What every admin form shows when someone else saved the same record first. */
export const STALE_TEXT = '已被他人修改，请刷新后重试';

/**
 * The Chinese text for a failed admin action: the server's message for its
 * stable code (it says what to do), the field problems of an INPUT.INVALID,
 * and one wording for a stale edit.
 */
export function actionErrorText(error: unknown): string {
  if (!isApiRequestError(error)) return userMessageOf(error);
  if (error.code === 'CATALOG.STALE') return STALE_TEXT;
  if (error.code === 'INPUT.INVALID' && error.issues.length > 0) {
    return [...new Set(error.issues.map((i) => i.message))].join('；');
  }
  return error.message;
}
