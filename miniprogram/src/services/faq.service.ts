import type { ActionInput, ActionOutput } from '@shared/contracts/actions';
import type { FaqCandidate, FaqEntry } from '@shared/contracts/faq.contract';
import { callAction } from './api.client';

export type { FaqCandidate, FaqEntry };
export type FaqDetail = ActionOutput<'faq.get'>;
export type FaqCandidatePage = ActionOutput<'faq.candidates'>;
export type FaqPublishRequest = ActionInput<'faq.publish'>;
export type FaqPublishResult = ActionOutput<'faq.publish'>;

const CANDIDATE_PAGE_SIZE = 20;

/** 常见问题: the published entries, newest first (curators may include the retired ones). */
export function listFaqs(includeRetired = false): Promise<FaqEntry[]> {
  return callAction('faq.list', { includeRetired }).then((r) => r.items);
}

/** One entry with the public questions it gathers. */
export function getFaq(id: string): Promise<FaqDetail> {
  return callAction('faq.get', { id });
}

/** 待整理的重复问题 (coordinator, school admin): open groups, newest half month first, and the deflections of the last 14 days. */
export function listFaqCandidates(cursor?: string): Promise<FaqCandidatePage> {
  return callAction('faq.candidates', { pageSize: CANDIDATE_PAGE_SIZE, ...(cursor ? { cursor } : {}) });
}

/**
 * 发布 (new, or an update with `faqId`): carries a request id, so a retry after
 * a lost reply makes one entry and finishes linking what the first attempt started.
 */
export function publishFaq(input: FaqPublishRequest, requestId: string): Promise<FaqPublishResult> {
  return callAction('faq.publish', input, { requestId });
}

/** 撤下 with a reason: its questions are suggested on their own again. */
export function retireFaq(faqId: string, reason: string, requestId: string): Promise<ActionOutput<'faq.retire'>> {
  return callAction('faq.retire', { faqId, reason }, { requestId });
}

/** 不是重复问题: the group leaves the queue. */
export function dismissFaqCandidate(candidateId: string, requestId: string): Promise<ActionOutput<'faq.dismiss'>> {
  return callAction('faq.dismiss', { candidateId }, { requestId });
}
