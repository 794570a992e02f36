import { z } from 'zod';
import { UNIT_KINDS } from '../domain/organisation';
import { Id } from './common.contract';

export const Unit = z.strictObject({
  id: Id,
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  parentId: Id.nullable(),
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

export const CatalogGetInput = z.strictObject({});
export const CatalogGetOutput = z.strictObject({
  units: z.array(Unit),
  categories: z.array(Category),
});
export type Catalog = z.infer<typeof CatalogGetOutput>;
