import type { QuestionStatus, TimelineEventType } from '@shared/contracts/question.contract';
import { CASE_STATE_LABELS } from '@shared/domain/case-lifecycle';
import { ROLE_LABELS, type Role } from '@shared/domain/organisation';

/** 待回复 / 已回复 / 办理中 / 已办结 / 已关闭: the domain's wording, one place. */
export const STATUS_LABELS: Record<QuestionStatus, string> = CASE_STATE_LABELS;

export const ANONYMOUS_NAME = '匿名同学';
/** How the server names an asker to everyone else (not anonymous, but not named either). */
export const PUBLIC_ASKER_NAME = '提问同学';

export function roleLabel(role: string): string {
  return role in ROLE_LABELS ? ROLE_LABELS[role as Role] : role;
}

/**
 * The asker as this viewer may see them. The server already replaces the name
 * with 匿名同学 for the public; handlers and the asker get the real name, which
 * is then marked so nobody forgets it was asked anonymously.
 */
export function askerLabel(q: { anonymous: boolean; askerName: string }): string {
  return q.anonymous && q.askerName !== ANONYMOUS_NAME ? `${q.askerName}（匿名提问）` : q.askerName;
}

/** How each timeline step reads in the 处理记录 list. */
export const TIMELINE_LABELS: Record<TimelineEventType, string> = {
  ask: '提问',
  reply: '回复',
  answer: '官方答复',
  claim: '认领',
  transfer: '转办',
  startHandling: '开始办理',
  addProgress: '办理进展',
  resolve: '办结',
  publishNotice: '发布处理公告',
  rate: '评价',
  reopen: '重新办理',
  escalate: '超时升级',
  autoClose: '自动关闭',
  urge: '催办',
  moderate: '内容审核',
  markCase: '典型案例',
};
