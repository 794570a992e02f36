import { Text } from '@tarojs/components';
import type { QuestionStatus } from '@shared/contracts/question.contract';
import { MODERATION_STATE_LABELS, type ModerationStateName } from '@shared/domain/moderation';
import { STATUS_LABELS } from '../../utils/labels';
import './index.scss';

export function StatusTag({ status }: { status: QuestionStatus }) {
  return <Text className={`status-tag status-tag--${status}`}>{STATUS_LABELS[status]}</Text>;
}

export function Badge({ children, tone = 'brand' }: { children: string; tone?: 'brand' | 'gray' | 'blue' | 'warn' }) {
  return <Text className={`badge badge--${tone}`}>{children}</Text>;
}

/**
 * 审核中 / 已隐藏: shown to the people who still see something the public does
 * not (its author, the handlers); nothing for published content.
 */
export function ModerationBadge({ state }: { state: ModerationStateName }) {
  if (state === 'published') return null;
  return <Badge tone={state === 'review' ? 'warn' : 'gray'}>{MODERATION_STATE_LABELS[state]}</Badge>;
}
