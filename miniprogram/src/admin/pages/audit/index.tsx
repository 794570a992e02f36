import { useCallback } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { AuditEntry } from '@shared/contracts/moderation.contract';
import type { Me } from '@shared/contracts/me.contract';
import { canReadAuditLog } from '@shared/domain/permissions';
import { listAudit } from '../../../services/moderation.service';
import { usePagedList } from '../../../hooks/use-paged-list';
import { useNow } from '../../../hooks/use-now';
import { usePullToReload } from '../../../hooks/use-pull-to-reload';
import { ListFooter } from '../../../components/list-footer';
import { AccessGate, NoAccess } from '../../components/access-gate';
import { OversightLinks } from '../../components/oversight-links';
import { auditActionLabel, isKnownAuditAction } from '../../../utils/moderation';
import { formatDateTime } from '../../../utils/time';
import './index.scss';

export const AUDIT_DENIED = '操作日志仅限学校管理员（工作小组组长）查看。';

function AuditRow({ entry, now }: { entry: AuditEntry; now: number }) {
  const known = isKnownAuditAction(entry.action);
  return (
    <View className='audit-entry'>
      <View className='audit-entry__head'>
        <Text className={`audit-entry__action ${known ? `audit-entry__action--${entry.action.replace(/\W/g, '-')}` : 'audit-entry__action--raw'}`}>
          {auditActionLabel(entry)}
        </Text>
        <Text className='audit-entry__when'>{formatDateTime(entry.at, now)}</Text>
      </View>
      <Text className='audit-entry__who'>操作人：{entry.actorName || '未知'}</Text>
      <Text className='audit-entry__target breakable'>{entry.target}</Text>
      {entry.reason ? <Text className='audit-entry__reason breakable'>理由：{entry.reason}</Text> : null}
    </View>
  );
}

function AuditLog({ me }: { me: Me }) {
  const fetchPage = useCallback((cursor?: string) => listAudit(cursor), []);
  const list = usePagedList<AuditEntry>(fetchPage);
  const now = useNow(60_000);
  usePullToReload(list.reload, list.loading);
  // Mounted once the viewer is known (after the page's first show): every show it sees is a return.
  useDidShow(list.reload);
  if (list.errorCode === 'AUTH.FORBIDDEN') return <NoAccess text={AUDIT_DENIED} />;

  return (
    <View className='audit'>
      <View className='audit__intro'>
        <Text className='audit__title'>操作日志</Text>
        <Text className='audit__hint'>管理操作的记录（目前为内容审核的公开与隐藏），最新的在前：何时、谁、做了什么、对什么、理由。</Text>
      </View>
      {list.items.map((entry) => (
        <AuditRow key={entry.id} entry={entry} now={now} />
      ))}
      <ListFooter
        loading={list.loading}
        error={list.error}
        hasMore={list.hasMore}
        empty={list.items.length === 0}
        emptyText='还没有操作记录'
        onMore={list.loadMore}
        onRetry={list.reload}
      />
      <OversightLinks show={['moderation', 'escalations']} roles={me.roles} />
    </View>
  );
}

/** 操作日志 (the school admin): what admins did, newest first. Anyone else is told the page is not theirs. */
export default function AuditPage() {
  return (
    <AccessGate allows={canReadAuditLog} deniedText={AUDIT_DENIED}>
      {(me) => <AuditLog me={me} />}
    </AccessGate>
  );
}
