import type { AuditEntry, ModerationItem } from '@shared/contracts/moderation.contract';
import { formatDuration } from '@shared/domain/shanghai-time';

export type ModerationDecision = 'publish' | 'hide';

/** What the moderator is looking at, as the server words it on the timeline: 问题 / 某某的答复 / 处理公告. */
export function moderationTargetLabel(item: Pick<ModerationItem, 'target' | 'authorName'>): string {
  switch (item.target) {
    case 'question':
      return '问题';
    case 'answer':
      return item.authorName ? `${item.authorName}的答复` : '答复';
    case 'notice':
      return '处理公告';
  }
}

/** One key per held thing: a question holds itself, each answer and its notice. */
export function moderationKey(item: Pick<ModerationItem, 'questionId' | 'target' | 'answerId'>): string {
  return `${item.questionId}|${item.target}|${item.answerId ?? ''}`;
}

/**
 * Why it is not public: the check's label (关键词：加微信), or how many people
 * reported it. The server words reports itself ("3位用户举报，等待审核"); a
 * count it did not mention is added.
 */
export function heldBecause(item: Pick<ModerationItem, 'reason' | 'reports'>): string {
  const reason = item.reason?.trim() || '自动检查未通过';
  if (item.reports > 0 && !reason.includes('举报')) return `${reason}；${item.reports}位用户举报`;
  return reason;
}

/** "已等待 3小时12分". */
export function waitedLabel(at: number, now: number): string {
  return `已等待 ${formatDuration(Math.max(0, now - at))}`;
}

export const DECISION_LABELS: Record<ModerationDecision, string> = { publish: '公开', hide: '隐藏' };

/** Reasons a moderator gives most often, one tap each; free text for the rest. */
export const QUICK_REASONS: Record<ModerationDecision, readonly string[]> = {
  publish: ['内容无违规', '个人信息已核实无误'],
  hide: ['广告引流', '不实信息', '人身攻击', '泄露隐私', '违法违规'],
};

/** What the moderator reads after a decision (the item has left the queue). */
export const DECISION_DONE: Record<ModerationDecision, string> = {
  publish: '已公开，操作已记入日志',
  hide: '已隐藏，操作已记入日志',
};

/** 操作日志: what an admin did, in words; an action this build does not know is shown as the server names it. */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'moderation.publish': '公开内容',
  'moderation.hide': '隐藏内容',
  'roster.invite': '发出邀请',
  'roster.revokeInvite': '撤销邀请',
  'roster.join': '接受邀请加入',
  'roster.update': '调整人员与分工',
  'unit.create': '新增单位',
  'unit.update': '修改单位',
  'category.create': '新增问题类别',
  'category.update': '修改问题类别',
  'report.save': '保存双周报',
  'report.submit': '提交双周报',
  'report.urge': '催交双周报',
  'case.mark': '标记典型案例',
};

export function isKnownAuditAction(action: string): boolean {
  return Object.prototype.hasOwnProperty.call(AUDIT_ACTION_LABELS, action);
}

export function auditActionLabel(entry: Pick<AuditEntry, 'action'>): string {
  return isKnownAuditAction(entry.action) ? (AUDIT_ACTION_LABELS[entry.action] ?? entry.action) : entry.action;
}
