import { View, Button, Textarea } from '@tarojs/components';
import type { QuestionDetail } from '@shared/contracts/question.contract';
import { NOTICE_MAX, type CaseActionsState } from '../../hooks/use-case-actions';
import { ActionSection, Counter, ErrorLine } from './section';

/** 处理公告: an emergency, once resolved, is published (紧急通道公告). Public, so its own box. */
export function NoticeForm({ question: q, panel }: { question: QuestionDetail; panel: CaseActionsState }) {
  if (!q.viewerActions.includes('publishNotice')) return null;
  return (
    <ActionSection
      title='处理公告'
      audience='public'
      hint='紧急求助办结后须公开处理情况。发布后所有人都能在问题页看到，请不要写学生姓名等个人信息。'
      className='case-section--notice'
    >
      <View className='case-box'>
        <Textarea
          className='case-box__textarea'
          placeholder='面向全校的处理公告：发生了什么、怎样处理的、提醒大家注意什么'
          maxlength={NOTICE_MAX * 2}
          value={panel.notice.text}
          onInput={(e) => panel.notice.setText(e.detail.value)}
        />
        <Counter count={panel.notice.count} />
      </View>
      <ErrorLine text={panel.error?.action === 'publishNotice' ? panel.error.text : null} />
      <Button className='case-btn case-btn--main case-btn--block' disabled={panel.busy !== null || undefined} onClick={() => panel.run('publishNotice')}>
        {panel.busy === 'publishNotice' ? '发布中…' : '发布处理公告'}
      </Button>
    </ActionSection>
  );
}
