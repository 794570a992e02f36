import Taro from '@tarojs/taro';
import { View, Text, Button, Textarea } from '@tarojs/components';
import { ANSWER_MAX } from '@shared/contracts/question.contract';
import { useQuestion } from '../../../hooks/use-question';
import { useReplyForm } from '../../../hooks/use-reply-form';
import { useEntryParams } from '../../../hooks/use-entry-params';
import { useNow } from '../../../hooks/use-now';
import { StatusTag, Badge } from '../../../components/status-tag';
import { CountdownTag } from '../../../components/countdown-tag';
import { AnswerList } from '../../../components/answer-list';
import { formatDateTime } from '../../../utils/time';
import { routes } from '../../../utils/routes';
import { askerLabel } from '../../../utils/labels';
import { requestSubscriptions } from '../../../services/subscription.service';
import { useMe } from '../../../hooks/use-me';
import { useCatalog } from '../../../hooks/use-catalog';
import { CaseActions } from '../../../components/case-actions';
import './index.scss';

export default function ReplyPage() {
  const { id } = useEntryParams();
  const question = useQuestion(id);
  const form = useReplyForm(id, question.reload);
  const now = useNow();
  const me = useMe();
  const catalog = useCatalog();
  const q = question.data;

  if (!q) {
    return (
      <View className='reply reply--state'>
        <Text className={question.error ? 'reply__error' : 'reply__loading'}>
          {question.error ?? (question.loading ? '加载中…' : '')}
        </Text>
      </View>
    );
  }

  const backToQuestion = () => {
    const pages = Taro.getCurrentPages();
    const previous = pages[pages.length - 2];
    if (previous?.route === 'pages/question/index') Taro.navigateBack();
    else Taro.redirectTo({ url: routes.question(q.id) });
  };

  return (
    <View className='reply'>
      <View className='reply__card'>
        <View className='reply__tags'>
          <StatusTag status={q.status} />
          {q.urgent ? <Badge>紧急</Badge> : null}
          {q.escalated ? <Badge tone='warn'>已升级</Badge> : null}
          <Badge tone='blue'>{q.categoryName}</Badge>
          <CountdownTag deadlineAt={q.deadlineAt} answeredAt={q.answeredAt} now={now} />
        </View>
        <Text className='reply__title'>{q.title}</Text>
        <Text className='reply__meta'>
          {askerLabel(q)} · {formatDateTime(q.createdAt, now)} · 由「{q.ownerUnitName}」负责
        </Text>
        <Text className='reply__content' selectable>{q.content}</Text>
      </View>

      {q.answers.length > 0 ? (
        <>
          <View className='reply__section'><Text className='reply__section-title'>已有答复</Text></View>
          <AnswerList answers={q.answers} now={now} emptyText='' />
        </>
      ) : null}

      {form.result ? (
        <View className='reply__done'>
          <Text className='reply__done-title'>回复已提交</Text>
          <Text className='reply__done-text'>
            {form.result.official ? '已作为官方答复，计时已停止' : '已作为补充回复发布'}
          </Text>
          <Button className='btn-primary' onClick={backToQuestion}>返回问题</Button>
        </View>
      ) : q.viewerCanAnswer ? (
        <View className='reply__card'>
          <View className='reply__label-row'>
            <Text className='reply__label'>我的回复</Text>
            <Text className='reply__count'>{form.content.length}/{ANSWER_MAX}</Text>
          </View>
          <View className='reply__textarea-box'>
            <Textarea
              className='reply__textarea'
              placeholder={q.status === 'routed' ? '首条答复将作为官方答复，请给出明确的处理意见' : '补充说明或办理进展'}
              maxlength={ANSWER_MAX}
              value={form.content}
              onInput={(e) => form.edit(e.detail.value)}
            />
          </View>
          {form.error ? <Text className='reply__error'>{form.error}</Text> : null}
          {/* `|| undefined`: H5's web component reads disabled="false" as disabled styling. */}
          <Button
            className='btn-primary reply__submit'
            disabled={form.submitting || undefined}
            onClick={() => {
              requestSubscriptions(me.data?.subscribeTemplates.responder);
              void form.submit();
            }}
          >
            {form.submitting ? '提交中…' : '提交回复'}
          </Button>
        </View>
      ) : (
        <View className='reply__card'>
          <Text className='reply__error'>你不是该问题的负责人，无法回复</Text>
        </View>
      )}
      <CaseActions
        questionId={q.id}
        ownerUnitId={q.ownerUnitId}
        available={q.viewerActions}
        units={catalog.data?.units ?? []}
        onDone={question.reload}
      />
    </View>
  );
}
