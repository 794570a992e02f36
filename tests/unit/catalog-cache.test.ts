import { CachedCatalogRepository } from '../../shared/server/adapters/cloudbase-catalog.repository';
import type { CatalogRepository } from '../../shared/server/ports/repositories';
import type { CategoryRecord, UnitRecord } from '../../shared/server/ports/records';

/** The catalog is cached per container for a while, then read again; a failed read is never cached. */
function counting(): CatalogRepository & { reads: number; fail: boolean; name: string } {
  const inner = {
    reads: 0,
    fail: false,
    name: '校团委',
    async listUnits(): Promise<UnitRecord[]> {
      inner.reads += 1;
      if (inner.fail) throw new Error('database unavailable');
      return [{ _id: 'u-school', name: inner.name, shortName: inner.name, kind: 'school', parentId: null, order: 0, emergencyContacts: [] }];
    },
    async listCategories(): Promise<CategoryRecord[]> {
      return [];
    },
    invalidate() {},
    async ensureFresh() {},
  };
  return inner;
}

describe('the catalog cache', () => {
  it('serves from the cache inside its time to live and reads again after it', async () => {
    const inner = counting();
    let now = 1_000_000;
    const cached = new CachedCatalogRepository(inner, 60_000, () => now);
    expect((await cached.listUnits())[0]!.name).toBe('校团委');
    inner.name = '校团委（更名）';
    now += 59_999;
    expect((await cached.listUnits())[0]!.name).toBe('校团委');
    expect(inner.reads).toBe(1);
    now += 2;
    expect((await cached.listUnits())[0]!.name).toBe('校团委（更名）');
    expect(inner.reads).toBe(2);
  });

  it('does not keep a failed read: the next call reads again', async () => {
    const inner = counting();
    const cached = new CachedCatalogRepository(inner, 60_000, () => 0);
    inner.fail = true;
    await expect(cached.listUnits()).rejects.toThrow('database unavailable');
    inner.fail = false;
    expect(await cached.listUnits()).toHaveLength(1);
    expect(inner.reads).toBe(2);
  });
});

describe('what an admin sees after saving (docs/decisions/0016)', () => {
  it('the container that saved forgets its copy at once', async () => {
    const inner = counting();
    const cached = new CachedCatalogRepository(inner, 60_000, () => 0);
    await cached.listUnits();
    inner.name = '校团委（更名）';
    cached.invalidate();
    expect((await cached.listUnits())[0]!.name).toBe('校团委（更名）');
    expect(inner.reads).toBe(2);
  });

  it('another container serves its copy until it is 60 s old, unless the reader passes the save\'s time', async () => {
    const inner = counting();
    let now = 1_000_000;
    const other = new CachedCatalogRepository(inner, 60_000, () => now);
    await other.listUnits(); // loaded at 1 000 000
    now += 20_000;
    inner.name = '校团委（更名）'; // saved elsewhere at 1 020 000
    const savedAt = now;
    expect((await other.listUnits())[0]!.name).toBe('校团委');
    now += 10_000;
    await other.ensureFresh(savedAt);
    expect((await other.listUnits())[0]!.name).toBe('校团委（更名）');
    expect(inner.reads).toBe(2);
    // The copy it loaded after the save is kept for the same time.
    await other.ensureFresh(savedAt);
    await other.listUnits();
    expect(inner.reads).toBe(2);
  });

  it('a copy loaded within the clocks\' skew of the save is read again, to be safe', async () => {
    const inner = counting();
    let now = 1_000_000;
    const other = new CachedCatalogRepository(inner, 60_000, () => now);
    await other.listUnits();
    await other.ensureFresh(now - 1_000);
    now += 1;
    await other.listUnits();
    expect(inner.reads).toBe(2);
  });
});
