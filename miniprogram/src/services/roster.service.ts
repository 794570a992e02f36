import type { ActionInput, ActionOutput } from '@shared/contracts/actions';
import { callAction } from './api.client';
import { PAGE_SIZE } from './question.service';

export type RosterPage = ActionOutput<'roster.list'>;
export type InvitePage = ActionOutput<'roster.invites'>;
export type InviteInfo = ActionOutput<'roster.inviteInfo'>;
export type JoinResult = ActionOutput<'roster.join'>;
export type InviteRequest = ActionInput<'roster.invite'>;
export type RosterChange = ActionInput<'roster.update'>;
export type RoutingTable = ActionOutput<'routing.get'>;
export type UnitSave = ActionInput<'unit.save'>;
export type CategorySave = ActionInput<'category.save'>;
export type EntryLinks = ActionOutput<'entry.links'>;
export type InvitationCode = ActionOutput<'entry.invitation'>;

/** 名册: people of the units the caller may read (or one unit), and each college's targets. */
export function listRoster(unitId: string | null, cursor?: string): Promise<RosterPage> {
  return callAction('roster.list', { pageSize: PAGE_SIZE, ...(unitId ? { unitId } : {}), ...(cursor ? { cursor } : {}) });
}

/** Open invitations of the caller's units (or one), newest first. */
export function listInvites(unitId: string | null, cursor?: string): Promise<InvitePage> {
  return callAction('roster.invites', { pageSize: PAGE_SIZE, ...(unitId ? { unitId } : {}), ...(cursor ? { cursor } : {}) });
}

/** 邀请: a code for a team of a unit. The request id makes a retried tap answer with the same invitation. */
export function inviteToRoster(request: InviteRequest, requestId: string): Promise<ActionOutput<'roster.invite'>> {
  return callAction('roster.invite', request, { requestId });
}

export function revokeInvite(invitationId: string, requestId: string): Promise<ActionOutput<'roster.revokeInvite'>> {
  return callAction('roster.revokeInvite', { invitationId }, { requestId });
}

/** What the join page shows before the person accepts. */
export function getInviteInfo(code: string): Promise<InviteInfo> {
  return callAction('roster.inviteInfo', { code });
}

/** 加入: binds this WeChat identity to the roster (a repeat answers the same). */
export function joinRoster(code: string, name?: string): Promise<JoinResult> {
  return callAction('roster.join', { code, ...(name ? { name } : {}) });
}

/** 调整: team, 分工, active for one membership. */
export function updateRoster(change: RosterChange, requestId: string): Promise<ActionOutput<'roster.update'>> {
  return callAction('roster.update', change, { requestId });
}

/** 路由表 as stored (with versions, for a conditional save). */
export function getRoutingTable(): Promise<RoutingTable> {
  return callAction('routing.get', {});
}

export function saveUnit(unit: UnitSave, requestId: string): Promise<ActionOutput<'unit.save'>> {
  return callAction('unit.save', unit, { requestId });
}

export function saveCategory(category: CategorySave, requestId: string): Promise<ActionOutput<'category.save'>> {
  return callAction('category.save', category, { requestId });
}

/** A college's entry points: the menu button JSON, its mini-program code, the website's floating window. */
export function getEntryLinks(collegeId: string): Promise<EntryLinks> {
  return callAction('entry.links', { collegeId });
}

/** An invitation's mini-program code (for a poster or a chat). */
export function getInvitationCode(invitationId: string): Promise<InvitationCode> {
  return callAction('entry.invitation', { invitationId });
}
