import type { RoutingCategory, RoutingUnit } from '../../contracts/routing.contract';
import { DomainError } from '../../domain/errors';
import { UNIT_KIND_LABELS } from '../../domain/organisation';
import { canManageRouting, canReadRouting } from '../../domain/permissions';
import { checkCategoryName, checkCrisisLane, checkPlacement, checkUnitNames, maskWebhook } from '../../domain/routing-table';
import type { CategoryRecord, UnitRecord } from '../ports/records';
import type { ActionContext, ActionDefinition, ApiSettings } from './action';
import { alreadyDone, auditKey, auditLine, describeChanges } from './admin-audit';
import { loadCatalog, type CatalogLookup } from './catalog-lookup';

/**
 * 路由表 (issue 10): units, categories, emergency contacts and each unit's WeCom
 * fallback group, kept by the school admin. A question keeps the owner and the
 * deadline it was given when it was asked, so a save applies to new questions
 * only. A save is conditional on the version the admin read (CATALOG.STALE when
 * another admin saved first) and is written with its audit line in one
 * transaction; the saving container forgets its cached catalog at once, others
 * within 60 s, or at once for a reader passing the save's time (catalog.get
 * `freshAfter`, docs/decisions/0016).
 */
export function presentRoutingUnit(u: UnitRecord, settings: Pick<ApiSettings, 'fallbackWebhooks'>): RoutingUnit {
  const configured = settings.fallbackWebhooks[u._id];
  const webhook = u.fallbackWebhook ? { source: 'unit' as const, masked: maskWebhook(u.fallbackWebhook) } : configured ? { source: 'config' as const, masked: maskWebhook(configured) } : { source: null, masked: null };
  return {
    id: u._id,
    name: u.name,
    shortName: u.shortName,
    kind: u.kind,
    parentId: u.parentId,
    order: u.order,
    emergencyContacts: u.emergencyContacts.map((c) => ({ label: c.label, phone: c.phone })),
    fallbackWebhook: webhook,
    version: u.version ?? 0,
    updatedAt: u.updatedAt ?? null,
  };
}

export function presentRoutingCategory(c: CategoryRecord): RoutingCategory {
  return {
    id: c._id,
    name: c.name,
    description: c.description,
    ownerUnitId: c.ownerUnitId,
    answerHours: c.answerHours,
    crisisLane: c.crisisLane === true,
    order: c.order,
    version: c.version ?? 0,
    updatedAt: c.updatedAt ?? null,
  };
}

/** The admin screens read the catalog as stored now, not a cached copy (versions must be current). */
async function freshCatalog(ctx: Pick<ActionContext, 'repos'>): Promise<CatalogLookup> {
  ctx.repos.catalog.invalidate();
  return loadCatalog(ctx.repos);
}

/** 路由表 as stored, for those who oversee every unit (the school admin edits it). */
export const getRouting: ActionDefinition<'routing.get'> = {
  viewer: 'required',
  async run(_input, ctx) {
    if (!canReadRouting(ctx.viewer)) throw new DomainError('AUTH.FORBIDDEN', '只有学校管理员、协管和主管老师可以查看路由表');
    const catalog = await freshCatalog(ctx);
    return { units: catalog.units.map((u) => presentRoutingUnit(u, ctx.settings)), categories: catalog.categories.map(presentRoutingCategory) };
  },
};

const contactsText = (cs: readonly { label: string; phone: string }[]) => cs.map((c) => `${c.label} ${c.phone}`).join('、');
const webhookText = (url: string | null | undefined) => (url ? maskWebhook(url) : '');

export const saveUnit: ActionDefinition<'unit.save'> = {
  viewer: 'required',
  async run(input, ctx) {
    const { viewer, repos, ids, requestId, now } = ctx;
    if (!canManageRouting(viewer)) throw new DomainError('AUTH.FORBIDDEN', '只有学校管理员可以修改路由表');
    const creating = input.version === undefined;
    if (!creating && input.id === undefined) throw new DomainError('INPUT.INVALID', '修改单位时请指明单位编号');
    const id = input.id ?? (requestId ? ids.derived('u', viewer.openid, requestId) : ids.next('u'));
    const catalog = await freshCatalog(ctx);
    if (input.parentId && !catalog.unit(input.parentId)) throw new DomainError('CATALOG.UNKNOWN_UNIT', '上级单位不存在');
    const placement = checkPlacement({ id, kind: input.kind, parentId: input.parentId }, catalog.units.map((u) => ({ id: u._id, kind: u.kind, parentId: u.parentId })));
    if (!placement.ok) throw new DomainError('INPUT.INVALID', placement.message);
    const key = auditKey(ctx, 'unit.save', [id, input]);

    const saved = await repos.admin.transact(async (tx) => {
      const current = await tx.unit(id);
      if (await alreadyDone(tx, key)) return current!;
      if (creating && current) throw new DomainError('INPUT.INVALID', '单位编号已存在，请换一个编号，或刷新后修改这个单位');
      if (!creating && !current) throw new DomainError('CATALOG.UNKNOWN_UNIT');
      if (current && (current.version ?? 0) !== input.version) throw new DomainError('CATALOG.STALE');
      const names = checkUnitNames({ id, name: input.name, shortName: input.shortName }, catalog.units.map((u) => ({ id: u._id, name: u.name, shortName: u.shortName })));
      if (!names.ok) throw new DomainError('INPUT.INVALID', names.message);
      const next: UnitRecord = {
        ...(current ?? {}),
        _id: id,
        name: input.name,
        shortName: input.shortName,
        kind: input.kind,
        parentId: input.parentId,
        order: input.order,
        emergencyContacts: input.emergencyContacts.map((c) => ({ label: c.label, phone: c.phone })),
        fallbackWebhook: input.fallbackWebhook === undefined ? (current?.fallbackWebhook ?? null) : input.fallbackWebhook,
        version: (current?.version ?? 0) + 1,
        updatedAt: now,
      };
      const parentName = (pid: string | null) => (pid ? catalog.unitName(pid) : '');
      const diff = current
        ? describeChanges([
            ['名称', current.name, next.name],
            ['简称', current.shortName, next.shortName],
            ['类型', UNIT_KIND_LABELS[current.kind], UNIT_KIND_LABELS[next.kind]],
            ['上级', parentName(current.parentId), parentName(next.parentId)],
            ['排序', String(current.order), String(next.order)],
            ['紧急联系人', contactsText(current.emergencyContacts), contactsText(next.emergencyContacts)],
            ['企业微信群', webhookText(current.fallbackWebhook), webhookText(next.fallbackWebhook)],
          ])
        : `新建${UNIT_KIND_LABELS[next.kind]}${next.parentId ? `，上级 ${parentName(next.parentId)}` : ''}`;
      if (diff === '') return current!;
      await tx.putUnit(next);
      await tx.addAudit(auditLine(ctx, key, { action: creating ? 'unit.create' : 'unit.update', target: `单位「${next.name}」：${diff}`, reason: input.reason || null, unitId: id }));
      return next;
    });
    repos.catalog.invalidate();
    return { unit: presentRoutingUnit(saved, ctx.settings), savedAt: saved.updatedAt ?? now };
  },
};

export const saveCategory: ActionDefinition<'category.save'> = {
  viewer: 'required',
  async run(input, ctx) {
    const { viewer, repos, ids, requestId, now } = ctx;
    if (!canManageRouting(viewer)) throw new DomainError('AUTH.FORBIDDEN', '只有学校管理员可以修改路由表');
    const creating = input.version === undefined;
    if (!creating && input.id === undefined) throw new DomainError('INPUT.INVALID', '修改类别时请指明类别编号');
    const id = input.id ?? (requestId ? ids.derived('cat', viewer.openid, requestId) : ids.next('cat'));
    const catalog = await freshCatalog(ctx);
    if (input.ownerUnitId && !catalog.unit(input.ownerUnitId)) throw new DomainError('CATALOG.UNKNOWN_UNIT');
    const lane = checkCrisisLane({ id, crisisLane: input.crisisLane, ownerUnitId: input.ownerUnitId }, catalog.categories.map((c) => ({ id: c._id, name: c.name, crisisLane: c.crisisLane })));
    if (!lane.ok) throw new DomainError('INPUT.INVALID', lane.message);
    const key = auditKey(ctx, 'category.save', [id, input]);

    const saved = await repos.admin.transact(async (tx) => {
      const current = await tx.category(id);
      if (await alreadyDone(tx, key)) return current!;
      if (creating && current) throw new DomainError('INPUT.INVALID', '类别编号已存在，请换一个编号，或刷新后修改这个类别');
      if (!creating && !current) throw new DomainError('CATALOG.UNKNOWN_CATEGORY');
      if (current && (current.version ?? 0) !== input.version) throw new DomainError('CATALOG.STALE');
      const named = checkCategoryName({ id, name: input.name }, catalog.categories.map((c) => ({ id: c._id, name: c.name })));
      if (!named.ok) throw new DomainError('INPUT.INVALID', named.message);
      const next: CategoryRecord = {
        ...(current ?? {}),
        _id: id,
        name: input.name,
        description: input.description,
        ownerUnitId: input.ownerUnitId,
        answerHours: input.answerHours,
        crisisLane: input.crisisLane,
        order: input.order,
        version: (current?.version ?? 0) + 1,
        updatedAt: now,
      };
      const owner = (uid: string | null) => (uid ? catalog.unitName(uid) : '按学院分派');
      const hours = (h: number | null) => (h === null ? '默认 24 小时' : `${h} 小时`);
      const diff = current
        ? describeChanges([
            ['名称', current.name, next.name],
            ['说明', current.description, next.description],
            ['负责单位', owner(current.ownerUnitId), owner(next.ownerUnitId)],
            ['答复时限', hours(current.answerHours), hours(next.answerHours)],
            ['危机通道', current.crisisLane ? '是' : '否', next.crisisLane ? '是' : '否'],
            ['排序', String(current.order), String(next.order)],
          ])
        : `新建类别，负责单位 ${owner(next.ownerUnitId)}，答复时限 ${hours(next.answerHours)}`;
      if (diff === '') return current!;
      await tx.putCategory(next);
      await tx.addAudit(auditLine(ctx, key, { action: creating ? 'category.create' : 'category.update', target: `类别「${next.name}」：${diff}`, reason: input.reason || null, unitId: next.ownerUnitId }));
      return next;
    });
    repos.catalog.invalidate();
    return { category: presentRoutingCategory(saved), savedAt: saved.updatedAt ?? now };
  },
};
