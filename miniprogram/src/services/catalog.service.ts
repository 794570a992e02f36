import type { Catalog } from '@shared/contracts/catalog.contract';
import { callAction } from './api.client';

let cached: Promise<Catalog> | null = null;

/** Units and categories change rarely; one fetch per app session, retried after a failure. */
export function getCatalog(): Promise<Catalog> {
  if (!cached) {
    cached = callAction('catalog.get', {});
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

export function resetCatalogCache(): void {
  cached = null;
}
