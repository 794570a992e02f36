import type { UnitKind, UnitNode } from './organisation';

/**
 * The routing table (路由表) the school admin keeps: units in a tree, categories
 * with their owning unit and answer window, each unit's emergency contacts and
 * WeCom fallback group. Pure rules for what a save may change; the question
 * routing itself is shared/domain/route-question.ts. A question keeps the
 * owner and deadline it got when it was asked (首接负责), so a change applies
 * to new questions only.
 */

/** A WeCom (企业微信) group robot: the only fallback channel a unit may name. */
export const WECOM_WEBHOOK_PATTERN = /^https:\/\/qyapi\.weixin\.qq\.com\/cgi-bin\/webhook\/send\?key=[A-Za-z0-9-]{8,64}$/;

/** "https://qyapi…/send?key=abcd…wxyz": enough to recognise a group robot, not to post to it. */
export function maskWebhook(url: string): string {
  const at = url.indexOf('key=');
  if (at < 0) return '****';
  const key = url.slice(at + 4);
  const shown = key.length > 8 ? `${key.slice(0, 4)}****${key.slice(-4)}` : '****';
  return `${url.slice(0, at + 4)}${shown}`;
}

/** An emergency number as people dial it: digits with spaces, dashes or brackets, an optional +. */
export const PHONE_PATTERN = /^\+?[0-9][0-9\- ()]{2,24}$/;

export const ANSWER_HOURS_MAX = 72;

export type Placement = { ok: true } | { ok: false; message: string };

interface PlacedUnit extends UnitNode {
  kind: UnitKind;
}

/**
 * Where a unit of each kind may sit: the school committee is the one root;
 * colleges hang under it; branches under a college; functional departments
 * at the top or under the school committee. A change must also leave the
 * unit's children where they may sit.
 */
export function checkPlacement<U extends PlacedUnit>(unit: { id: string; kind: UnitKind; parentId: string | null }, units: readonly U[]): Placement {
  const others = units.filter((u) => u.id !== unit.id);
  const parent = unit.parentId ? others.find((u) => u.id === unit.parentId) : undefined;
  if (unit.parentId && !parent) return { ok: false, message: '上级单位不存在' };
  const existing = units.find((u) => u.id === unit.id);
  switch (unit.kind) {
    case 'school':
      if (unit.parentId !== null) return { ok: false, message: '校团委是最上级单位，不能有上级' };
      if (others.some((u) => u.kind === 'school')) return { ok: false, message: '只能有一个校团委' };
      break;
    case 'college':
      if (parent?.kind !== 'school') return { ok: false, message: '学院团委的上级必须是校团委' };
      break;
    case 'branch':
      if (parent?.kind !== 'college') return { ok: false, message: '团支部的上级必须是学院团委' };
      break;
    case 'department':
      if (parent && parent.kind !== 'school') return { ok: false, message: '职能部门的上级只能是校团委或不设上级' };
      break;
  }
  if (existing && existing.kind !== unit.kind) {
    const children = others.filter((u) => u.parentId === unit.id);
    if (existing.kind === 'school') return { ok: false, message: '校团委的类型不能修改' };
    if (children.length > 0) return { ok: false, message: '这个单位下还有下级单位，不能修改类型' };
  }
  return { ok: true };
}

/** At most one category is the crisis lane, and it must name the unit that receives it. */
export function checkCrisisLane(
  category: { id: string; crisisLane: boolean; ownerUnitId: string | null },
  categories: readonly { id: string; name: string; crisisLane?: boolean }[],
): Placement {
  if (!category.crisisLane) return { ok: true };
  if (!category.ownerUnitId) return { ok: false, message: '危机通道的类别必须指定负责单位（心理健康工作负责单位）' };
  const other = categories.find((c) => c.id !== category.id && c.crisisLane);
  if (other) return { ok: false, message: `类别「${other.name}」已是危机通道，请先取消它` };
  return { ok: true };
}

/**
 * Names people choose from must tell units apart: a unit's name and its short
 * name (what students pick a college by) are each used by no other unit.
 */
export function checkUnitNames(
  unit: { id: string; name: string; shortName: string },
  units: readonly { id: string; name: string; shortName: string }[],
): Placement {
  const others = units.filter((u) => u.id !== unit.id);
  const byName = others.find((u) => u.name === unit.name.trim());
  if (byName) return { ok: false, message: `已有单位叫「${byName.name}」，请换一个名称` };
  const byShort = others.find((u) => u.shortName === unit.shortName.trim());
  if (byShort) return { ok: false, message: `简称「${byShort.shortName}」已被「${byShort.name}」使用，请换一个简称` };
  return { ok: true };
}

/** Students pick a category by its name: two categories may not share one. */
export function checkCategoryName(category: { id: string; name: string }, categories: readonly { id: string; name: string }[]): Placement {
  const same = categories.find((c) => c.id !== category.id && c.name === category.name.trim());
  return same ? { ok: false, message: `已有类别「${same.name}」，请换一个名称，或编辑原来的类别` } : { ok: true };
}
