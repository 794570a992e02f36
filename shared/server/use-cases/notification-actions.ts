import type { UnreachablePerson } from '../../contracts/escalation.contract';
import { DomainError } from '../../domain/errors';
import { canSeeUnreachable, oversees } from '../../domain/permissions';
import { deliveryProblemLabel } from '../../domain/notification-plan';
import type { ActionDefinition } from './action';
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
  async run(_input, { viewer, repos, ids }) {
    if (!canSeeUnreachable(viewer)) throw new DomainError('AUTH.FORBIDDEN', '只有单位管理员可以查看');
    // Those who oversee every unit see every unit; a unit admin sees their own units.
    const units = oversees(viewer) ? null : [...viewer.unitIds];
    const [rows, catalog] = await Promise.all([repos.notifications.listUnreachable(units, 500), loadCatalog(repos)]);
    const people = new Map<string, UnreachablePerson>();
    // Rows come newest first, so the first row of a person carries their latest problem.
    for (const n of rows) {
      const key = ids.derived('p', n.unitId ?? '', n.recipientOpenid);
      const viaGroup = n.state === 'fallback';
      const entry =
        people.get(key) ??
        people
          .set(key, {
            key,
            name: n.recipientName,
            unitName: catalog.unitName(n.unitId),
            missed: 0,
            viaGroup: 0,
            lastReason: deliveryProblemLabel(n.problem ?? 'NO_CREDIT', viaGroup),
            lastAt: n.finishedAt ?? n.createdAt,
            phone: null,
          })
          .get(key)!;
      if (viaGroup) entry.viaGroup += 1;
      else entry.missed += 1;
    }
    // Their bound numbers (admins only see this list), in one read.
    const openids = new Map([...rows].map((n) => [ids.derived('p', n.unitId ?? '', n.recipientOpenid), n.recipientOpenid]));
    const users = await repos.users.findManyByOpenid([...new Set(openids.values())]);
    for (const [key, person] of people) person.phone = users.find((u) => u.openid === openids.get(key))?.phone?.number ?? null;
    return { people: [...people.values()] };
  },
};
