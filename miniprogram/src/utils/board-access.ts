import type { Catalog } from '@shared/contracts/catalog.contract';
import type { Me } from '@shared/contracts/me.contract';
import { TOPIC_UNIT_KINDS, actsForEveryUnit, canModerateBoards } from '@shared/domain/permissions';

/**
 * What the boards offer a person (the server decides in the end; decision 0020):
 * the units they may speak for (create an activity, publish an article, open a
 * topic). The coordinator and the school admin speak for every unit; a unit
 * admin for the units of their memberships.
 */
export function unitsSpokenFor(me: Me | null, catalog: Catalog | null): { id: string; name: string; kind: string }[] {
  if (!me || !catalog) return [];
  if (actsForEveryUnit(me)) return catalog.units.map((u) => ({ id: u.id, name: u.name, kind: u.kind }));
  if (!me.roles.includes('unitAdmin')) return [];
  const mine = new Set(me.memberships.map((m) => m.unitId));
  return catalog.units.filter((u) => mine.has(u.id)).map((u) => ({ id: u.id, name: u.name, kind: u.kind }));
}

/** May organise activities and publish articles (for some unit). */
export function canSpeakOnBoards(me: Me | null): boolean {
  return me !== null && (actsForEveryUnit(me) || me.roles.includes('unitAdmin'));
}

/** The units that may open a 话题墙 topic: league committees (school, college). */
export function topicUnits<U extends { kind: string }>(units: readonly U[]): U[] {
  return units.filter((u) => (TOPIC_UNIT_KINDS as readonly string[]).includes(u.kind));
}

/** Take an article down (moderators: the coordinator and the school admin). */
export function canHideArticles(me: Me | null): boolean {
  return me !== null && canModerateBoards(me);
}

export const ORGANISER_DENIED = '发起活动仅限各单位管理员、协管员和学校管理员。';
export const PUBLISHER_DENIED = '发布文章仅限各单位管理员、协管员和学校管理员。';
export const TOPIC_DENIED = '开设话题仅限校团委、学院团委的管理员，以及协管员和学校管理员。';
