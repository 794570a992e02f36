import Taro from '@tarojs/taro';
import { View, Text, Button, Input, Textarea } from '@tarojs/components';
import type { FaqCandidate } from '../../../services/faq.service';
import { FAQ_ANSWER_MAX, FAQ_TITLE_MAX, type FaqCurationForm } from '../../hooks/use-faq-curation';
import { Badge } from '../../../components/status-tag';
import { formatRelative, inShanghai } from '../../../utils/time';
import { nativeMaxLength } from '../../../utils/text-limits';
import { routes } from '../../../utils/routes';
import './index.scss';

/** "3月1日–3月15日": the half month the group was found in. */
export function periodLabel(c: Pick<FaqCandidate, 'periodFrom' | 'periodTo'>): string {
  return `${inShanghai(c.periodFrom).format('M月D日')}–${inShanghai(c.periodTo - 1).format('M月D日')}`;
}

interface Props {
  candidate: FaqCandidate;
  now: number;
  form: FaqCurationForm;
}

function PublishForm({ candidate, form }: { candidate: FaqCandidate; form: FaqCurationForm }) {
  const draft = form.draft!;
  const merge = draft.mode === 'merge' && candidate.faq;
  return (
    <View className='faq-form'>
      <Text className='faq-form__title'>{merge ? `并入「${candidate.faq!.title}」` : '发布为常见问题'}</Text>
      <Text className='faq-form__hint'>
        {merge
          ? '这些提问会收录到这条常见问题下，标题和答复按下面的内容更新；提问同学会收到通知。'
          : '发布后置顶在首页和常见问题列表，搜索和提问时优先显示；勾选的提问会收录在它下面，提问同学会收到通知。'}
      </Text>
      <View className='faq-form__label-row'>
        <Text className='faq-form__label'>标题</Text>
        <Text className={`faq-form__count ${form.titleCount.over ? 'faq-form__count--over' : ''}`}>{form.titleCount.label}</Text>
      </View>
      <Input
        className='faq-form__input'
        value={draft.title}
        maxlength={nativeMaxLength(FAQ_TITLE_MAX)}
        placeholder={`一句话说清是什么问题（4–${FAQ_TITLE_MAX} 字）`}
        onInput={(e) => form.editDraft({ title: e.detail.value })}
      />
      <View className='faq-form__label-row'>
        <Text className='faq-form__label'>统一答复</Text>
        <Text className={`faq-form__count ${form.answerCount.over ? 'faq-form__count--over' : ''}`}>{form.answerCount.label}</Text>
      </View>
      <View className='faq-form__box'>
        <Textarea
          className='faq-form__textarea'
          value={draft.answer}
          maxlength={nativeMaxLength(FAQ_ANSWER_MAX)}
          placeholder='写给所有同学的完整答复：去哪里、找谁、带什么、什么时候'
          onInput={(e) => form.editDraft({ answer: e.detail.value })}
        />
      </View>
      <Text className='faq-form__label'>收录的提问</Text>
      {candidate.questions.map((q) => {
        const on = draft.questionIds.includes(q.id);
        return (
          <View key={q.id} className={`faq-form__pick ${on ? 'faq-form__pick--on' : ''}`} onClick={() => form.toggleQuestion(q.id)}>
            <Text className='faq-form__check'>{on ? '✓' : ''}</Text>
            <Text className='faq-form__pick-title breakable'>{q.title}</Text>
          </View>
        );
      })}
      {form.error ? <Text className='faq-form__error'>{form.error}</Text> : null}
      <View className='faq-form__buttons'>
        <Button className='faq-btn' onClick={form.cancel}>取消</Button>
        {/* `|| undefined`: H5's web component reads disabled="false" as disabled styling. */}
        <Button className='faq-btn faq-btn--primary' disabled={form.busy || undefined} onClick={() => void form.publish(candidate)}>
          {form.busy ? '发布中…' : merge ? '确认并入' : '确认发布'}
        </Button>
      </View>
    </View>
  );
}

/**
 * One group of repeated questions the scheduler found in a half month: each
 * question (a tap opens it) with who answered it and the start of the answer;
 * 发布为常见问题 (or 并入 the entry it looks like) and 不是重复问题.
 */
export function FaqCandidateCard({ candidate, now, form }: Props) {
  const publishing = form.draft?.candidateId === candidate.id;
  const dismissing = form.dismissing === candidate.id;
  return (
    <View className={`faq-cand ${publishing || dismissing ? 'faq-cand--open' : ''}`}>
      <View className='faq-cand__head'>
        <Badge tone='blue'>{`${candidate.questions.length} 个相似提问`}</Badge>
        <Text className='faq-cand__period'>{periodLabel(candidate)}</Text>
      </View>
      {candidate.faq ? (
        <View className='faq-cand__like' onClick={() => void Taro.navigateTo({ url: routes.faq(candidate.faq!.id) })}>
          <Text className='faq-cand__like-key'>与已发布的常见问题相似</Text>
          <Text className='faq-cand__like-title breakable'>「{candidate.faq.title}」 ›</Text>
        </View>
      ) : null}
      {candidate.questions.map((q) => (
        <View key={q.id} className='faq-cand__q' onClick={() => void Taro.navigateTo({ url: routes.question(q.id) })}>
          <Text className='faq-cand__q-title breakable'>{q.title}</Text>
          <Text className='faq-cand__q-meta'>{q.unitName} 答复 · 提问于 {formatRelative(q.askedAt, now)}</Text>
          {q.answerExcerpt ? <Text className='faq-cand__q-answer breakable'>{q.answerExcerpt}</Text> : null}
        </View>
      ))}
      {publishing ? (
        <PublishForm candidate={candidate} form={form} />
      ) : dismissing ? (
        <View className='faq-form faq-form--dismiss'>
          <Text className='faq-form__title'>这组不是重复问题？</Text>
          <Text className='faq-form__hint'>忽略后这组提问不再出现在待整理中，提问和答复本身不受影响。</Text>
          {form.error ? <Text className='faq-form__error'>{form.error}</Text> : null}
          <View className='faq-form__buttons'>
            <Button className='faq-btn' onClick={form.cancel}>取消</Button>
            <Button className='faq-btn faq-btn--quiet' disabled={form.busy || undefined} onClick={() => void form.dismiss(candidate)}>
              {form.busy ? '处理中…' : '确认忽略'}
            </Button>
          </View>
        </View>
      ) : (
        <View className='faq-cand__actions'>
          {candidate.faq ? (
            <>
              <Button className='faq-btn faq-btn--primary' onClick={() => form.startPublish(candidate, 'merge')}>并入这条常见问题</Button>
              <Button className='faq-btn faq-btn--ghost' onClick={() => form.startPublish(candidate, 'new')}>另发一条</Button>
            </>
          ) : (
            <Button className='faq-btn faq-btn--primary' onClick={() => form.startPublish(candidate, 'new')}>发布为常见问题</Button>
          )}
          <Button className='faq-btn faq-btn--quiet' onClick={() => form.startDismiss(candidate)}>不是重复问题</Button>
        </View>
      )}
    </View>
  );
}
