import { z } from 'zod';
import { UNIT_KINDS } from '../domain/organisation';
import { Id, Instant } from './common.contract';

/** A number to call in an emergency (紧急通道): who answers it and the number. */
export const EmergencyContact = z.strictObject({ label: z.string(), phone: z.string() });
export type EmergencyContact = z.infer<typeof EmergencyContact>;

export const Unit = z.strictObject({
  id: Id,
  /** The unit as a body: "计算机科学与技术学院团委", "后勤服务中心". */
  name: z.string(),
  /** What a person picks or reads: the college itself ("计算机科学与技术学院") for a college committee, else the name. */
  shortName: z.string(),
  kind: z.enum(UNIT_KINDS),
  parentId: Id.nullable(),
  /** Emergency numbers this unit publishes (configuration; the school's apply everywhere). */
  emergencyContacts: z.array(EmergencyContact),
});
export type Unit = z.infer<typeof Unit>;

export const Category = z.strictObject({
  id: Id,
  name: z.string(),
  description: z.string(),
  ownerUnitId: Id.nullable(),
  answerHours: z.number().int().positive().nullable(),
});
export type Category = z.infer<typeof Category>;

/**
 * `freshAfter`: the `savedAt` a unit.save or category.save answered. The
 * catalog is cached per container for 60 s; a container whose copy may predate
 * that save reads it again, so the admin who saved sees their change at once
 * (docs/decisions/0016). Everyone else sees it within 60 s.
 */
export const CatalogGetInput = z.strictObject({ freshAfter: Instant.optional() });
export const CatalogGetOutput = z.strictObject({
  units: z.array(Unit),
  categories: z.array(Category),
});
export type Catalog = z.infer<typeof CatalogGetOutput>;
