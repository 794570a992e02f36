import type { ActionDefinition } from './action';
import { loadCatalog } from './catalog-lookup';

export const getCatalog: ActionDefinition<'catalog.get'> = {
  viewer: 'optional',
  async run({ freshAfter }, { repos }) {
    // Right after a save the admin passes its time: a copy cached before it is read again.
    if (freshAfter !== undefined) await repos.catalog.ensureFresh(freshAfter);
    const catalog = await loadCatalog(repos);
    return {
      units: catalog.units.map((u) => ({ id: u._id, name: u.name, shortName: u.shortName, kind: u.kind, parentId: u.parentId, emergencyContacts: u.emergencyContacts })),
      categories: catalog.categories.map((c) => ({
        id: c._id,
        name: c.name,
        description: c.description,
        ownerUnitId: c.ownerUnitId,
        answerHours: c.answerHours,
      })),
    };
  },
};
