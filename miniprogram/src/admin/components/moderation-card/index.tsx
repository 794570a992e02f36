import Taro from '@tarojs/taro';
import { View, Text, Button, Input } from '@tarojs/components';
import type { ModerationItem } from '../../../services/moderation.service';
import type { ModerationQueueState } from '../../../hooks/use-moderation-queue';
import { DECISION_REASON_MAX } from '../../../hooks/use-moderation-queue';
import { Badge } from '../../../components/status-tag';
import { heldBecause, moderationKey, moderationTargetLabel, QUICK_REASONS, waitedLabel, type ModerationDecision } from '../../../utils/moderation';
import { nativeMaxLength } from '../../../utils/text-limits';
import { routes } from '../../../utils/routes';
import './index.scss';

type Decision = ModerationQueueState['decision'];

const FORM_TEXT: Record<ModerationDecision, { title: string; hint: string; confirm: string; busy: string }> = {
  publish: {
    title: '公开这条内容',
    hint: '公开后所有人都能看到。理由写入处理记录和操作日志，提问同学看不到。',
    confirm: '确认公开',
    busy: '公开中…',
  },
  hide: {
    title: '隐藏这条内容',
    hint: '隐藏后公众看不到，提问同学和办理人员仍能看到（标「已隐藏」）。理由写入处理记录和操作日志。',
    confirm: '确认隐藏',
    busy: '隐藏中…',
  },
};

function DecisionForm({ item, decision, state }: { item: ModerationItem; decision: ModerationDecision; state: Decision }) {
  const text = FORM_TEXT[decision];
  return (
    <View className={`mod-form mod-form--${decision}`}>
      <Text className='mod-form__title'>{text.title}</Text>
      <Text className='mod-form__hint'>{text.hint}</Text>
      <Text className='mod-form__label'>理由（必填）</Text>
      <View className='mod-form__chips'>
        {QUICK_REASONS[decision].map((r) => (
          <Text key={r} className={`mod-chip ${state.reason === r ? 'mod-chip--on' : ''}`} onClick={() => state.setReason(r)}>
            {r}
          </Text>
        ))}
      </View>
      <View className='mod-form__box'>
        <Input
          className='mod-form__input'
          placeholder={`或写下${decision === 'publish' ? '公开' : '隐藏'}的理由（2–${DECISION_REASON_MAX} 字）`}
          maxlength={nativeMaxLength(DECISION_REASON_MAX)}
          value={state.reason}
          onInput={(e) => state.setReason(e.detail.value)}
        />
        <Text className={`mod-form__count ${state.count.over ? 'mod-form__count--over' : ''}`}>{state.count.label}</Text>
      </View>
      {state.error ? <Text className='mod-form__error'>{state.error}</Text> : null}
      <View className='mod-form__buttons'>
        <Button className='mod-btn' onClick={state.cancel}>取消</Button>
        {/* `|| undefined`: H5's web component reads disabled="false" as disabled styling. */}
        <Button className={`mod-btn mod-btn--${decision}`} disabled={state.busy || undefined} onClick={() => void state.submit(item)}>
          {state.busy ? text.busy : text.confirm}
        </Button>
      </View>
    </View>
  );
}

interface Props {
  item: ModerationItem;
  now: number;
  decision: Decision;
}

/**
 * One held thing: what it is, the question it belongs to (a tap opens it), why
 * it is not public, who wrote it, how long it has waited, the whole text — and
 * 公开 / 隐藏, each asking for a reason.
 */
export function ModerationCard({ item, now, decision }: Props) {
  const open = decision.open?.key === moderationKey(item) ? decision.open.decision : null;
  return (
    <View className={`mod-card ${open ? 'mod-card--open' : ''}`}>
      <View className='mod-card__head'>
        <Badge tone={item.target === 'question' ? 'blue' : 'gray'}>{moderationTargetLabel(item)}</Badge>
        <Text className='mod-card__waited'>{waitedLabel(item.at, now)}</Text>
      </View>
      <View className='mod-card__question' onClick={() => void Taro.navigateTo({ url: routes.question(item.questionId) })}>
        <Text className='mod-card__question-key'>所属问题</Text>
        <Text className='mod-card__question-title breakable'>{item.questionTitle}</Text>
        <Text className='mod-card__arrow'>›</Text>
      </View>
      <View className='mod-card__why'>
        <Text className='mod-card__why-key'>暂停公开原因</Text>
        <Text className='mod-card__why-value breakable'>{heldBecause(item)}</Text>
      </View>
      <View className='mod-card__body'>
        <Text className='mod-card__author'>{item.target === 'question' ? '提问人' : '发布人'}：{item.authorName || '未知'}</Text>
        <Text className='mod-card__text breakable' selectable>{item.text}</Text>
      </View>
      {open ? (
        <DecisionForm item={item} decision={open} state={decision} />
      ) : (
        <View className='mod-card__actions'>
          <Button className='mod-btn mod-btn--publish-ghost' onClick={() => decision.start(item, 'publish')}>公开</Button>
          <Button className='mod-btn mod-btn--hide-ghost' onClick={() => decision.start(item, 'hide')}>隐藏</Button>
        </View>
      )}
    </View>
  );
}
