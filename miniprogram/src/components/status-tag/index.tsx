import { Text } from '@tarojs/components';
import type { QuestionStatus } from '@shared/contracts/question.contract';
import { STATUS_LABELS } from '../../utils/labels';
import './index.scss';

export function StatusTag({ status }: { status: QuestionStatus }) {
  return <Text className={`status-tag status-tag--${status}`}>{STATUS_LABELS[status]}</Text>;
}

export function Badge({ children, tone = 'brand' }: { children: string; tone?: 'brand' | 'gray' | 'blue' | 'warn' }) {
  return <Text className={`badge badge--${tone}`}>{children}</Text>;
}
