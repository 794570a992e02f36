import { z } from 'zod';

/**
 * WeChat one-time subscriptions: each accepted template in a
 * requestSubscribeMessage buys one message. The client reports what the user
 * chose; the server keeps one credit per accepted template per person.
 */
export const TemplateId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
export const SUBSCRIBE_RESULTS = ['accept', 'reject', 'ban', 'filter'] as const;

export const SubscriptionRecordInput = z.strictObject({
  results: z
    .array(z.strictObject({ templateId: TemplateId, result: z.enum(SUBSCRIBE_RESULTS) }))
    .min(1)
    .max(3, '一次最多订阅 3 个模板'),
});
export const SubscriptionRecordOutput = z.strictObject({
  credits: z.array(z.strictObject({ templateId: TemplateId, credits: z.number().int().nonnegative() })),
});
