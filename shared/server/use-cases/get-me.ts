import type { SubscriptionRecord } from '../ports/records';
import type { ActionDefinition } from './action';
import { loadCatalog } from './catalog-lookup';

/** 我的: who the caller is to the platform, and what their subscriptions can still deliver (read beside the viewer). */
export const getMe: ActionDefinition<'me.get', SubscriptionRecord[]> = {
  viewer: 'required',
  prepare: (_input, { repos, openid }) => repos.subscriptions.listCredits(openid),
  async run(_input, { viewer, repos, settings }, credits) {
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
      credits: credits.map((c) => ({ templateId: c.templateId, credits: c.credits })),
    };
  },
};
