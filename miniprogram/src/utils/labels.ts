import type { QuestionStatus } from '@shared/contracts/question.contract';
import { ROLE_LABELS, type Role } from '@shared/domain/organisation';

export const STATUS_LABELS: Record<QuestionStatus, string> = {
  routed: '待回复',
  answered: '已回复',
};

export const ANONYMOUS_NAME = '匿名同学';

export function roleLabel(role: string): string {
  return role in ROLE_LABELS ? ROLE_LABELS[role as Role] : role;
}

/** Responders and coordinators get the 答复工作台 entry. */
export function canUseWorkbench(roles: readonly string[]): boolean {
  return roles.includes('responder') || roles.includes('coordinator');
}
