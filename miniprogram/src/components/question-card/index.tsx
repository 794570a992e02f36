import { View, Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { QuestionSummary } from '@shared/contracts/question.contract';
import { StatusTag, Badge, ModerationBadge } from '../status-tag';
import { formatRelative } from '../../utils/time';
import { askerLabel } from '../../utils/labels';
import './index.scss';

interface Props {
  question: QuestionSummary;
  now: number;
  onOpen: (id: string) => void;
  /** Right side of the footer; defaults to the creation time. */
  aside?: ReactNode;
  /**
   * The workbench and 超时督办: say who claimed it (认领) or that nobody has.
   * The server sends the assignee only to handlers; lists for students leave this off.
   */
  forHandlers?: boolean;
}

/** Still owed an answer and past its deadline. */
function isOverdue(q: QuestionSummary, now: number): boolean {
  return q.status === 'routed' && q.answeredAt === null && q.deadlineAt <= now;
}

export function QuestionCard({ question: q, now, onOpen, aside, forHandlers = false }: Props) {
  return (
    <View className={`q-card ${q.urgent ? 'q-card--urgent' : ''}`} onClick={() => onOpen(q.id)}>
      <View className='q-card__head'>
        <Text className='q-card__title'>{q.title}</Text>
        <StatusTag status={q.status} />
      </View>
      {q.excerpt ? <Text className='q-card__excerpt'>{q.excerpt}</Text> : null}
      <View className='q-card__meta'>
        {q.urgent ? <Badge>紧急</Badge> : null}
        {isOverdue(q, now) ? <Badge tone='warn'>已超时</Badge> : null}
        {q.escalated ? <Badge tone='warn'>已升级</Badge> : null}
        {q.reopenedAt !== null ? <Badge tone='warn'>重新办理</Badge> : null}
        {q.visibility === 'private' ? <Badge tone='gray'>仅自己可见</Badge> : <ModerationBadge state={q.moderation} />}
        <Badge tone='blue'>{q.categoryName}</Badge>
        <Text className='q-card__unit'>{q.ownerUnitName}</Text>
      </View>
      <View className='q-card__foot'>
        <View className='q-card__people'>
          <Text className='q-card__asker'>{askerLabel(q)}</Text>
          {forHandlers ? (
            <Text className={`q-card__assignee ${q.assigneeName ? '' : 'q-card__assignee--none'}`}>
              {q.assigneeName ? `认领人 ${q.assigneeName}` : '未认领'}
            </Text>
          ) : null}
        </View>
        <View className='q-card__end'>
          {q.visibility === 'public' ? <Text className='q-card__counts'>{`同问 ${q.metooCount} · 赞 ${q.likeCount}`}</Text> : null}
          {aside ?? <Text className='q-card__time'>{formatRelative(q.createdAt, now)}</Text>}
        </View>
      </View>
    </View>
  );
}
