import { View, Text } from '@tarojs/components';
import type { QuestionDetail } from '@shared/contracts/question.contract';
import type { ModerationStateName } from '@shared/domain/moderation';
import { ModerationBadge } from '../../../components/status-tag';
import { moderationNote } from '../../../utils/moderation-note';
import { formatDateTime } from '../../../utils/time';
import './index.scss';

/** The line under something the public does not see, as handlers read it (the answers say the same). */
export function ModerationNote({ state, thing }: { state: ModerationStateName; thing: string }) {
  const note = moderationNote(state, 'handler', thing);
  return note ? <Text className={`mod-note mod-note--${state}`}>{note}</Text> : null;
}

/** 处理公告 once published: what everyone reads, unless it waits for review or was hidden. */
export function PublishedNotice({ notice, now }: { notice: NonNullable<QuestionDetail['notice']>; now: number }) {
  return (
    <View className='published-notice'>
      <View className='published-notice__head'>
        <Text className='published-notice__title'>处理公告</Text>
        <ModerationBadge state={notice.moderation} />
        <Text className='published-notice__time'>发布于 {formatDateTime(notice.publishedAt, now)}</Text>
      </View>
      <Text className='published-notice__text breakable' selectable>{notice.text}</Text>
      <ModerationNote state={notice.moderation} thing='条公告' />
    </View>
  );
}
