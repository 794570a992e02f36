import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { QuestionSummary } from '@shared/contracts/question.contract';
import { listEscalations } from '../../../services/admin.service';
import { usePagedList } from '../../../hooks/use-paged-list';
import { useNow } from '../../../hooks/use-now';
import { usePullToReload } from '../../../hooks/use-pull-to-reload';
import { useReshow } from '../../../hooks/use-reshow';
import { StatusTag, Badge } from '../../../components/status-tag';
import { CountdownTag } from '../../../components/countdown-tag';
import { ListFooter } from '../../../components/list-footer';
import { askerLabel } from '../../../utils/labels';
import { formatDateTime } from '../../../utils/time';
import { routes } from '../../../utils/routes';
import './index.scss';

function EscalationCard({ q, now }: { q: QuestionSummary; now: number }) {
  return (
    <View className='esc-card' onClick={() => Taro.navigateTo({ url: routes.reply(q.id) })}>
      <View className='esc-card__head'>
        <Text className='esc-card__unit'>{q.ownerUnitName}</Text>
        <CountdownTag deadlineAt={q.deadlineAt} answeredAt={q.answeredAt} now={now} />
      </View>
      <Text className='esc-card__title'>{q.title}</Text>
      <View className='esc-card__meta'>
        <StatusTag status={q.status} />
        {q.urgent ? <Badge>紧急</Badge> : null}
        <Badge tone='blue'>{q.categoryName}</Badge>
      </View>
      <Text className='esc-card__foot'>
        {askerLabel(q)} · 提问于 {formatDateTime(q.createdAt, now)} · 时限 {formatDateTime(q.deadlineAt, now)}
      </Text>
    </View>
  );
}

/** 超时督办: every question that missed its deadline unanswered, oldest first. */
export default function EscalationsPage() {
  const fetchPage = useCallback((cursor?: string) => listEscalations(cursor), []);
  const list = usePagedList(fetchPage);
  const now = useNow(15_000);
  usePullToReload(list.reload, list.loading);
  useReshow(list.reload);

  return (
    <View className='escalations'>
      <View className='escalations__intro'>
        <Text className='escalations__title'>超时督办</Text>
        <Text className='escalations__hint'>以下问题已超过答复时限仍未答复，按超时先后排列。点开可直接答复，或转办给其他单位。</Text>
      </View>
      {list.items.map((q) => (
        <EscalationCard key={q.id} q={q} now={now} />
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
    </View>
  );
}
