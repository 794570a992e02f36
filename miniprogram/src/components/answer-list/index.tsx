import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import type { Answer } from '@shared/contracts/question.contract';
import { ModerationBadge } from '../status-tag';
import { formatDateTime } from '../../utils/time';
import { moderationNote, type ModerationViewer } from '../../utils/moderation-note';
import { PictureStrip } from '../picture-strip';
import './index.scss';

interface Props {
  answers: readonly Answer[];
  now: number;
  emptyText: string;
  /** Who is reading: the asker and handlers are told what a held answer means for them. */
  viewer?: ModerationViewer;
  /** 举报, on the answers this viewer may report (published, public, not theirs). */
  canReport?: (answer: Answer) => boolean;
  onReport?: (answer: Answer) => void;
  /** Answers this viewer reported here already (the link says so). */
  reportedIds?: ReadonlySet<string>;
  /** Shown at the start of each answer's foot (its 赞). */
  renderAction?: (answer: Answer) => ReactNode;
}

/** Replies in order; the official one is marked 官方答复, a held one 审核中 / 已隐藏. */
export function AnswerList({ answers, now, emptyText, viewer = 'public', canReport, onReport, reportedIds, renderAction }: Props) {
  if (answers.length === 0) {
    return (
      <View className='answers answers--empty'>
        <Text className='answers__empty'>{emptyText}</Text>
      </View>
    );
  }
  return (
    <View className='answers'>
      {answers.map((a) => {
        const note = moderationNote(a.moderation, viewer, '条答复');
        const reportable = onReport && canReport?.(a);
        return (
          <View key={a.id} className={`answer ${a.official ? 'answer--official' : ''}`}>
            <View className='answer__head'>
              <View className='answer__who'>
                <Text className='answer__name'>{a.responderName}</Text>
                <Text className='answer__unit'>
                  {a.unitName}
                  {a.teamLabel ? ` · ${a.teamLabel}` : ''}
                </Text>
              </View>
              <View className='answer__tags'>
                <ModerationBadge state={a.moderation} />
                {a.official ? <Text className='answer__official'>官方答复</Text> : null}
              </View>
            </View>
            <Text className='answer__content' selectable>{a.content}</Text>
            <PictureStrip urls={a.pictureUrls} />
            {note ? <Text className='answer__held'>{note}</Text> : null}
            <View className='answer__foot'>
              <Text className='answer__time'>{formatDateTime(a.createdAt, now)}</Text>
              {renderAction?.(a)}
              {reportable ? (
                reportedIds?.has(a.id) ? (
                  <Text className='answer__reported'>已举报</Text>
                ) : (
                  <Text className='answer__report' onClick={() => onReport(a)}>举报</Text>
                )
              ) : null}
            </View>
          </View>
        );
      })}
    </View>
  );
}
