import type { Role } from './organisation';

/**
 * Who may see and do what. The viewer is always derived on the server from the
 * WeChat identity; nothing here trusts client data.
 */
export interface Viewer {
  openid: string;
  roles: readonly Role[];
  /** Units whose questions this person handles (responder or unit admin). */
  unitIds: readonly string[];
  /**
   * Of those, the units this person administers (an admin membership). Missing:
   * a unit admin administers every unit they belong to (records from before
   * per-unit admin flags, shared/domain/roster.ts `adminMemberships`).
   */
  adminUnitIds?: readonly string[];
}

/** The units a unit admin administers (none for someone who is not one). */
export function administeredUnitIds(viewer: Viewer): readonly string[] {
  if (!viewer.roles.includes('unitAdmin')) return [];
  return viewer.adminUnitIds ?? viewer.unitIds;
}

export interface QuestionAccessFacts {
  askerOpenid: string;
  ownerUnitId: string;
  visibility: 'public' | 'private';
  /** Moderation: a public question under review or hidden is its asker's and handlers' alone. */
  moderation?: { state: 'published' | 'review' | 'hidden' };
}

/** Handlers of a question: those who oversee every unit, and the owning unit's responders and admins. */
export function isHandlerOf(viewer: Viewer, q: Pick<QuestionAccessFacts, 'ownerUnitId'>): boolean {
  return (
    oversees(viewer) ||
    ((viewer.roles.includes('responder') || viewer.roles.includes('unitAdmin')) && viewer.unitIds.includes(q.ownerUnitId))
  );
}

export function canViewQuestion(viewer: Viewer, q: QuestionAccessFacts): boolean {
  const published = q.visibility === 'public' && (q.moderation?.state ?? 'published') === 'published';
  return published || q.askerOpenid === viewer.openid || isHandlerOf(viewer, q);
}

/** 内容审核: the coordinator and the school admin decide what the public sees. */
export function canModerate(viewer: Pick<Viewer, 'roles'>): boolean {
  return viewer.roles.includes('coordinator') || viewer.roles.includes('schoolAdmin');
}

/** 常见问题: the coordinator gathers repeated questions and publishes FAQ entries (BUCM §八.三.3); the school admin may too. */
export function canCurateFaq(viewer: Pick<Viewer, 'roles'>): boolean {
  return viewer.roles.includes('coordinator') || viewer.roles.includes('schoolAdmin');
}

/** 操作日志: the school admin reads the audit log. */
export function canReadAuditLog(viewer: Pick<Viewer, 'roles'>): boolean {
  return viewer.roles.includes('schoolAdmin');
}

/** Whether the asker's identity may be shown to this viewer (never to the public when anonymous). */
export function canSeeAsker(viewer: Viewer, q: QuestionAccessFacts & { anonymous: boolean }): boolean {
  return !q.anonymous || q.askerOpenid === viewer.openid || isHandlerOf(viewer, q);
}

/**
 * Who may answer and handle a question: a responder of the owning unit, or the
 * coordinator (who may answer anything, escalated or not) — but never the
 * person who asked it, whatever their roles: a teacher or a coordinator who
 * asks a question is a student of it, and another handler answers (and the
 * asker then rates). docs/decisions/0013-who-may-do-what.md.
 */
export function canAnswer(viewer: Viewer, q: Pick<QuestionAccessFacts, 'ownerUnitId' | 'askerOpenid'>): boolean {
  if (viewer.openid === q.askerOpenid) return false;
  return (
    viewer.roles.includes('coordinator') ||
    (viewer.roles.includes('responder') && viewer.unitIds.includes(q.ownerUnitId))
  );
}

/** 答复工作台: responders and the coordinator. */
export function canUseWorkbench(viewer: Pick<Viewer, 'roles'>): boolean {
  return viewer.roles.includes('responder') || viewer.roles.includes('coordinator');
}

/**
 * Those who oversee every unit: the coordinator (协管), supervisors (主管老师)
 * and the school admin (工作小组组长). They see the escalation queue, urge a
 * unit that missed a deadline (催办), and see every unit's figures and delivery problems.
 */
export function oversees(viewer: Pick<Viewer, 'roles'>): boolean {
  return viewer.roles.some((r) => r === 'coordinator' || r === 'supervisor' || r === 'schoolAdmin');
}

/** 超时督办 (the escalation queue). */
export const canSeeEscalations = oversees;
/** 催办: urge a unit that missed a deadline. */
export const canUrge = oversees;

/** 提醒送达情况 (who cannot be reached): unit admins for their units, and those who oversee every unit. */
export function canSeeUnreachable(viewer: Pick<Viewer, 'roles'>): boolean {
  return viewer.roles.includes('unitAdmin') || oversees(viewer);
}

/**
 * 统计 and 双周报: those who oversee every unit read every unit's figures and
 * reports; a unit admin reads their own units'. `all`, the units, or null
 * (not allowed).
 */
export type OversightScope = { all: true } | { all: false; unitIds: readonly string[] };

export function oversightScope(viewer: Viewer): OversightScope | null {
  if (oversees(viewer)) return { all: true };
  const administered = administeredUnitIds(viewer);
  // Only the units they administer: a college admin who also answers for a department sees the college's figures only.
  if (administered.length > 0) return { all: false, unitIds: administered };
  return null;
}

/** 数据统计 and 双周报 pages (the role check; `oversightScope` decides the units): unit admins and those who oversee every unit. */
export function canReadStatistics(viewer: Pick<Viewer, 'roles'>): boolean {
  return viewer.roles.includes('unitAdmin') || oversees(viewer);
}

/** 典型案例 list: responders and unit admins (their units), and those who oversee every unit (case.list). */
export function canReadCases(viewer: Pick<Viewer, 'roles'>): boolean {
  return viewer.roles.includes('responder') || canReadStatistics(viewer);
}

export function scopeIncludes(scope: OversightScope, unitId: string): boolean {
  return scope.all || scope.unitIds.includes(unitId);
}

/**
 * Who writes and submits a biweekly report: a unit's report, its admins (or
 * the school admin, for a unit without one); the school's report, the school
 * admin or the coordinator (the platform's 联络员 who collects them).
 */
export function canEditReport(viewer: Viewer, report: { scope: 'unit' | 'school'; unitId: string | null }): boolean {
  if (report.scope === 'school') return viewer.roles.includes('schoolAdmin') || viewer.roles.includes('coordinator');
  if (viewer.roles.includes('schoolAdmin')) return true;
  return report.unitId !== null && administeredUnitIds(viewer).includes(report.unitId);
}

/** 催交: those who oversee every unit remind the units that have not submitted. */
export const canUrgeReports = oversees;

/**
 * 路由表 (units, categories, emergency contacts, WeCom groups): the school
 * admin changes it; those who oversee every unit read it whole.
 */
export function canManageRouting(viewer: Pick<Viewer, 'roles'>): boolean {
  return viewer.roles.includes('schoolAdmin');
}

export const canReadRouting = oversees;

/**
 * 人员与分工 (the roster): unit admins for the units they manage, and those who
 * oversee every unit (shared/domain/roster.ts readableScope decides the units).
 */
export function canReadRoster(viewer: Pick<Viewer, 'roles'>): boolean {
  return viewer.roles.includes('unitAdmin') || oversees(viewer);
}

/** 邀请 and 调整: unit admins (their college and its branches) and the school admin (anyone). */
export function canManageRoster(viewer: Pick<Viewer, 'roles'>): boolean {
  return viewer.roles.includes('unitAdmin') || viewer.roles.includes('schoolAdmin');
}

/** 入口与二维码: a college's admin for their college, the school admin for every college. */
export const canSeeEntryLinks = canManageRoster;

// ── issue 11 boards (活动公告, 青年视角, 话题墙): docs/decisions/0020-boards-activities-articles-topics.md ──

/** Those who act for every unit on the boards: the coordinator (协管) and the school admin (工作小组组长). */
export function actsForEveryUnit(viewer: Pick<Viewer, 'roles'>): boolean {
  return viewer.roles.includes('coordinator') || viewer.roles.includes('schoolAdmin');
}

/**
 * Speaking for a unit on the boards (create an activity, publish an article,
 * open a topic; manage what the unit put there): that unit's admins, and
 * school-wide the coordinator and the school admin. `adminUnitIds` are the
 * units the person administers through an active membership
 * (shared/domain/roster.ts `adminMemberships`). Responders answer questions;
 * they do not speak for the unit here.
 */
export function canSpeakForUnit(viewer: Pick<Viewer, 'roles'>, adminUnitIds: readonly string[], unitId: string): boolean {
  return actsForEveryUnit(viewer) || (viewer.roles.includes('unitAdmin') && adminUnitIds.includes(unitId));
}

/** 话题墙 topics are opened by a league committee: the school committee or a college committee, never a department or a branch. */
export const TOPIC_UNIT_KINDS = ['school', 'college'] as const;

/** Moderators of the boards (hide or put back an article; publish or hide a held take): the coordinator and the school admin. */
export const canModerateBoards = canModerate;
// ── end issue 11 boards ──
