import { useCallback, useState } from 'react';
import type { RoutingCategory, RoutingUnit } from '@shared/contracts/routing.contract';
import { PHONE_PATTERN, WECOM_WEBHOOK_PATTERN, ANSWER_HOURS_MAX } from '@shared/domain/routing-table';
import { useAsync } from '../../hooks/use-async';
import { useRequestIds } from '../../hooks/use-request-ids';
import { errorCodeOf } from '../../services/api-error';
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
  const [done, setDone] = useState<string | null>(null);

  const run = useCallback(
    async (key: string, save: () => Promise<unknown>, doneText: string): Promise<boolean> => {
      setSaving(key);
      setFailure(null);
      setDone(null);
      try {
        await save();
        ids.settled();
        // The ask page's catalog is cached per session: the next read takes the change.
        resetCatalogCache();
        setDone(doneText);
        table.reload();
        return true;
      } catch (err) {
        setFailure({ key, text: actionErrorText(err), stale: errorCodeOf(err) === 'CATALOG.STALE' });
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
      return run(`unit:${u.id}`, () => saveUnit(input, ids.idFor(['unit.save', input])), `已保存「${input.name}」，之后的新提问按新设置处理`);
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
      return run(`category:${c.id}`, () => saveCategory(input, ids.idFor(['category.save', input])), `已保存类别「${input.name}」，之后的新提问按新设置分派`);
    },
    [ids, run],
  );

  return { table, saving, failure, done, saveUnitDraft, saveCategoryDraft, clearFailure: () => setFailure(null) };
}
