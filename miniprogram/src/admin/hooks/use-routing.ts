import { useCallback, useState } from 'react';
import type { RoutingCategory, RoutingUnit } from '@shared/contracts/routing.contract';
import { MAX_SCENE_UNIT_ID_LENGTH } from '@shared/domain/entry-scene';
import { UNIT_KIND_LABELS, type UnitKind } from '@shared/domain/organisation';
import { PHONE_PATTERN, WECOM_WEBHOOK_PATTERN, ANSWER_HOURS_MAX, checkCategoryName, checkPlacement, checkUnitNames } from '@shared/domain/routing-table';
import { useAsync } from '../../hooks/use-async';
import { useRequestIds } from '../../hooks/use-request-ids';
import { errorCodeOf, isRetryable } from '../../services/api-error';
import { resetCatalogCache } from '../../services/catalog.service';
import { getRoutingTable, saveCategory, saveUnit, type CategorySave, type UnitSave } from '../../services/roster.service';
import { actionErrorText } from '../../utils/admin-errors';

export interface UnitDraft {
  name: string;
  shortName: string;
  contacts: { label: string; phone: string }[];
  /** 'keep': leave the robot as it is (it is shown masked only); 'set': a new address; 'clear': back to the configured default. */
  webhookMode: 'keep' | 'set' | 'clear';
  webhook: string;
  reason: string;
}

export interface CategoryDraft {
  name: string;
  description: string;
  ownerUnitId: string | null;
  /** Hours as typed; empty means the default 24. */
  answerHours: string;
  reason: string;
}

export function unitDraftOf(u: RoutingUnit): UnitDraft {
  return { name: u.name, shortName: u.shortName, contacts: u.emergencyContacts.map((c) => ({ ...c })), webhookMode: 'keep', webhook: '', reason: '' };
}

export function categoryDraftOf(c: RoutingCategory): CategoryDraft {
  return { name: c.name, description: c.description, ownerUnitId: c.ownerUnitId, answerHours: c.answerHours === null ? '' : String(c.answerHours), reason: '' };
}

const len = (s: string) => [...s.trim()].length;

/** The problems of a unit draft, in the words the form shows (the server checks the same). */
export function unitDraftErrors(d: UnitDraft): string[] {
  const out: string[] = [];
  if (len(d.name) < 2 || len(d.name) > 40) out.push('单位名称为 2–40 个字');
  if (len(d.shortName) < 2 || len(d.shortName) > 30) out.push('简称为 2–30 个字');
  if (d.contacts.length > 5) out.push('紧急联系人最多 5 个');
  d.contacts.forEach((c, i) => {
    if (len(c.label) < 2 || len(c.label) > 30) out.push(`第 ${i + 1} 个联系人的名称为 2–30 个字`);
    if (!PHONE_PATTERN.test(c.phone.trim())) out.push(`第 ${i + 1} 个联系人的电话号码格式不正确`);
  });
  if (d.webhookMode === 'set' && !WECOM_WEBHOOK_PATTERN.test(d.webhook.trim())) {
    out.push('企业微信群机器人地址应为 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…');
  }
  return out;
}

export function categoryDraftErrors(d: CategoryDraft): string[] {
  const out: string[] = [];
  if (len(d.name) < 1 || len(d.name) > 20) out.push('类别名称为 1–20 个字');
  if (len(d.description) > 60) out.push('说明不超过 60 个字');
  if (d.answerHours.trim() !== '') {
    const h = Number(d.answerHours.trim());
    if (!Number.isInteger(h) || h < 1 || h > ANSWER_HOURS_MAX) out.push(`答复时限为 1–${ANSWER_HOURS_MAX} 之间的整数小时，留空则为 24 小时`);
  }
  return out;
}

/** A unit the school admin adds: where it sits, its names, and optionally its id (the scene of its mini-program code). */
export interface NewUnitDraft {
  kind: UnitKind;
  parentId: string | null;
  name: string;
  shortName: string;
  /** Empty: the server makes one. */
  id: string;
  contacts: { label: string; phone: string }[];
  /** Empty: no group of its own (the configured default, if any). */
  webhook: string;
  reason: string;
}

/** The kinds the form offers: the school committee only while there is none. */
export function newUnitKinds(units: readonly RoutingUnit[]): UnitKind[] {
  const kinds: UnitKind[] = ['college', 'department', 'branch'];
  return units.some((u) => u.kind === 'school') ? kinds : ['school', ...kinds];
}

/** The units a new unit of this kind may hang under (the same rule as the server's checkPlacement). */
export function parentChoices(kind: UnitKind, units: readonly RoutingUnit[]): RoutingUnit[] {
  if (kind === 'college' || kind === 'department') return units.filter((u) => u.kind === 'school');
  if (kind === 'branch') return units.filter((u) => u.kind === 'college');
  return [];
}

/** A fresh draft of that kind: a college or department under the school committee, a branch waits for its college. */
export function blankUnitDraft(kind: UnitKind, units: readonly RoutingUnit[]): NewUnitDraft {
  const school = units.find((u) => u.kind === 'school');
  const parentId = kind === 'college' || kind === 'department' ? (school?.id ?? null) : null;
  return { kind, parentId, name: '', shortName: '', id: '', contacts: [], webhook: '', reason: '' };
}

export function blankCategoryDraft(): CategoryDraft {
  return { name: '', description: '', ownerUnitId: null, answerHours: '', reason: '' };
}

const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

/** The problems of a new unit, mirroring unit.save: names, id, placement, contacts, robot. */
export function newUnitDraftErrors(d: NewUnitDraft, units: readonly RoutingUnit[]): string[] {
  const out: string[] = [];
  if (d.kind === 'branch' && !d.parentId) out.push('请选择团支部所属的学院团委');
  else {
    const placement = checkPlacement({ id: d.id.trim() || '(new)', kind: d.kind, parentId: d.parentId }, units.map((u) => ({ id: u.id, kind: u.kind, parentId: u.parentId })));
    if (!placement.ok) out.push(placement.message);
  }
  const base = unitDraftErrors({ name: d.name, shortName: d.shortName, contacts: d.contacts, webhookMode: d.webhook.trim() ? 'set' : 'keep', webhook: d.webhook, reason: d.reason });
  out.push(...base);
  if (len(d.name) >= 2 && len(d.shortName) >= 2) {
    const names = checkUnitNames({ id: d.id.trim() || '(new)', name: d.name, shortName: d.shortName }, units);
    if (!names.ok) out.push(names.message);
  }
  const id = d.id.trim();
  if (id !== '') {
    if (!ID_PATTERN.test(id)) out.push('编号只能用英文字母、数字、- 和 _');
    else if (id.length > MAX_SCENE_UNIT_ID_LENGTH) out.push(`编号不能超过 ${MAX_SCENE_UNIT_ID_LENGTH} 个字符（小程序码装不下）`);
    else if (units.some((u) => u.id === id)) out.push('编号已被其他单位使用，请换一个或留空');
  }
  return out;
}

/** The problems of a new category: the edit checks, and a name no other category has. */
export function newCategoryDraftErrors(d: CategoryDraft, categories: readonly RoutingCategory[]): string[] {
  const out = categoryDraftErrors(d);
  if (len(d.name) >= 1) {
    const named = checkCategoryName({ id: '(new)', name: d.name }, categories);
    if (!named.ok) out.push(named.message);
  }
  return out;
}

/**
 * A refused creation in words for the school admin. A failure a second press
 * can fix says so: the press reuses the request id, so nothing is made twice.
 */
export function createErrorText(err: unknown, what: 'unit' | 'category'): { text: string; stale: boolean } {
  const code = errorCodeOf(err);
  if (code === 'CATALOG.UNKNOWN_UNIT') {
    return { text: what === 'unit' ? '所选的上级单位已不存在，请刷新后重新选择' : '所选的负责单位已不存在，请刷新后重新选择', stale: true };
  }
  if (code === 'AUTH.FORBIDDEN') return { text: '只有学校管理员可以新增单位和类别', stale: false };
  if (code === 'INPUT.INVALID' || code === 'REQUEST.KEY_REUSED') return { text: actionErrorText(err), stale: false };
  if (isRetryable(code)) return { text: `${actionErrorText(err)}（可再点一次「确认新增」，不会重复创建）`, stale: false };
  return { text: actionErrorText(err), stale: false };
}

export interface SaveFailure {
  key: string;
  text: string;
  stale: boolean;
}

/** 路由表 with conditional saves: a save names the version read; CATALOG.STALE asks to reload. */
export function useRouting() {
  const table = useAsync(getRoutingTable);
  const ids = useRequestIds();
  const [saving, setSaving] = useState<string | null>(null);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [done, setDone] = useState<{ key: string; text: string } | null>(null);

  const run = useCallback(
    async <T,>(key: string, save: () => Promise<T>, doneText: (saved: T) => string, failText?: (err: unknown) => { text: string; stale: boolean }): Promise<boolean> => {
      setSaving(key);
      setFailure(null);
      setDone(null);
      try {
        const saved = await save();
        ids.settled();
        // The ask page's catalog is cached per session: the next read takes the change.
        resetCatalogCache();
        setDone({ key, text: doneText(saved) });
        table.reload();
        return true;
      } catch (err) {
        setFailure({ key, ...(failText ? failText(err) : { text: actionErrorText(err), stale: errorCodeOf(err) === 'CATALOG.STALE' }) });
        return false;
      } finally {
        setSaving(null);
      }
    },
    [ids, table],
  );

  const saveUnitDraft = useCallback(
    (u: RoutingUnit, d: UnitDraft) => {
      const input: UnitSave = {
        id: u.id,
        version: u.version,
        name: d.name.trim(),
        shortName: d.shortName.trim(),
        kind: u.kind,
        parentId: u.parentId,
        order: u.order,
        emergencyContacts: d.contacts.map((c) => ({ label: c.label.trim(), phone: c.phone.trim() })),
        ...(d.webhookMode === 'set' ? { fallbackWebhook: d.webhook.trim() } : d.webhookMode === 'clear' ? { fallbackWebhook: null } : {}),
        ...(d.reason.trim() ? { reason: d.reason.trim() } : {}),
      };
      return run(`unit:${u.id}`, () => saveUnit(input, ids.idFor(['unit.save', input])), () => `已保存「${input.name}」，之后的新提问按新设置处理`);
    },
    [ids, run],
  );

  const saveCategoryDraft = useCallback(
    (c: RoutingCategory, d: CategoryDraft) => {
      const input: CategorySave = {
        id: c.id,
        version: c.version,
        name: d.name.trim(),
        description: d.description.trim(),
        ownerUnitId: d.ownerUnitId,
        answerHours: d.answerHours.trim() === '' ? null : Number(d.answerHours.trim()),
        crisisLane: c.crisisLane,
        order: c.order,
        ...(d.reason.trim() ? { reason: d.reason.trim() } : {}),
      };
      return run(`category:${c.id}`, () => saveCategory(input, ids.idFor(['category.save', input])), () => `已保存类别「${input.name}」，之后的新提问按新设置分派`);
    },
    [ids, run],
  );

  const createUnit = useCallback(
    (d: NewUnitDraft, parentName: string | null) => {
      const input: UnitSave = {
        ...(d.id.trim() ? { id: d.id.trim() } : {}),
        name: d.name.trim(),
        shortName: d.shortName.trim(),
        kind: d.kind,
        parentId: d.parentId,
        emergencyContacts: d.contacts.map((c) => ({ label: c.label.trim(), phone: c.phone.trim() })),
        ...(d.webhook.trim() ? { fallbackWebhook: d.webhook.trim() } : {}),
        ...(d.reason.trim() ? { reason: d.reason.trim() } : {}),
      };
      // The same content pressed again (a lost reply) reuses the request id: the server makes the unit once.
      return run(
        'new-unit',
        () => saveUnit(input, ids.idFor(['unit.create', input])),
        (saved) => `已新增${UNIT_KIND_LABELS[saved.unit.kind]}「${saved.unit.name}」${parentName ? `（上级：${parentName}）` : ''}，编号 ${saved.unit.id}。只对之后的新提问生效。`,
        (err) => createErrorText(err, 'unit'),
      );
    },
    [ids, run],
  );

  const createCategory = useCallback(
    (d: CategoryDraft, ownerName: string) => {
      const input: CategorySave = {
        name: d.name.trim(),
        description: d.description.trim(),
        ownerUnitId: d.ownerUnitId,
        answerHours: d.answerHours.trim() === '' ? null : Number(d.answerHours.trim()),
        ...(d.reason.trim() ? { reason: d.reason.trim() } : {}),
      };
      return run(
        'new-category',
        () => saveCategory(input, ids.idFor(['category.create', input])),
        (saved) => `已新增类别「${saved.category.name}」：负责单位 ${ownerName}，答复时限 ${saved.category.answerHours ?? 24} 小时。学生提问时即可选择，只对之后的新提问生效。`,
        (err) => createErrorText(err, 'category'),
      );
    },
    [ids, run],
  );

  return { table, saving, failure, done, saveUnitDraft, saveCategoryDraft, createUnit, createCategory, clearFailure: () => setFailure(null), clearDone: () => setDone(null) };
}
