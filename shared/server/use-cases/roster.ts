import type { Invitation, RosterPerson } from '../../contracts/roster.contract';
import { inviteScene, JOIN_PAGE, pageWithScene } from '../../domain/entry-scene';
import { DomainError } from '../../domain/errors';
import { DAY_MS } from '../../domain/privacy';
import {
  INVITATION_STATUS_LABELS,
  inviteCodeFromHex,
  invitationStatus,
  joinRefusal,
  normaliseInviteCode,
} from '../../domain/invitation';
import { collegeOf, descendantsOf, ROLE_LABELS, TEAM_LABELS, type Role, type UnitNode } from '../../domain/organisation';
import {
  adminMemberships,
  ASSIGNABLE_ROLES,
  checkInvite,
  checkMembershipChange,
  collegeTargets,
  EXPERT_TARGET_MIN,
  inScope,
  isActiveMembership,
  managedScope,
  readableScope,
  scopeIsEmpty,
  STAFF_TARGET,
  type MembershipChange,
  type RosterPerson as RosterFacts,
  type Scope,
} from '../../domain/roster';
import type { InvitationRecord, MembershipRecord, UserRecord } from '../ports/records';
import type { ActionContext, ActionDefinition, PrepareContext } from './action';
import { alreadyDone, auditKey, auditLine, describeChanges } from './admin-audit';
import { loadCatalog, type CatalogLookup } from './catalog-lookup';
import { pageOf, pageRequest } from './paging';

/**
 * 名册与邀请 (issue 10): a unit admin invites people to a team of the units they
 * manage (a college committee and its branches; the school admin anywhere);
 * the person who opens the invitation joins, their WeChat identity (from the
 * invocation context) bound to the roster; admins change teams, 分工, roles and
 * deactivate people. Rules in shared/domain/roster.ts and invitation.ts.
 *
 * Writes: a join counts its use with one conditional update of the invitation
 * (exactly one of two people joining with a single-use code at once gets in),
 * then binds the person and writes the audit line in one transaction. Every
 * other change is one transaction with its audit line (docs/decisions/0016).
 */
export function unitNodes(catalog: CatalogLookup): UnitNode[] {
  return catalog.units.map((u) => ({ id: u._id, kind: u.kind, parentId: u.parentId }));
}

/** The person as the roster rules see them (raw roles and every membership). */
export function rosterFacts(user: UserRecord | null): RosterFacts {
  return { roles: user?.roles ?? [], memberships: user?.memberships ?? [] };
}

function scopeUnitIds(scope: Scope, catalog: CatalogLookup): string[] {
  return scope.all ? catalog.units.map((u) => u._id) : [...scope.unitIds];
}

const teamName = (team: string | null | undefined) => (team ? TEAM_LABELS[team as keyof typeof TEAM_LABELS] ?? team : '');
const names = (ids: readonly string[], catalog: CatalogLookup) => ids.map((id) => catalog.categoryName(id)).join('、');

/** Every membership's admin flag written out (older records leave it to the `unitAdmin` role), so a role added later changes nothing it did not mean to. */
function explicitAdmin(user: UserRecord): MembershipRecord[] {
  const admins = new Set(adminMemberships(user).map((m) => m.unitId));
  return user.memberships.map((m) => ({ ...m, admin: m.admin ?? admins.has(m.unitId) }));
}

/** `unitAdmin` follows the admin flags: held while any membership makes the person a unit's admin. */
function withAdminRole(roles: readonly Role[], memberships: readonly MembershipRecord[]): Role[] {
  const admin = memberships.some((m) => m.admin === true);
  if (admin) return roles.includes('unitAdmin') ? [...roles] : [...roles, 'unitAdmin'];
  return roles.filter((r) => r !== 'unitAdmin');
}

export function presentPerson(user: UserRecord, visible: (unitId: string) => boolean, catalog: CatalogLookup): RosterPerson {
  const admins = new Set(adminMemberships(user).map((m) => m.unitId));
  const memberships = user.memberships
    .filter((m) => visible(m.unitId))
    .map((m) => ({
      unitId: m.unitId,
      unitName: catalog.unitName(m.unitId),
      team: m.team,
      categoryIds: [...m.categoryIds],
      active: isActiveMembership(m),
      admin: m.admin ?? admins.has(m.unitId),
    }));
  return {
    personId: user._id,
    name: user.name,
    phone: user.phone?.number ?? null,
    roles: [...user.roles],
    active: memberships.some((m) => m.active),
    joinedAt: user.joinedAt ?? null,
    memberships,
  };
}

export function presentInvitation(inv: InvitationRecord, catalog: CatalogLookup, now: number): Invitation {
  const scene = inviteScene(inv.code);
  return {
    id: inv._id,
    code: inv.code,
    scene,
    path: pageWithScene(JOIN_PAGE, scene),
    unitId: inv.unitId,
    unitName: catalog.unitName(inv.unitId),
    team: inv.team,
    categoryIds: [...inv.categoryIds],
    role: inv.role,
    name: inv.name,
    note: inv.note,
    createdAt: inv.createdAt,
    createdByName: inv.createdByName,
    expiresAt: inv.expiresAt,
    maxUses: inv.maxUses,
    uses: inv.uses,
    status: invitationStatus(inv, now),
  };
}

function checkCategories(ids: readonly string[], catalog: CatalogLookup): void {
  if (ids.some((id) => !catalog.category(id))) throw new DomainError('CATALOG.UNKNOWN_CATEGORY');
}

/** 名册: the people of the units the caller may read, by person (paged on the memberships index), and each college's targets. */
export const listRoster: ActionDefinition<'roster.list'> = {
  viewer: 'required',
  async run({ pageSize, cursor, unitId }, ctx) {
    const { viewer, repos } = ctx;
    const catalog = await loadCatalog(repos);
    const nodes = unitNodes(catalog);
    const scope = readableScope(rosterFacts(viewer.user), nodes);
    if (scopeIsEmpty(scope)) throw new DomainError('AUTH.FORBIDDEN', '只有单位管理员、协管、主管老师和学校管理员可以查看名册');
    let unitIds = scopeUnitIds(scope, catalog);
    if (unitId !== undefined) {
      if (!catalog.unit(unitId)) throw new DomainError('CATALOG.UNKNOWN_UNIT');
      if (!inScope(scope, unitId)) throw new DomainError('AUTH.FORBIDDEN', '只能查看本单位（本学院及其团支部）的名册');
      const below = new Set(descendantsOf(unitId, nodes).map((n) => n.id));
      unitIds = unitIds.filter((id) => below.has(id));
    }
    const shown = new Set(unitIds);
    const colleges = catalog.units.filter((u) => u.kind === 'college' && shown.has(u._id)).map((u) => u._id);
    const collegeUnits = colleges.flatMap((id) => descendantsOf(id, nodes).map((n) => n.id));
    const [rows, people] = await Promise.all([
      repos.users.listInUnits(unitIds, pageRequest(pageSize, cursor)),
      colleges.length > 0 ? repos.users.listAllInUnits(collegeUnits) : Promise.resolve([]),
    ]);
    // Paged by _id: the cursor's sort value is a constant.
    const page = pageOf(rows, pageSize, () => [0]);
    const targets = collegeTargets(colleges, people.map((p) => ({ id: p._id, memberships: p.memberships })), nodes);
    return {
      items: page.items.map((u) => presentPerson(u, (id) => shown.has(id), catalog)),
      nextCursor: page.nextCursor,
      colleges: targets.map((t) => ({
        collegeId: t.collegeId,
        collegeName: catalog.unit(t.collegeId)?.shortName ?? catalog.unitName(t.collegeId),
        experts: t.experts,
        expertsMin: EXPERT_TARGET_MIN,
        expertsMet: t.expertsMet,
        staff: t.staff,
        staffMin: STAFF_TARGET.min,
        staffMax: STAFF_TARGET.max,
        staffMet: t.staffMet,
      })),
    };
  },
};

/** 邀请: for a team of a unit the caller manages; idempotent on the request id. */
export const inviteToRoster: ActionDefinition<'roster.invite'> = {
  viewer: 'required',
  async run(input, ctx) {
    const { viewer, repos, ids, now, requestId } = ctx;
    const catalog = await loadCatalog(repos);
    const unit = catalog.unit(input.unitId);
    if (!unit) throw new DomainError('CATALOG.UNKNOWN_UNIT');
    const check = checkInvite(rosterFacts(viewer.user), unit._id, input.role, unitNodes(catalog));
    if (!check.ok) throw new DomainError('AUTH.FORBIDDEN', check.message);
    checkCategories(input.categoryIds, catalog);

    const fingerprint = [input.unitId, input.team, input.categoryIds, input.role, input.name, input.note, input.expiresInDays, input.maxUses];
    const id = requestId ? ids.derived('inv', viewer.openid, requestId) : ids.next('inv');
    const requestHash = requestId ? ids.derived('h', JSON.stringify(fingerprint)) : null;
    const code = inviteCodeFromHex(ids.derived('ic', id, ids.next('ic')).replace(/^ic_/, ''));
    const record: InvitationRecord = {
      _id: id,
      code,
      unitId: unit._id,
      team: input.team,
      categoryIds: [...new Set(input.categoryIds)],
      role: input.role,
      name: input.name || null,
      note: input.note || null,
      createdAt: now,
      createdByOpenid: viewer.openid,
      createdByName: viewer.displayName ?? '管理员',
      expiresAt: now + input.expiresInDays * DAY_MS,
      maxUses: input.maxUses,
      uses: 0,
      joins: [],
      state: 'open',
      revokedAt: null,
      revokedByName: null,
      requestHash,
    };
    const stored = await repos.admin.transact(async (tx) => {
      const existing = await tx.invitation(id);
      if (existing) {
        // A retry: the first attempt's invitation (and code); the same id with another invitation is refused.
        if (existing.createdByOpenid !== viewer.openid || existing.requestHash !== requestHash) throw new DomainError('REQUEST.KEY_REUSED');
        return existing;
      }
      await tx.putInvitation(record);
      await tx.addAudit(
        auditLine(ctx, { id: ids.derived('au', id, 'invite'), requestHash: null }, {
          action: 'roster.invite',
          target: `${unit.name} · ${teamName(input.team)}${input.role === 'unitAdmin' ? '（单位管理员）' : ''}${record.name ? ` · ${record.name}` : ''}`,
          reason: [`邀请码 ${code}`, `${input.expiresInDays} 天内有效`, `可用 ${input.maxUses} 次`, input.categoryIds.length ? `分工 ${names(input.categoryIds, catalog)}` : ''].filter(Boolean).join('，'),
          unitId: unit._id,
        }),
      );
      return record;
    });
    return presentInvitation(stored, catalog, now);
  },
};

/** Open invitations of the units the caller may read, newest first. */
export const listInvitations: ActionDefinition<'roster.invites'> = {
  viewer: 'required',
  async run({ pageSize, cursor, unitId }, ctx) {
    const { viewer, repos, now } = ctx;
    const catalog = await loadCatalog(repos);
    const scope = readableScope(rosterFacts(viewer.user), unitNodes(catalog));
    if (scopeIsEmpty(scope)) throw new DomainError('AUTH.FORBIDDEN', '只有单位管理员和学校管理员可以查看邀请');
    let units: string[] | null = scope.all ? null : [...scope.unitIds];
    if (unitId !== undefined) {
      if (!catalog.unit(unitId)) throw new DomainError('CATALOG.UNKNOWN_UNIT');
      if (!inScope(scope, unitId)) throw new DomainError('AUTH.FORBIDDEN', '只能查看本单位的邀请');
      units = [unitId];
    }
    const rows = await repos.invitations.listOpen(units, now, pageRequest(pageSize, cursor));
    const page = pageOf(rows, pageSize, (r) => [r.createdAt]);
    return { items: page.items.map((r) => presentInvitation(r, catalog, now)), nextCursor: page.nextCursor };
  },
};

/** 撤销: by whoever may issue it; revoking twice changes nothing. */
export const revokeInvitation: ActionDefinition<'roster.revokeInvite'> = {
  viewer: 'required',
  async run({ invitationId, reason }, ctx) {
    const { viewer, repos, now, ids } = ctx;
    const catalog = await loadCatalog(repos);
    const nodes = unitNodes(catalog);
    const result = await repos.admin.transact(async (tx) => {
      const inv = await tx.invitation(invitationId);
      if (!inv) throw new DomainError('INVITE.INVALID');
      const check = checkInvite(rosterFacts(viewer.user), inv.unitId, inv.role, nodes);
      if (!check.ok) throw new DomainError('AUTH.FORBIDDEN', check.message.replace('邀请', '撤销邀请'));
      if (inv.state === 'revoked') return inv;
      const revoked: InvitationRecord = { ...inv, state: 'revoked', revokedAt: now, revokedByName: viewer.displayName ?? '管理员' };
      await tx.putInvitation(revoked);
      await tx.addAudit(
        auditLine(ctx, { id: ids.derived('au', inv._id, 'revoke'), requestHash: null }, {
          action: 'roster.revokeInvite',
          target: `${catalog.unitName(inv.unitId)} · ${teamName(inv.team)} 的邀请 ${inv.code}（${INVITATION_STATUS_LABELS[invitationStatus(inv, now)]}，已用 ${inv.uses}/${inv.maxUses} 次）`,
          reason: reason || null,
          unitId: inv.unitId,
        }),
      );
      return revoked;
    });
    return presentInvitation(result, catalog, now);
  },
};

/**
 * Who joined, as the invitation remembers it: a key derived from the openid,
 * not the openid itself (the roster entry holds that, and goes with the account).
 */
export function joinKey(ids: Pick<ActionContext['ids'], 'derived'>, openid: string): string {
  return ids.derived('jk', openid);
}

const findInvitation = ({ code }: { code: string }, ctx: PrepareContext) => {
  const normal = normaliseInviteCode(code);
  return normal ? ctx.repos.invitations.findByCode(normal) : Promise.resolve(null);
};

/** What the join page shows before the person accepts: the unit, team, 分工, who invited, and whether it can still be used. */
export const inviteInfo: ActionDefinition<'roster.inviteInfo', InvitationRecord | null> = {
  viewer: 'required',
  prepare: findInvitation,
  async run(_input, { viewer, repos, now, ids }, inv) {
    if (!inv) throw new DomainError('INVITE.INVALID');
    const catalog = await loadCatalog(repos);
    return {
      unitId: inv.unitId,
      unitName: catalog.unitName(inv.unitId),
      team: inv.team,
      categories: inv.categoryIds.map((id) => ({ id, name: catalog.categoryName(id) })),
      role: inv.role,
      name: inv.name,
      invitedByName: inv.createdByName,
      expiresAt: inv.expiresAt,
      status: invitationStatus(inv, now),
      alreadyJoined: inv.joins.some((j) => j.key === joinKey(ids, viewer.openid)),
      registered: viewer.user !== null,
    };
  },
};

/**
 * 加入: the caller's use of the invitation is counted by one conditional
 * update (open, unexpired, below its uses, not theirs yet), then they are bound
 * to the roster with its unit, team, 分工 and role, and the join is audited, in
 * one transaction. Joining again with the same invitation answers the same and
 * changes nothing (not even a membership an admin deactivated since).
 */
export const joinRoster: ActionDefinition<'roster.join', InvitationRecord | null> = {
  viewer: 'required',
  prepare: findInvitation,
  async run(input, ctx, found) {
    const { viewer, repos, now, ids } = ctx;
    if (!found) throw new DomainError('INVITE.INVALID');
    let inv = found;
    const key = joinKey(ids, viewer.openid);
    let joined = inv.joins.find((j) => j.key === key);
    if (!joined) {
      const refusal = joinRefusal(invitationStatus(inv, now));
      if (refusal) throw new DomainError(refusal);
      if (!viewer.user && !input.name && !inv.name) throw new DomainError('INPUT.INVALID', '请填写你的姓名');
      if (await repos.invitations.recordJoin(inv._id, key, now, inv.maxUses)) {
        joined = { key, at: now };
        if (inv.uses + 1 >= inv.maxUses) await repos.invitations.markUsedUp(inv._id, inv.maxUses).catch(() => undefined);
      } else {
        // Someone else took the last use, it was revoked or it expired meanwhile — or a copy of this very request got in first.
        const again = await repos.invitations.findById(inv._id);
        joined = again?.joins.find((j) => j.key === key);
        if (!again || !joined) throw new DomainError((again && joinRefusal(invitationStatus(again, now))) || 'INVITE.USED_UP');
        inv = again;
      }
    }
    const catalog = await loadCatalog(repos);
    const user = await bindToRoster(ctx, inv, joined.at, input.name ?? null, catalog);
    const membership = user.memberships.find((m) => m.unitId === inv.unitId)!;
    return {
      unitId: inv.unitId,
      unitName: catalog.unitName(inv.unitId),
      team: membership.team ?? inv.team,
      categoryIds: [...membership.categoryIds],
      roles: [...user.roles],
      joinedAt: joined.at,
    };
  },
};

/** The roster entry with the invitation's membership, written with the join's audit line (once: a later retry finds it bound). */
async function bindToRoster(ctx: ActionContext, inv: InvitationRecord, joinedAt: number, name: string | null, catalog: CatalogLookup): Promise<UserRecord> {
  const { viewer, repos, ids } = ctx;
  const personId = viewer.user?._id ?? ids.derived('u', viewer.openid);
  return repos.admin.transact(async (tx) => {
    const current = await tx.user(personId);
    if (current && current.openid !== viewer.openid) throw new Error(`roster entry ${personId} belongs to someone else`);
    const existing = current?.memberships.find((m) => m.unitId === inv.unitId);
    // Bound already (a retry): nothing changes, whatever an admin did since.
    if (current && existing?.invitationId === inv._id) return current;
    const base: UserRecord = current
      ? { ...current, memberships: explicitAdmin(current) }
      : {
          _id: personId,
          openid: viewer.openid,
          name: name ?? inv.name ?? '新成员',
          collegeId: collegeOf(inv.unitId, unitNodes(catalog))?.id ?? null,
          roles: [],
          memberships: [],
          joinedAt,
        };
    const prior = base.memberships.find((m) => m.unitId === inv.unitId);
    const membership: MembershipRecord = {
      unitId: inv.unitId,
      team: inv.team,
      categoryIds: [...new Set([...(prior?.categoryIds ?? []), ...inv.categoryIds])],
      active: true,
      admin: inv.role === 'unitAdmin' || prior?.admin === true,
      since: prior?.since ?? joinedAt,
      invitationId: inv._id,
    };
    const memberships = prior ? base.memberships.map((m) => (m.unitId === inv.unitId ? membership : m)) : [...base.memberships, membership];
    const roles = withAdminRole(inv.role === 'responder' && !base.roles.includes('responder') ? [...base.roles, 'responder'] : base.roles, memberships);
    const next: UserRecord = { ...base, roles, memberships, joinedAt: base.joinedAt ?? joinedAt };
    await tx.putUser(next);
    await tx.addAudit({
      ...auditLine(ctx, { id: ids.derived('au', inv._id, viewer.openid), requestHash: null }, {
        action: 'roster.join',
        target: `${next.name} 加入 ${catalog.unitName(inv.unitId)} · ${teamName(inv.team)}${inv.role === 'unitAdmin' ? '（单位管理员）' : ''}`,
        reason: `邀请码 ${inv.code}，由 ${inv.createdByName} 邀请`,
        unitId: inv.unitId,
      }),
      actorName: next.name,
      at: joinedAt,
    });
    return next;
  });
}

/**
 * 调整: a person's membership of one unit (team, 分工, active, admin) and the
 * roles they act with, within the caller's scope (shared/domain/roster.ts
 * `checkMembershipChange`). A change that changes nothing writes nothing.
 */
export const updateRoster: ActionDefinition<'roster.update'> = {
  viewer: 'required',
  async run(input, ctx) {
    const { viewer, repos } = ctx;
    const catalog = await loadCatalog(repos);
    const nodes = unitNodes(catalog);
    const actor = rosterFacts(viewer.user);
    const scope = managedScope(actor, nodes);
    if (scopeIsEmpty(scope)) throw new DomainError('AUTH.FORBIDDEN', '只有单位管理员和学校管理员可以调整成员');
    if (!catalog.unit(input.unitId)) throw new DomainError('CATALOG.UNKNOWN_UNIT');
    if (!inScope(scope, input.unitId)) throw new DomainError('AUTH.FORBIDDEN', '只能调整本单位（本学院及其团支部）的成员');
    const change: MembershipChange = {
      ...(input.team !== undefined ? { team: input.team } : {}),
      ...(input.categoryIds !== undefined ? { categoryIds: [...new Set(input.categoryIds)] } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      ...(input.admin !== undefined ? { admin: input.admin } : {}),
      ...(input.roles !== undefined ? { roles: [...new Set(input.roles)] } : {}),
    };
    if (Object.keys(change).length === 0) throw new DomainError('INPUT.INVALID', '没有要修改的内容');
    if (change.categoryIds) checkCategories(change.categoryIds, catalog);
    const key = auditKey(ctx, 'roster.update', [input.personId, input.unitId, change, input.reason]);

    const after = await repos.admin.transact(async (tx) => {
      const current = await tx.user(input.personId);
      const membership = current?.memberships.find((m) => m.unitId === input.unitId);
      if (!current || !membership) throw new DomainError('PERSON.NOT_FOUND', '名册中没有这个人，或此人不是该单位的成员');
      if (await alreadyDone(tx, key)) return current;
      const check = checkMembershipChange({ ...actor, isSelf: current.openid === viewer.openid }, current, input.unitId, change, nodes);
      if (!check.ok) throw new DomainError('AUTH.FORBIDDEN', check.message);

      const memberships = explicitAdmin(current).map((m) =>
        m.unitId !== input.unitId
          ? m
          : {
              ...m,
              ...(change.team !== undefined ? { team: change.team } : {}),
              ...(change.categoryIds !== undefined ? { categoryIds: [...change.categoryIds] } : {}),
              ...(change.active !== undefined ? { active: change.active } : {}),
              ...(change.admin !== undefined ? { admin: change.admin } : {}),
            },
      );
      // The person's roles in their order: assignable ones dropped or added as asked, `unitAdmin` by the admin flags.
      const wanted = change.roles ? new Set<Role>(change.roles) : null;
      const assignable = (r: Role) => (ASSIGNABLE_ROLES as readonly Role[]).includes(r);
      const kept = current.roles.filter((r) => !wanted || !assignable(r) || wanted.has(r));
      const added = wanted ? ASSIGNABLE_ROLES.filter((r) => wanted.has(r) && !kept.includes(r)) : [];
      const roles = withAdminRole([...kept, ...added], memberships);
      const next: UserRecord = { ...current, roles, memberships };

      const before = current.memberships.find((m) => m.unitId === input.unitId)!;
      const now = memberships.find((m) => m.unitId === input.unitId)!;
      const wasAdmin = adminMemberships(current).some((m) => m.unitId === input.unitId);
      const diff = describeChanges([
        ['团队', teamName(before.team), teamName(now.team)],
        ['分工', names(before.categoryIds, catalog), names(now.categoryIds, catalog)],
        ['状态', isActiveMembership(before) ? '在岗' : '已停用', isActiveMembership(now) ? '在岗' : '已停用'],
        ['单位管理员', wasAdmin ? '是' : '否', now.admin ? '是' : '否'],
        ['角色', current.roles.map((r) => ROLE_LABELS[r]).join('、'), roles.map((r) => ROLE_LABELS[r]).join('、')],
      ]);
      if (diff === '') return current;
      await tx.putUser(next);
      await tx.addAudit(
        auditLine(ctx, key, {
          action: 'roster.update',
          target: `${current.name}（${catalog.unitName(input.unitId)}）：${diff}`,
          reason: input.reason || null,
          unitId: input.unitId,
        }),
      );
      return next;
    });
    const readable = readableScope(actor, nodes);
    return presentPerson(after, (id) => inScope(readable, id), catalog);
  },
};
