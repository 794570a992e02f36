import { z } from 'zod';
import { CASE_KINDS, CASE_WRITE_UP_MAX, CASE_WRITE_UP_MIN } from '../domain/typical-case';
import { countVisibleChars } from '../domain/user-text';
import { Id, Instant, PageInput } from './common.contract';
import { QuestionStatus, Visibility } from './question.contract';
import { CampusDate } from './statistics.contract';
import { optionalText } from './text.contract';

/** 案例报送: a question marked as a typical online or offline case, with a short write-up (shared/domain/typical-case.ts). */
export const CaseKind = z.enum(CASE_KINDS);

/** The same shape QuestionDetail.typicalCase carries. */
export const TypicalCase = z.strictObject({
  kind: CaseKind,
  writeUp: z.string(),
  markedAt: Instant,
  markedByName: z.string(),
});
export type TypicalCase = z.infer<typeof TypicalCase>;

/** Mark (`online` / `offline`, with a write-up of 10–300 characters) or unmark (`none`). */
export const CaseMarkInput = z
  .strictObject({
    questionId: Id,
    kind: z.enum([...CASE_KINDS, 'none']),
    writeUp: optionalText(CASE_WRITE_UP_MAX),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== 'none' && countVisibleChars(v.writeUp) < CASE_WRITE_UP_MIN) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['writeUp'], message: `请写至少 ${CASE_WRITE_UP_MIN} 个字的案例说明` });
    }
  });
export const CaseMarkOutput = z.strictObject({
  questionId: Id,
  /** The case as it is now; null when unmarked. */
  typicalCase: TypicalCase.nullable(),
  version: z.number().int().nonnegative(),
});

export const CaseItem = z.strictObject({
  questionId: Id,
  title: z.string(),
  kind: CaseKind,
  writeUp: z.string(),
  unitId: Id,
  unitName: z.string(),
  categoryName: z.string(),
  status: QuestionStatus,
  visibility: Visibility,
  askedAt: Instant,
  markedAt: Instant,
  markedByName: z.string(),
});
export type CaseItem = z.infer<typeof CaseItem>;

/** 典型案例: newest mark first; by campus days of marking, unit and kind. */
export const CaseListInput = PageInput.extend({
  from: CampusDate.optional(),
  to: CampusDate.optional(),
  unitId: Id.optional(),
  kind: CaseKind.optional(),
});
export const CaseListOutput = z.strictObject({ items: z.array(CaseItem), nextCursor: z.string().nullable() });
