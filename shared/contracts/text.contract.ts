import { z } from 'zod';

import { countChars, countVisibleChars, normalizeText } from '../domain/user-text';

export { countChars, countVisibleChars, normalizeText };

/** Far beyond any limit: refuse a 100 000-character paste before doing any work on it. */
const RAW_SLACK = 4;

/** Text the user typed: normalised, at least `min` visible characters, at most `max` characters. */
export function userText(min: number, max: number, options: { singleLine?: boolean } = {}) {
  return z
    .string()
    .max(max * RAW_SLACK + 200, `不能超过 ${max} 个字`)
    .transform((raw) => normalizeText(raw, options))
    .superRefine((text, ctx) => {
      if (countVisibleChars(text) < min) ctx.addIssue({ code: z.ZodIssueCode.custom, message: min <= 1 ? '不能为空' : `至少 ${min} 个字` });
      else if (countChars(text) > max) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `不能超过 ${max} 个字` });
    });
}

/** Optional text: normalised, may be empty, at most `max` characters. */
export function optionalText(max: number, options: { singleLine?: boolean } = {}) {
  return z
    .string()
    .max(max * RAW_SLACK + 200, `不能超过 ${max} 个字`)
    .transform((raw) => normalizeText(raw, options))
    .refine((text) => countChars(text) <= max, `不能超过 ${max} 个字`)
    .default('');
}
