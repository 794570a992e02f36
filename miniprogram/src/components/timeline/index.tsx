import { View, Text } from '@tarojs/components';
import type { TimelineEntry, TimelineEventType } from '@shared/contracts/question.contract';
import { PUBLIC_ASKER_NAME, TIMELINE_LABELS } from '../../utils/labels';
import { formatDateTime } from '../../utils/time';
import './index.scss';

/**
 * Who reads this timeline. The server already leaves out what each audience
 * may not see; the page still never shows a handling note to anyone but a
 * handler (the asker keeps their own reopen reason and rating comment).
 */
export type TimelineViewer = 'handler' | 'asker' | 'public';

/** Steps whose note the asker wrote themselves. */
const ASKERS_OWN: ReadonlySet<TimelineEventType> = new Set<TimelineEventType>(['reopen', 'rate']);

/** The note this viewer is shown for a step, or null. */
export function visibleNote(e: TimelineEntry, viewer: TimelineViewer): string | null {
  if (!e.reason) return null;
  if (!e.internal || viewer === 'handler') return e.reason;
  return viewer === 'asker' && ASKERS_OWN.has(e.type) ? e.reason : null;
}

/**
 * One line saying who did what, where. A student's steps name where the
 * question went ("张晓雨 提问 · 转至「计算机科学与技术学院团委」"), never the
 * unit as theirs; a responder's steps name their unit ("王老师 · 后勤服务中心").
 */
export function whoLine(e: TimelineEntry): string {
  const unit = e.unitName ? `「${e.unitName}」` : '';
  switch (e.type) {
    case 'ask': {
      // "提问同学 提问" says it twice: the public reads "同学提问".
      const who = e.actorName === PUBLIC_ASKER_NAME ? '同学提问' : `${e.actorName} 提问`;
      return unit ? `${who} · 转至${unit}` : who;
    }
    case 'transfer':
      return unit ? `${e.actorName} 转办 · 转至${unit}` : `${e.actorName} 转办`;
    case 'reopen':
      return unit ? `${e.actorName} 重新打开 · 交回${unit}` : `${e.actorName} 重新打开`;
    case 'rate':
      return `${e.actorName} 评价`;
    case 'escalate':
      return `${unit || '负责单位'}超过时限未答复 · 转协管督办`;
    case 'urge':
      return unit ? `${e.actorName} 催办${unit}` : `${e.actorName} 催办`;
    case 'autoClose':
      return `${e.actorName} · 超过期限未评价，自动关闭`;
    case 'moderate':
      // The system holds what enough people reported; a moderator (协管 / 工作小组组长) publishes or hides.
      // The unit is the question's, not the moderator's: not named.
      return e.actorName === '系统' ? '系统 · 暂停公开，等待审核' : `${e.actorName} 审核内容`;
    default:
      return [e.actorName, e.unitName].filter(Boolean).join(' · ');
  }
}

interface Props {
  entries: readonly TimelineEntry[];
  now: number;
  /** Defaults to 'handler' (the reply page); the question page passes who is looking. */
  viewer?: TimelineViewer;
}

/**
 * 处理记录: every step of the case, oldest first (who, when, what, why). A note
 * not meant for the public is marked: 内部 for handlers (as on the reply page),
 * 不公开 for the asker reading their own reopen reason or rating comment.
 */
export function Timeline({ entries, now, viewer = 'handler' }: Props) {
  if (entries.length === 0) return null;
  return (
    <View className='timeline'>
      {entries.map((e) => {
        const note = visibleNote(e, viewer);
        return (
          <View key={e.id} className='timeline__item'>
            <View className='timeline__dot' />
            <View className='timeline__body breakable'>
              <View className='timeline__head'>
                <Text className='timeline__what'>{TIMELINE_LABELS[e.type]}</Text>
                <Text className='timeline__when'>{formatDateTime(e.at, now)}</Text>
              </View>
              <Text className='timeline__who'>{whoLine(e)}</Text>
              {note ? (
                <View className='timeline__note'>
                  {e.internal ? <Text className='timeline__private'>{viewer === 'handler' ? '内部' : '不公开'}</Text> : null}
                  <Text className='timeline__why'>{note}</Text>
                </View>
              ) : null}
            </View>
          </View>
        );
      })}
    </View>
  );
}
