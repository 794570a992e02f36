import type { ActionDefinition } from './action';
import { loadCatalog } from './catalog-lookup';

export const getMe: ActionDefinition<'me.get'> = {
  viewer: 'required',
  async run(_input, { viewer, repos, settings }) {
    const user = viewer.user;
    const catalog = user && user.memberships.length > 0 ? await loadCatalog(repos) : null;
    return {
      registered: user !== null,
      name: user?.name ?? null,
      collegeId: user?.collegeId ?? null,
      roles: [...viewer.roles],
      memberships: (user?.memberships ?? []).map((m) => ({
        unitId: m.unitId,
        unitName: catalog ? catalog.unitName(m.unitId) : '',
        team: m.team,
        categoryIds: m.categoryIds,
      })),
      subscribeTemplates: {
        asker: [settings.templates.reply, settings.templates.progress],
        responder: [settings.templates.reminder, settings.templates.escalation],
      },
    };
  },
};
