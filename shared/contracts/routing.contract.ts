import { z } from 'zod';
import { MAX_SCENE_UNIT_ID_LENGTH } from '../domain/entry-scene';
import { UNIT_KINDS } from '../domain/organisation';
import { ANSWER_HOURS_MAX, PHONE_PATTERN, WECOM_WEBHOOK_PATTERN } from '../domain/routing-table';
import { Id, Instant } from './common.contract';
import { optionalText, userText } from './text.contract';

/**
 * 路由表: units, categories, emergency contacts and each unit's WeCom fallback
 * group. The school admin saves; those who oversee every unit read it. A save
 * applies to new questions only (a question keeps the owner and deadline it
 * was given) and is in the audit log.
 */
const Version = z.number().int().nonnegative();
const Order = z.number().int().min(0).max(9999);

export const RoutingEmergencyContact = z.strictObject({
  label: userText(2, 30, { singleLine: true }),
  phone: z.string().trim().regex(PHONE_PATTERN, '电话号码格式不正确'),
});

/** Where a unit's WeCom group comes from: its own record, the QNZS_FALLBACK_WEBHOOKS default, or nowhere. */
export const FallbackWebhookView = z.strictObject({
  source: z.enum(['unit', 'config']).nullable(),
  /** The robot URL with its key masked (the key lets anyone post to the group). */
  masked: z.string().nullable(),
});

export const RoutingUnit = z.strictObject({
  id: Id,
  name: z.string(),
  shortName: z.string(),
  kind: z.enum(UNIT_KINDS),
  parentId: Id.nullable(),
  order: z.number().int(),
  emergencyContacts: z.array(z.strictObject({ label: z.string(), phone: z.string() })),
  fallbackWebhook: FallbackWebhookView,
  /** What unit.save must name to change it. */
  version: Version,
  updatedAt: Instant.nullable(),
});
export type RoutingUnit = z.infer<typeof RoutingUnit>;

export const RoutingCategory = z.strictObject({
  id: Id,
  name: z.string(),
  description: z.string(),
  ownerUnitId: Id.nullable(),
  /** Null: the default 24 hours. */
  answerHours: z.number().int().positive().nullable(),
  crisisLane: z.boolean(),
  order: z.number().int(),
  version: Version,
  updatedAt: Instant.nullable(),
});
export type RoutingCategory = z.infer<typeof RoutingCategory>;

export const RoutingGetInput = z.strictObject({});
export const RoutingGetOutput = z.strictObject({ units: z.array(RoutingUnit), categories: z.array(RoutingCategory) });

/**
 * Creates a unit (no `version`; `id` optional, at most 30 characters so the
 * college's mini-program code scene `c=<id>` fits) or changes one (`id` and the
 * `version` read). `fallbackWebhook`: the unit's WeCom group robot, null to
 * use the configured default, or left out to keep what the unit has.
 */
export const UnitSaveInput = z.strictObject({
  id: Id.pipe(z.string().max(MAX_SCENE_UNIT_ID_LENGTH, `编号不能超过 ${MAX_SCENE_UNIT_ID_LENGTH} 个字符`)).optional(),
  version: Version.optional(),
  name: userText(2, 40, { singleLine: true }),
  shortName: userText(2, 30, { singleLine: true }),
  kind: z.enum(UNIT_KINDS),
  parentId: Id.nullable(),
  order: Order.default(100),
  emergencyContacts: z.array(RoutingEmergencyContact).max(5).default([]),
  /**
   * Left out when changing a unit: the robot stays as it is. routing.get shows
   * it masked only (its key lets anyone post to the group), so an admin editing
   * the unit's contacts could not send it back whole.
   */
  fallbackWebhook: z.string().trim().regex(WECOM_WEBHOOK_PATTERN, '只能填写企业微信群机器人的地址（https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…）').nullable().optional(),
  reason: optionalText(200, { singleLine: true }),
});
export const UnitSaveOutput = z.strictObject({
  unit: RoutingUnit,
  /** Pass to catalog.get as `freshAfter` to read the catalog with this change in it. */
  savedAt: Instant,
});

export const CategorySaveInput = z.strictObject({
  id: Id.optional(),
  version: Version.optional(),
  name: userText(1, 20, { singleLine: true }),
  description: optionalText(60, { singleLine: true }),
  ownerUnitId: Id.nullable(),
  answerHours: z.number().int().min(1).max(ANSWER_HOURS_MAX).nullable(),
  crisisLane: z.boolean().default(false),
  order: Order.default(100),
  reason: optionalText(200, { singleLine: true }),
});
export const CategorySaveOutput = z.strictObject({ category: RoutingCategory, savedAt: Instant });
