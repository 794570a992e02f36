import type { Repositories } from '../ports/repositories';
import type { CategoryRecord, UnitRecord } from '../ports/records';

/** Units and categories by id, for naming things in replies. */
export interface CatalogLookup {
  units: UnitRecord[];
  categories: CategoryRecord[];
  unit(id: string | null | undefined): UnitRecord | undefined;
  category(id: string | null | undefined): CategoryRecord | undefined;
  unitName(id: string | null | undefined): string;
  categoryName(id: string | null | undefined): string;
}

export async function loadCatalog(repos: Repositories): Promise<CatalogLookup> {
  const [units, categories] = await Promise.all([repos.catalog.listUnits(), repos.catalog.listCategories()]);
  const unitById = new Map(units.map((u) => [u._id, u]));
  const categoryById = new Map(categories.map((c) => [c._id, c]));
  return {
    units,
    categories,
    unit: (id) => (id ? unitById.get(id) : undefined),
    category: (id) => (id ? categoryById.get(id) : undefined),
    unitName: (id) => (id ? unitById.get(id)?.name ?? '未知单位' : '未知单位'),
    categoryName: (id) => (id ? categoryById.get(id)?.name ?? '其他' : '其他'),
  };
}
