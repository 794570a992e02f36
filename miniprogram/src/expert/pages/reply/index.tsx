import Taro from '@tarojs/taro';
import { View, Text, Button, Textarea } from '@tarojs/components';
import { ANSWER_MAX, type QuestionDetail } from '@shared/contracts/question.contract';
import { oversees } from '@shared/domain/permissions';
import { useCasePage } from '../../../hooks/use-case-page';
import { useEntryParams } from '../../../hooks/use-entry-params';
import { useNow } from '../../../hooks/use-now';
import { StatusTag, Badge, ModerationBadge } from '../../../components/status-tag';
import { CountdownTag } from '../../../components/countdown-tag';
import { AnswerList } from '../../../components/answer-list';
import { CaseActions, NoticeForm, OwnerRow, ActionSection, Counter, ErrorLine } from '../../../components/case-actions';
import { StateView } from '../../../components/state-view';
import { CaseHistory, Handover } from '../../components/case-history';
import { CrisisBanner, crisisContactsFor } from '../../components/crisis-banner';
import { ModerationNote, PublishedNotice } from '../../components/moderated-content';
import { ReferenceAnswers } from '../../components/reference-answers';
import { useAnswerReferences } from '../../hooks/use-answer-references';
import { isRetryable } from '../../../services/api-error';
import { formatDateTime } from '../../../utils/time';
import { routes } from '../../../utils/routes';
import { askerLabel } from '../../../utils/labels';
import { requestSubscriptions } from '../../../services/subscription.service';
import './index.scss';

/** A reply the content check held: the student has it; the public waits for a moderator. */
export const REVIEW_CONFIRMATION = '答复已送达提问同学；内容需经审核，审核通过后公开显示。';

/** Who reads the reply: the asker, and everyone when the question is public. */
function replyHint(q: QuestionDetail): string {
  const who = q.visibility === 'public' ? '提问同学会收到通知；这是公开问题，所有人都能在问题页看到这条答复。' : '只有提问同学和办理人员能看到这条答复。';
  return q.status === 'routed' ? `首条答复即官方答复，提交后计时停止。${who}` : `将作为补充答复发布。${who}`;
}

/** Back to where the viewer came from (the workbench, 超时督办, the question page), or to the workbench after a deep link. */
function goBack() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.redirectTo({ url: routes.inbox });
}

function openQuestionPage(id: string) {
  const pages = Taro.getCurrentPages();
  if (pages[pages.length - 2]?.route === 'pages/question/index') void Taro.navigateBack();
  else void Taro.redirectTo({ url: routes.question(id) });
}

/**
 * 问题办理: the question, what happened to it (交接, 处理记录), and whatever this
 * viewer may do now — answer (公开), record handling (内部), publish the
 * emergency notice (公开), transfer, urge. Nothing is offered that the server
 * would refuse.
 */
export default function ReplyPage() {
  const { id } = useEntryParams();
  const { question, me, panel, form, groups, units } = useCasePage(id);
  const now = useNow();
  const q = question.data;
  // 参考答复: only for someone who may answer it (the server says the same).
  const refs = useAnswerReferences(id, Boolean(q?.viewerCanAnswer));

  if (!q) {
    if (!question.error) return <StateView kind='loading' title='加载中…' />;
    // Gone or not the viewer's: a retry cannot help, a way back can.
    const actions = [
      ...(isRetryable(question.errorCode) ? [{ label: '重试', onClick: question.reload, primary: true }] : []),
      { label: '返回', onClick: goBack, primary: !isRetryable(question.errorCode) },
    ];
    return <StateView kind='error' title={question.error} actions={actions} />;
  }

  const transferred = panel.done?.action === 'transfer';
  const acts = q.viewerActions.some((a) => a !== 'claim' && a !== 'rate' && a !== 'reopen');
  const waiting = q.status === 'routed' && q.answeredAt === null;

  return (
    <View className='reply'>
      {/* A student who may be in danger: said first, with the numbers to call. */}
      {q.routeReason === 'crisis' ? <CrisisBanner contacts={crisisContactsFor(units, q)} /> : null}
      {question.error && !transferred ? (
        <View className='reply__stale'>
          <Text>刷新失败：{question.error}</Text>
          <Text className='reply__stale-retry' onClick={question.reload}>重试</Text>
        </View>
      ) : null}

      <View className='reply__card'>
        <View className='reply__tags'>
          <StatusTag status={q.status} />
          {q.urgent ? <Badge>紧急</Badge> : null}
          {q.escalated ? <Badge tone='warn'>已升级</Badge> : null}
          {q.reopenedAt !== null ? <Badge tone='warn'>重新办理</Badge> : null}
          <ModerationBadge state={q.moderation} />
          <Badge tone='blue'>{q.categoryName}</Badge>
          <CountdownTag deadlineAt={q.deadlineAt} answeredAt={q.answeredAt} now={now} />
        </View>
        <Text className='reply__title'>{q.title}</Text>
        <Text className='reply__meta'>
          {askerLabel(q)} · 提问于 {formatDateTime(q.createdAt, now)} · 答复时限 {formatDateTime(q.deadlineAt, now)}
        </Text>
        <Text className='reply__content' selectable>{q.content}</Text>
        <ModerationNote state={q.moderation} thing='个问题' />
        <OwnerRow question={q} panel={panel} myName={me.data?.name ?? null} />
      </View>

      {panel.done ? (
        <View className='reply__done-banner'>
          <Text className='reply__done-mark'>✓</Text>
          <View className='reply__done-body'>
            <Text className='reply__done-line'>{panel.done.text}</Text>
            {transferred ? (
              <Button className='case-btn case-btn--small reply__done-back' onClick={goBack}>返回</Button>
            ) : null}
          </View>
        </View>
      ) : null}

      <Handover entries={q.timeline} now={now} />
      {/* Owed once an emergency is resolved: first thing after what happened. */}
      <NoticeForm question={q} panel={panel} />
      {q.notice ? <PublishedNotice notice={q.notice} now={now} /> : null}

      {q.answers.length > 0 ? (
        <>
          <View className='reply__section'><Text className='reply__section-title'>已有答复</Text></View>
          <AnswerList answers={q.answers} now={now} emptyText='' viewer='handler' />
        </>
      ) : null}

      {q.viewerCanMarkCase && q.answeredAt !== null ? (
        <View className='reply__case' onClick={() => void Taro.navigateTo({ url: routes.caseMark(q.id) })}>
          <Text className='reply__case-text'>
            {q.typicalCase ? `已标记为${q.typicalCase.kind === 'online' ? '线上' : '线下'}典型案例` : '答复或办理得好？可以报送为典型案例'}
          </Text>
          <Text className='reply__case-link'>{q.typicalCase ? '修改 ›' : '标记为典型案例 ›'}</Text>
        </View>
      ) : null}

      {form.result ? (
        <View className='reply__done'>
          <Text className='reply__done-title'>答复已提交</Text>
          <Text className='reply__done-text'>{form.result.official ? '已作为官方答复，计时已停止' : '已作为补充答复发布'}</Text>
          {/* Held by the content check: the student has it, the public waits (a private question has no public). */}
          {form.result.moderation === 'review' && q.visibility === 'public' ? <Text className='reply__done-review'>{REVIEW_CONFIRMATION}</Text> : null}
          <Button className='btn-primary' onClick={goBack}>返回</Button>
          <Button className='btn-ghost' onClick={() => openQuestionPage(q.id)}>查看问题页</Button>
        </View>
      ) : q.viewerCanAnswer ? (
        <>
          <ReferenceAnswers
            refs={refs}
            now={now}
            onQuote={(text) => {
              // Into the box, after what is written already: the responder edits it before sending.
              form.edit(form.content.trim() ? `${form.content.trimEnd()}\n\n${text}` : text);
              void Taro.showToast({ title: '已引用到答复框', icon: 'none' });
            }}
          />
          <ActionSection title={q.status === 'routed' ? '答复' : '补充答复'} audience={q.visibility === 'public' ? 'public' : 'asker'} hint={replyHint(q)}>
            <View className='reply__textarea-box'>
              <Textarea
                className='reply__textarea'
                placeholder={q.status === 'routed' ? '写给提问同学的答复：明确的处理意见，去哪里、找谁、什么时候' : '补充说明，提问同学会看到'}
                maxlength={ANSWER_MAX * 2}
                value={form.content}
                onInput={(e) => form.edit(e.detail.value)}
              />
              <Counter count={form.count} />
            </View>
            <ErrorLine text={form.error} />
            {/* `|| undefined`: H5's web component reads disabled="false" as disabled styling. */}
            {/* The first answer is the page's main action; a follow-up is secondary to 办理 / the notice. */}
            <Button
              className={`${q.status === 'routed' ? 'btn-primary' : 'btn-ghost reply__submit--ghost'} reply__submit`}
              disabled={form.submitting || undefined}
              onClick={() => {
                void requestSubscriptions(me.data?.subscribeTemplates.responder);
                void form.submit();
              }}
            >
              {form.submitting ? '提交中…' : q.status === 'routed' ? '提交回复' : '发布补充回复'}
            </Button>
          </ActionSection>
        </>
      ) : null}

      <CaseActions question={q} panel={panel} groups={groups} now={now} />

      {!q.viewerCanAnswer && !acts && !transferred ? (
        <View className='reply__info'>
          <Text>
            {oversees({ roles: me.data?.roles ?? [] }) && waiting && q.deadlineAt > now
              ? `此问题由「${q.ownerUnitName}」负责答复，超过答复时限仍未答复时可以在这里催办。`
              : q.viewerIsHandler
                ? `此问题由「${q.ownerUnitName}」负责，处理经过见下方处理记录。`
                : `此问题由「${q.ownerUnitName}」负责答复。`}
          </Text>
          {q.viewerIsHandler ? null : (
            <Button className='btn-ghost' onClick={() => openQuestionPage(q.id)}>查看问题页</Button>
          )}
        </View>
      ) : null}

      {q.viewerIsHandler ? <CaseHistory entries={q.timeline} now={now} /> : null}
    </View>
  );
}
