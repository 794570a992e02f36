import { createHash, randomBytes } from 'node:crypto';
import type { IdGenerator } from './ports/ids';

export type { IdGenerator };

export const randomIds: IdGenerator = {
  next: (prefix) => `${prefix}_${Date.now().toString(36)}${randomBytes(8).toString('hex')}`,
  derived: (prefix, ...parts) =>
    `${prefix}_${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24)}`,
};
