import { View, Text } from '@tarojs/components';
import type { TimelineEntry } from '@shared/contracts/question.contract';
import { TIMELINE_LABELS } from '../../../utils/labels';
import { formatDateTime } from '../../../utils/time';
import { whoLine } from '../../../components/timeline';
import './index.scss';

/** The latest step of a kind, if any. */
function latest(entries: readonly TimelineEntry[], type: TimelineEntry['type']): TimelineEntry | undefined {
  return [...entries].reverse().find((e) => e.type === type);
}

/**
 * 交接: what a handler must know before answering, from the timeline — who
 * transferred the question here and why, the student's reason for reopening it,
 * and the last 催办.
 */
export function Handover({ entries, now }: { entries: readonly TimelineEntry[]; now: number }) {
  const transfer = latest(entries, 'transfer');
  const reopen = latest(entries, 'reopen');
  const urge = latest(entries, 'urge');
  const lines = [
    transfer && {
      key: 'transfer',
      title: `${transfer.actorName} 于 ${formatDateTime(transfer.at, now)} 转办至「${transfer.unitName ?? ''}」`,
      reason: transfer.reason ? `理由：${transfer.reason}` : null,
    },
    reopen && {
      key: 'reopen',
      title: `${reopen.actorName} 于 ${formatDateTime(reopen.at, now)} 申请重新办理`,
      reason: reopen.reason ? `原因：${reopen.reason}` : null,
    },
    urge && {
      key: 'urge',
      title: `${urge.actorName} 于 ${formatDateTime(urge.at, now)} 催办`,
      reason: urge.reason ? `说明：${urge.reason}` : null,
    },
  ].filter((l): l is { key: string; title: string; reason: string | null } => Boolean(l));
  if (lines.length === 0) return null;
  return (
    <View className='handover'>
      {lines.map((l) => (
        <View key={l.key} className={`handover__item handover__item--${l.key}`}>
          <Text className='handover__title'>{l.title}</Text>
          {l.reason ? <Text className='handover__reason'>{l.reason}</Text> : null}
        </View>
      ))}
    </View>
  );
}

/** 处理记录 as handlers see it: every step, oldest first, internal ones marked. */
export function CaseHistory({ entries, now }: { entries: readonly TimelineEntry[]; now: number }) {
  if (entries.length === 0) return null;
  return (
    <View className='history'>
      <View className='history__head'>
        <Text className='history__title'>处理记录</Text>
        <Text className='history__legend'>标「内部」的说明只有办理人员能看到</Text>
      </View>
      {entries.map((e) => (
        <View key={e.id} className={`history__item history__item--${e.type}`}>
          <View className='history__dot' />
          <View className='history__body'>
            <View className='history__line'>
              <Text className='history__what'>{TIMELINE_LABELS[e.type]}</Text>
              {e.internal ? <Text className='history__internal'>内部</Text> : null}
              <Text className='history__when'>{formatDateTime(e.at, now)}</Text>
            </View>
            <Text className='history__who'>{whoLine(e)}</Text>
            {e.reason ? <Text className='history__why'>{e.reason}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
