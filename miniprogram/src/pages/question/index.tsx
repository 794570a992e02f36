import Taro from '@tarojs/taro';
import { View, Text, Button } from '@tarojs/components';
import { useQuestion } from '../../hooks/use-question';
import { useEntryParams } from '../../hooks/use-entry-params';
import { useNow } from '../../hooks/use-now';
import { useReshow } from '../../hooks/use-reshow';
import { StatusTag, Badge } from '../../components/status-tag';
import { CountdownTag } from '../../components/countdown-tag';
import { AnswerList } from '../../components/answer-list';
import { Timeline } from '../../components/timeline';
import { AskerFeedback } from '../../components/asker-feedback';
import { askerLabel } from '../../utils/labels';
import { formatDateTime } from '../../utils/time';
import { routes } from '../../utils/routes';
import './index.scss';

export default function QuestionPage() {
  const { id } = useEntryParams();
  const { data: q, loading, error, reload } = useQuestion(id);
  const now = useNow();
  useReshow(reload);

  if (!q) {
    return (
      <View className='detail detail--state'>
        <Text className={error ? 'detail__error' : 'detail__loading'}>{error ?? (loading ? '加载中…' : '')}</Text>
        {error ? <Button className='btn-ghost' onClick={reload}>重试</Button> : null}
      </View>
    );
  }

  return (
    <View className='detail'>
      <View className='detail__card'>
        <View className='detail__tags'>
          <StatusTag status={q.status} />
          {q.urgent ? <Badge>紧急</Badge> : null}
          {q.escalated ? <Badge tone='warn'>已超时升级</Badge> : null}
          <Badge tone='blue'>{q.categoryName}</Badge>
          {q.visibility === 'private' ? <Badge tone='gray'>仅自己和处理老师可见</Badge> : null}
        </View>
        <Text className='detail__title'>{q.title}</Text>
        <View className='detail__asker'>
          <Text>{askerLabel(q)}</Text>
          <Text className='detail__dot'>·</Text>
          <Text>{formatDateTime(q.createdAt, now)}</Text>
        </View>
        <Text className='detail__content' selectable>{q.content}</Text>
        {q.escalated && q.status === 'routed' ? (
          <View className='detail__escalated'>
            <Text className='detail__escalated-title'>已超时，协管正在督办</Text>
            <Text className='detail__escalated-text'>「{q.ownerUnitName}」未能在时限内答复，校团委协管老师已介入，会尽快给你答复。</Text>
          </View>
        ) : null}
        <View className='detail__route'>
          <Text className='detail__route-unit'>由「{q.ownerUnitName}」负责</Text>
          {q.status === 'routed' ? (
            <CountdownTag deadlineAt={q.deadlineAt} answeredAt={q.answeredAt} now={now} />
          ) : (
            <Text className='detail__route-done'>已于 {formatDateTime(q.answeredAt ?? q.createdAt, now)} 答复</Text>
          )}
        </View>
      </View>

      <View className='detail__section'>
        <Text className='detail__section-title'>答复（{q.answers.length}）</Text>
      </View>
      <AnswerList answers={q.answers} now={now} emptyText='负责单位正在处理，答复后会第一时间显示在这里' />

      {q.notice ? (
        <View className='detail__notice'>
          <Text className='detail__notice-title'>处理公告</Text>
          <Text className='detail__notice-text'>{q.notice.text}</Text>
        </View>
      ) : null}
      {q.rating ? (
        <View className='detail__rating'>
          <Text>提问者评价：{q.rating.satisfied ? '满意' : '不满意'}</Text>
          {q.rating.comment ? <Text className='detail__rating-comment'>{q.rating.comment}</Text> : null}
        </View>
      ) : null}
      {q.viewerIsAsker ? (
        <AskerFeedback
          questionId={q.id}
          canRate={q.viewerActions.includes('rate')}
          canReopen={q.viewerActions.includes('reopen')}
          onDone={reload}
        />
      ) : null}

      {q.timeline.length > 0 ? (
        <>
          <View className='detail__section'>
            <Text className='detail__section-title'>处理记录</Text>
          </View>
          <Timeline entries={q.timeline} now={now} />
        </>
      ) : null}

      {q.viewerCanAnswer ? (
        <View className='detail__actions'>
          <Button className='btn-primary' onClick={() => Taro.navigateTo({ url: routes.reply(q.id) })}>回复</Button>
        </View>
      ) : null}
    </View>
  );
}
