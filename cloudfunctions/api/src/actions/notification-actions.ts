import { DomainError } from '@shared/domain/errors';
import type { ActionDefinition } from '@shared/server/api-handler';
import { loadCatalog } from './catalog-lookup';

/**
 * The mini-program reports what the person chose in requestSubscribeMessage;
 * every accepted template is one credit (one message) for that person.
 */
export const recordSubscription: ActionDefinition<'subscription.record'> = {
  viewer: 'required',
  async run({ results }, { viewer, repos, settings, now }) {
    const known = new Set(Object.values(settings.templates));
    const unknown = results.filter((r) => !known.has(r.templateId));
    if (unknown.length > 0) throw new DomainError('INPUT.INVALID', '未知的订阅消息模板');
    for (const r of results) if (r.result === 'accept') await repos.subscriptions.addCredits(viewer.openid, r.templateId, 1, now);
    const credits = await repos.subscriptions.listCredits(viewer.openid);
    return { credits: credits.map((c) => ({ templateId: c.templateId, credits: c.credits })) };
  },
};

/** For a unit admin: who in my unit could not be reached by subscription, and why. */
export const listUnreachable: ActionDefinition<'unit.unreachable'> = {
  viewer: 'required',
  async run(_input, { viewer, repos }) {
    const admins = viewer.roles.includes('unitAdmin') || viewer.roles.includes('schoolAdmin') || viewer.roles.includes('coordinator');
    if (!admins) throw new DomainError('AUTH.FORBIDDEN', '只有单位管理员可以查看');
    const [rows, catalog] = await Promise.all([repos.notifications.listUnreachable([...viewer.unitIds], 500), loadCatalog(repos)]);
    const people = new Map<string, { name: string; unitName: string; undelivered: number; lastReason: string; lastAt: number }>();
    for (const n of rows) {
      const key = `${n.unitId}.${n.recipientOpenid}`;
      const entry = people.get(key);
      if (entry) entry.undelivered += 1;
      else people.set(key, { name: n.recipientName, unitName: catalog.unitName(n.unitId), undelivered: 1, lastReason: n.reason ?? '', lastAt: n.finishedAt ?? n.createdAt });
    }
    return { people: [...people.values()] };
  },
};
