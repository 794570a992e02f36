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

/** 话题墙: the committee (the coordinator and the school admin) opens topics, closes them, pins and hides posts. */
export function canManageTopics(viewer: Pick<Viewer, 'roles'>): boolean {
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
 * 路由表 (units, categories, emergency contacts, WeCom groups): the school
 * admin changes it; those who oversee every unit read it whole.
 */
export function canManageRouting(viewer: Pick<Viewer, 'roles'>): boolean {
  return viewer.roles.includes('schoolAdmin');
}

export const canReadRouting = oversees;
