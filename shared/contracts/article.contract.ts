import { z } from 'zod';
import { FileId, Id, Instant, PageInput } from './common.contract';
import { userText } from './text.contract';

/** 青年视角 (BUCM §一, §六.7): original articles published by units, one every two weeks. */
export const ARTICLE_TITLE_MAX = 40;
export const ARTICLE_BODY_MAX = 10000;

export { FileId } from './common.contract';

export const ArticleSummary = z.strictObject({
  id: Id,
  title: z.string(),
  unitId: Id,
  unitName: z.string(),
  /** A temporary link to the cover (null when storage could not give one). */
  coverUrl: z.string().nullable(),
  excerpt: z.string(),
  publishedAt: Instant,
  /** Likes come with the likes design (issue 11, slice 1); always 0 until then. */
  likeCount: z.number().int().nonnegative(),
  hidden: z.boolean(),
});

export const ArticleListInput = PageInput.extend({ unitId: Id.optional() });
export const ArticleListOutput = z.strictObject({ items: z.array(ArticleSummary), nextCursor: z.string().nullable() });

export const ArticleGetInput = z.strictObject({ id: Id });
export const ArticleGetOutput = z.strictObject({ article: ArticleSummary.extend({ body: z.string(), authorName: z.string() }) });

export const ArticlePublishInput = z.strictObject({
  unitId: Id,
  title: userText(4, ARTICLE_TITLE_MAX, { singleLine: true }),
  coverFileId: FileId,
  body: userText(50, ARTICLE_BODY_MAX),
});
export const ArticlePublishOutput = z.strictObject({ id: Id, publishedAt: Instant });

/** Moderators (coordinator, school admin) take an article down or put it back. */
export const ArticleHideInput = z.strictObject({ articleId: Id, hidden: z.boolean(), reason: userText(2, 200, { singleLine: true }) });
export const ArticleHideOutput = z.strictObject({ hidden: z.boolean() });
