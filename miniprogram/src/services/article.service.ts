import type { z } from 'zod';
import type { ArticleGetOutput, ArticleListOutput, ArticlePublishOutput, ArticleSummary } from '@shared/contracts/article.contract';
import { callAction } from './api.client';

/** 青年视角: docs/decisions/0020-boards-activities-articles-topics.md. */
export type ArticlePage = z.infer<typeof ArticleListOutput>;
export type ArticleCard = z.infer<typeof ArticleSummary>;
export type ArticleView = z.infer<typeof ArticleGetOutput>;

export const ARTICLE_PAGE_SIZE = 20;

export function listArticles(cursor?: string): Promise<ArticlePage> {
  return callAction('article.list', { pageSize: ARTICLE_PAGE_SIZE, ...(cursor ? { cursor } : {}) });
}

export function getArticle(id: string): Promise<ArticleView> {
  return callAction('article.get', { id });
}

export function publishArticle(
  input: { unitId: string; title: string; coverFileId: string; body: string },
  requestId: string,
): Promise<z.infer<typeof ArticlePublishOutput>> {
  return callAction('article.publish', input, { requestId });
}

export function hideArticle(articleId: string, hidden: boolean, reason: string, requestId: string): Promise<{ hidden: boolean }> {
  return callAction('article.hide', { articleId, hidden, reason }, { requestId });
}
