import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { QuestionSummary } from '@shared/contracts/question.contract';
import { listEscalations } from '../../../services/admin.service';
import { usePagedList } from '../../../hooks/use-paged-list';
import { useMe } from '../../../hooks/use-me';
import { useNow } from '../../../hooks/use-now';
import { usePullToReload } from '../../../hooks/use-pull-to-reload';
import { useReshow } from '../../../hooks/use-reshow';
import { StatusTag, Badge } from '../../../components/status-tag';
import { CountdownTag } from '../../../components/countdown-tag';
import { ListFooter } from '../../../components/list-footer';
import { OversightLinks } from '../../components/oversight-links';
import { askerLabel } from '../../../utils/labels';
import { formatDateTime } from '../../../utils/time';
import { routes } from '../../../utils/routes';
import './index.scss';

function EscalationCard({ q, now, action }: { q: QuestionSummary; now: number; action: string }) {
  return (
    <View className={`esc-card ${q.urgent ? 'esc-card--urgent' : ''}`} onClick={() => Taro.navigateTo({ url: routes.reply(q.id) })}>
      <View className='esc-card__head'>
        <Text className='esc-card__unit'>{q.ownerUnitName}</Text>
        <CountdownTag deadlineAt={q.deadlineAt} answeredAt={q.answeredAt} now={now} />
      </View>
      <Text className='esc-card__title'>{q.title}</Text>
      <View className='esc-card__meta'>
        <StatusTag status={q.status} />
        {q.urgent ? <Badge>紧急</Badge> : null}
        {q.reopenedAt !== null ? <Badge tone='warn'>重新办理</Badge> : null}
        <Badge tone='blue'>{q.categoryName}</Badge>
        <Text className='esc-card__assignee'>{q.assigneeName ? `认领人 ${q.assigneeName}` : '无人认领'}</Text>
      </View>
      <View className='esc-card__foot'>
        <Text className='esc-card__when'>
          {askerLabel(q)} · 提问于 {formatDateTime(q.createdAt, now)} · 时限 {formatDateTime(q.deadlineAt, now)}
        </Text>
        <Text className='esc-card__action'>{action} ›</Text>
      </View>
    </View>
  );
}

/** 超时督办: every question that missed its deadline unanswered, urgent first, then longest overdue. */
export default function EscalationsPage() {
  const fetchPage = useCallback((cursor?: string) => listEscalations(cursor), []);
  const list = usePagedList(fetchPage);
  const me = useMe();
  const now = useNow(15_000);
  usePullToReload(list.reload, list.loading);
  useReshow(list.reload);
  // The coordinator (协管) answers escalated questions directly; supervisors and the school admin urge the unit.
  const answers = me.data?.roles.includes('coordinator') ?? false;
  const hint = answers
    ? '以下问题已超过答复时限仍未答复：紧急的在前，其余按超时时长排列。点开可直接答复、转办，或催办负责单位。'
    : '以下问题已超过答复时限仍未答复：紧急的在前，其余按超时时长排列。点开可催办负责单位，答复由该单位或协管完成。';

  return (
    <View className='escalations'>
      <View className='escalations__intro'>
        <Text className='escalations__title'>超时督办</Text>
        <Text className='escalations__hint'>{me.data ? hint : '以下问题已超过答复时限仍未答复：紧急的在前，其余按超时时长排列。'}</Text>
      </View>
      {list.items.map((q) => (
        <EscalationCard key={q.id} q={q} now={now} action={answers ? '答复 / 催办' : '催办'} />
      ))}
      <ListFooter
        loading={list.loading}
        error={list.error}
        hasMore={list.hasMore}
        empty={list.items.length === 0}
        emptyText='没有超时未答的问题，各单位都在按时答复'
        onMore={list.loadMore}
        onRetry={list.reload}
      />
      {list.error ? null : <OversightLinks show={['performance', 'stats', 'unreachable', 'moderation', 'faq', 'audit']} roles={me.data?.roles} />}
    </View>
  );
}
