import { maskPhone } from '../../contracts/me.contract';
import { DomainError } from '../../domain/errors';
import { activeMemberships } from '../../domain/roster';
import type { SubscriptionRecord } from '../ports/records';
import type { ActionDefinition } from './action';
import { loadCatalog } from './catalog-lookup';

/** 我的: who the caller is to the platform, and what their subscriptions can still deliver (read beside the viewer). */
export const getMe: ActionDefinition<'me.get', SubscriptionRecord[]> = {
  viewer: 'required',
  prepare: (_input, { repos, openid }) => repos.subscriptions.listCredits(openid),
  async run(_input, { viewer, repos, settings }, credits) {
    const user = viewer.user;
    const memberships = user ? activeMemberships(user) : [];
    const catalog = memberships.length > 0 ? await loadCatalog(repos) : null;
    return {
      registered: user !== null,
      name: user?.name ?? null,
      collegeId: user?.collegeId ?? null,
      roles: [...viewer.roles],
      memberships: memberships.map((m) => ({
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
      phone: user?.phone ? maskPhone(user.phone.number) : null,
    };
  },
};

/**
 * 绑定手机号: staff who answer officially bind a number through WeChat's
 * phone-number button (the person's consent is the tap). Students are never
 * asked. The number is shown to admins (who cannot reach whom), masked to the
 * person, and removed with the account.
 */
export const bindPhone: ActionDefinition<'me.bindPhone'> = {
  viewer: 'required',
  async run({ code }, { viewer, repos, phoneNumbers, now }) {
    const staff = viewer.user !== null && viewer.roles.some((r) => r !== 'student');
    if (!staff) throw new DomainError('AUTH.FORBIDDEN', '只有答复老师和管理人员需要绑定手机号');
    const number = await phoneNumbers.fromCode(code, viewer.openid);
    if (!number) throw new DomainError('PHONE.CODE_INVALID');
    await repos.users.setPhone(viewer.openid, { number, boundAt: now });
    return { phone: maskPhone(number) };
  },
};
