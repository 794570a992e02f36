import type { Database } from './cloudbase';
import { COLLECTIONS } from '../collections';
import type { CatalogRepository } from '../ports/repositories';
import type { CategoryRecord, UnitRecord } from '../ports/records';

/** The catalog is small (tens of rows) and rarely changes: one read per collection. */
export class CloudbaseCatalogRepository implements CatalogRepository {
  constructor(private readonly db: Database) {}

  async listUnits(): Promise<UnitRecord[]> {
    const res = await this.db.collection(COLLECTIONS.units.name).orderBy('order', 'asc').limit(1000).get();
    return res.data as UnitRecord[];
  }

  async listCategories(): Promise<CategoryRecord[]> {
    const res = await this.db.collection(COLLECTIONS.categories.name).orderBy('order', 'asc').limit(1000).get();
    return res.data as CategoryRecord[];
  }

  invalidate(): void {}

  async ensureFresh(): Promise<void> {}
}

/** Containers' clocks differ by a little; a copy loaded this soon after a save may still predate it. */
export const CLOCK_SKEW_MS = 5_000;

/**
 * Caches the catalog per container for a short time: it is read by almost
 * every action. What an admin sees after saving a unit or a category
 * (docs/decisions/0016): the container that saved it forgets its cache at
 * once (`invalidate`); another container may serve the old catalog until its
 * copy is `ttlMs` old, unless the reader passes the save's time
 * (`ensureFresh`), which reloads a copy loaded before that save (give or take
 * the containers' clock skew).
 */
export class CachedCatalogRepository implements CatalogRepository {
  private units: { at: number; value: Promise<UnitRecord[]> } | null = null;
  private categories: { at: number; value: Promise<CategoryRecord[]> } | null = null;

  constructor(
    private readonly inner: CatalogRepository,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  listUnits(): Promise<UnitRecord[]> {
    if (!this.units || this.now() - this.units.at > this.ttlMs) {
      const value = this.inner.listUnits();
      value.catch(() => (this.units = null));
      this.units = { at: this.now(), value };
    }
    return this.units.value;
  }

  listCategories(): Promise<CategoryRecord[]> {
    if (!this.categories || this.now() - this.categories.at > this.ttlMs) {
      const value = this.inner.listCategories();
      value.catch(() => (this.categories = null));
      this.categories = { at: this.now(), value };
    }
    return this.categories.value;
  }

  invalidate(): void {
    this.units = null;
    this.categories = null;
    this.inner.invalidate();
  }

  async ensureFresh(savedAt: number): Promise<void> {
    const stale = (copy: { at: number } | null) => copy !== null && copy.at <= savedAt + CLOCK_SKEW_MS;
    if (stale(this.units)) this.units = null;
    if (stale(this.categories)) this.categories = null;
  }
}
