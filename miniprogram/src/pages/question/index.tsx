import Taro from '@tarojs/taro';
import { View, Text, Button } from '@tarojs/components';
import type { Answer, QuestionDetail } from '@shared/contracts/question.contract';
import { useQuestion } from '../../hooks/use-question';
import { useEntryParams } from '../../hooks/use-entry-params';
import { useNow } from '../../hooks/use-now';
import { useReshow } from '../../hooks/use-reshow';
import { StatusTag, Badge, ModerationBadge } from '../../components/status-tag';
import { CountdownTag } from '../../components/countdown-tag';
import { AnswerList } from '../../components/answer-list';
import { PictureStrip } from '../../components/picture-strip';
import { Timeline, type TimelineViewer } from '../../components/timeline';
import { AskerFeedback } from '../../components/asker-feedback';
import { StateView } from '../../components/state-view';
import { SignInPrompt } from '../../components/sign-in-prompt';
import { ReportSheet } from '../../components/report-sheet';
import { QuestionReactions, AnswerLike } from '../../components/question-reactions';
import { useReactions } from '../../hooks/use-reactions';
import { useReports } from '../../hooks/use-reports';
import type { ReportTarget } from '../../services/moderation.service';
import { moderationNote } from '../../utils/moderation-note';
import { isRetryable } from '../../services/api-error';
import { askerLabel } from '../../utils/labels';
import { formatDateTime } from '../../utils/time';
import { useMe } from '../../hooks/use-me';
import { canSpeakOnBoards } from '../../utils/board-access';
import { routes } from '../../utils/routes';
import './index.scss';

const goHome = () => void Taro.switchTab({ url: routes.home });

function viewerOf(q: QuestionDetail): TimelineViewer {
  if (q.viewerIsHandler) return 'handler';
  return q.viewerIsAsker ? 'asker' : 'public';
}

/** A reopened case: waiting again (when, and by when the unit must answer), or reopened once and answered since. */
function Reopened({ q, now }: { q: QuestionDetail; now: number }) {
  if (q.reopenedAt === null) return null;
  if (q.status !== 'routed') {
    return <Text className='detail__reopened-note'>曾于 {formatDateTime(q.reopenedAt, now)} 重新打开</Text>;
  }
  return (
    <View className='detail__reopened'>
      <Text className='detail__reopened-title'>已重新打开</Text>
      <Text className='detail__reopened-text'>
        {`${formatDateTime(q.reopenedAt, now)} 重新打开，「${q.ownerUnitName}」需要重新答复，时限至 ${formatDateTime(q.deadlineAt, now)}`}
      </Text>
    </View>
  );
}

/** What a person may report here: published, public, and not theirs (the server decides in the end). */
function reportable(q: QuestionDetail) {
  const open = q.visibility === 'public';
  return {
    // The asker wrote it.
    question: open && q.moderation === 'published' && !q.viewerIsAsker,
    // Handlers wrote the answers and the notice (the responder's identity is not sent to the client).
    answer: (a: Answer) => open && a.moderation === 'published' && !q.viewerIsHandler,
    notice: open && q.notice?.moderation === 'published' && !q.viewerIsHandler,
  };
}

function ReportLink({ reported, onClick }: { reported: boolean; onClick: () => void }) {
  return reported ? <Text className='detail__reported'>已举报</Text> : <Text className='detail__report' onClick={onClick}>举报</Text>;
}

/**
 * 发起线下活动 (线上诉求延伸到线下): for a handler who speaks for a unit on the
 * boards (unit admin, coordinator, school admin). Mounted for handlers only,
 * so students' question pages make no extra request.
 */
function OfflineActivityLink({ questionId }: { questionId: string }) {
  const me = useMe();
  if (!canSpeakOnBoards(me.data)) return null;
  return (
    <View className='detail__actions'>
      <Button className='btn-ghost' onClick={() => void Taro.navigateTo({ url: routes.newActivity([questionId]) })}>发起线下活动</Button>
    </View>
  );
}

export default function QuestionPage() {
  const { id } = useEntryParams();
  const { data: q, loading, error, errorCode, reload } = useQuestion(id);
  const now = useNow();
  useReshow(reload);
  const reports = useReports(reload);

  if (!q) {
    if (errorCode === 'AUTH.REQUIRED') {
      return (
        <View className='detail'>
          <SignInPrompt purpose='这个问题和它的答复' onSignedIn={reload} />
        </View>
      );
    }
    if (error) {
      const retry = isRetryable(errorCode);
      return (
        <View className='detail'>
          <StateView
            kind='error'
            title={error}
            text={retry ? undefined : '可以回到首页看看其他同学的问题，或者提一个新问题。'}
            actions={[...(retry ? [{ label: '重试', primary: true, onClick: reload }] : []), { label: '返回首页', primary: !retry, onClick: goHome }]}
          />
        </View>
      );
    }
    return (
      <View className='detail'>
        <StateView kind='loading' title={loading ? '加载中…' : ''} />
      </View>
    );
  }

  return <QuestionView q={q} now={now} reload={reload} reports={reports} />;
}

function QuestionView({ q, now, reload, reports }: { q: QuestionDetail; now: number; reload: () => void; reports: ReturnType<typeof useReports> }) {
  const r = useReactions(q);
  useReshow(r.reload);
  const viewer = viewerOf(q);
  const may = reportable(q);
  const heldNote = q.visibility === 'public' ? moderationNote(q.moderation, viewer, '个问题') : null;
  const noticeNote = q.notice ? moderationNote(q.notice.moderation, viewer, '条公告') : null;
  const questionRef: ReportTarget = { questionId: q.id, target: 'question' };
  const noticeRef: ReportTarget = { questionId: q.id, target: 'notice' };
  const answerIds = new Set(q.answers.filter((a) => reports.reported({ questionId: q.id, target: 'answer', answerId: a.id })).map((a) => a.id));

  return (
    <View className='detail'>
      <View className='detail__main'>
        {reports.note ? <Text className='detail__report-note'>{reports.note}</Text> : null}
        <View className='detail__card'>
          <View className='detail__tags'>
            <StatusTag status={q.status} />
            {q.urgent ? <Badge>紧急</Badge> : null}
            {q.escalated ? <Badge tone='warn'>已超时升级</Badge> : null}
            <Badge tone='blue'>{q.categoryName}</Badge>
            {q.visibility === 'private' ? <Badge tone='gray'>仅自己和处理老师可见</Badge> : null}
            {q.visibility === 'public' ? <ModerationBadge state={q.moderation} /> : null}
          </View>
          <Text className='detail__title breakable'>{q.title}</Text>
          <View className='detail__asker'>
            <Text>{askerLabel(q)}</Text>
            <Text className='detail__dot'>·</Text>
            <Text>{formatDateTime(q.createdAt, now)}</Text>
            {may.question ? <ReportLink reported={reports.reported(questionRef)} onClick={() => reports.setOpen(questionRef)} /> : null}
          </View>
          <Text className='detail__content breakable' selectable>{q.content}</Text>
          <PictureStrip urls={q.pictureUrls} />
          {heldNote ? <Text className='detail__held'>{heldNote}</Text> : null}
          {q.escalated && q.status === 'routed' ? (
            <View className='detail__escalated'>
              <Text className='detail__escalated-title'>已超时，协管正在督办</Text>
              <Text className='detail__escalated-text'>「{q.ownerUnitName}」未能在时限内答复，校团委协管老师已介入，会尽快给你答复。</Text>
            </View>
          ) : null}
          <Reopened q={q} now={now} />
          <QuestionReactions q={q} r={r} />
          <View className='detail__route'>
            <Text className='detail__route-unit'>由「{q.ownerUnitName}」负责</Text>
            {q.status === 'routed' ? (
              <CountdownTag deadlineAt={q.deadlineAt} answeredAt={q.answeredAt} now={now} />
            ) : (
              <Text className='detail__route-done'>已于 {formatDateTime(q.answeredAt ?? q.createdAt, now)} 答复</Text>
            )}
          </View>
        </View>

        {q.notice ? (
          <View className='detail__notice'>
            <View className='detail__notice-head'>
              <Text className='detail__notice-title'>处理公告</Text>
              <ModerationBadge state={q.notice.moderation} />
              <Text className='detail__notice-time'>发布于 {formatDateTime(q.notice.publishedAt, now)}</Text>
            </View>
            <Text className='detail__notice-text breakable'>{q.notice.text}</Text>
            {noticeNote ? <Text className='detail__held'>{noticeNote}</Text> : null}
            {may.notice ? (
              <View className='detail__notice-foot'>
                <ReportLink reported={reports.reported(noticeRef)} onClick={() => reports.setOpen(noticeRef)} />
              </View>
            ) : null}
          </View>
        ) : null}

        <View className='detail__section'>
          <Text className='detail__section-title'>答复（{q.answers.length}）</Text>
        </View>
        <AnswerList
          answers={q.answers}
          now={now}
          emptyText={
            // Answered, yet nothing to show this viewer: the answer waits for review or was hidden.
            q.answeredAt !== null ? '这个问题已有答复，目前不公开显示（审核中或已隐藏）' : '负责单位正在处理，答复后会第一时间显示在这里'
          }
          viewer={viewer}
          canReport={may.answer}
          onReport={(a) => reports.setOpen({ questionId: q.id, target: 'answer', answerId: a.id })}
          reportedIds={answerIds}
          renderAction={q.visibility === 'public' ? (a) => (a.moderation === 'published' ? <AnswerLike questionId={q.id} answerId={a.id} r={r} /> : null) : undefined}
        />

        {q.rating ? (
          <View className='detail__rating'>
            <Text>提问者评价：{q.rating.satisfied ? '满意' : '不满意'}</Text>
            {q.rating.comment ? <Text className='detail__rating-comment breakable'>{q.rating.comment}</Text> : null}
          </View>
        ) : null}
        {q.typicalCase || q.viewerCanMarkCase ? (
          <View className='detail__case'>
            {q.typicalCase ? (
              <>
                <Text className='detail__case-title'>{q.typicalCase.kind === 'online' ? '线上典型案例' : '线下典型案例'}</Text>
                <Text className='detail__case-text breakable'>{q.typicalCase.writeUp}</Text>
                <Text className='detail__case-meta'>{q.typicalCase.markedByName} 于 {formatDateTime(q.typicalCase.markedAt, now)} 标记，仅处理人员可见</Text>
              </>
            ) : null}
            {q.viewerCanMarkCase && q.answeredAt !== null ? (
              <Text className='detail__case-link' onClick={() => void Taro.navigateTo({ url: routes.caseMark(q.id) })}>
                {q.typicalCase ? '修改典型案例 ›' : '标记为典型案例 ›'}
              </Text>
            ) : null}
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
      </View>

      {q.timeline.length > 0 ? (
        <View className='detail__side'>
          <View className='detail__section'>
            <Text className='detail__section-title'>处理记录</Text>
          </View>
          <Timeline entries={q.timeline} now={now} viewer={viewerOf(q)} />
        </View>
      ) : null}

      {q.viewerCanAnswer ? (
        <View className='detail__actions'>
          <Button className='btn-primary' onClick={() => Taro.navigateTo({ url: routes.reply(q.id) })}>回复</Button>
        </View>
      ) : null}

      {q.viewerIsHandler ? <OfflineActivityLink questionId={q.id} /> : null}

      {reports.open ? <ReportSheet target={reports.open} onClose={reports.close} onDone={reports.finished} /> : null}
    </View>
  );
}
