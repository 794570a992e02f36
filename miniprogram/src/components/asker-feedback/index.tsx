import { View, Text, Button, Input, Textarea } from '@tarojs/components';
import { useAskerFeedback } from '../../hooks/use-asker-feedback';
import { CharCounter } from '../char-counter';
import { nativeMaxLength } from '../../utils/text-limits';
import './index.scss';

const COMMENT_MAX = 200;
const REASON_MAX = 200;

interface Props {
  questionId: string;
  canRate: boolean;
  canReopen: boolean;
  onDone: () => void;
}

/**
 * Shown to the asker once there is an answer: 满意 / 不满意 (confirmed, with an
 * optional comment), and 重新打开 once with a reason. Each box says who reads it.
 */
export function AskerFeedback({ questionId, canRate, canReopen, onDone }: Props) {
  const fb = useAskerFeedback(questionId, onDone);
  if (!canRate && !canReopen) return null;
  const choiceLabel = fb.choice === null ? '' : fb.choice ? '满意' : '不满意';
  return (
    <View className='feedback'>
      {canRate ? (
        <>
          <Text className='feedback__title'>这个答复解决你的问题了吗？</Text>
          <View className='feedback__row'>
            <Button
              className={`feedback__btn ${fb.choice === true ? 'feedback__btn--yes' : ''}`}
              disabled={fb.busy || undefined}
              onClick={() => fb.choose(true)}
            >
              满意
            </Button>
            <Button
              className={`feedback__btn ${fb.choice === false ? 'feedback__btn--no' : ''}`}
              disabled={fb.busy || undefined}
              onClick={() => fb.choose(false)}
            >
              不满意
            </Button>
          </View>
          {fb.choice !== null ? (
            <View className='feedback__confirm'>
              <Text className='feedback__confirm-title'>确认评价为「{choiceLabel}」？评价后问题将关闭</Text>
              <View className='feedback__box'>
                <Textarea
                  className='feedback__textarea'
                  placeholder='补充说明（选填）'
                  maxlength={nativeMaxLength(COMMENT_MAX)}
                  value={fb.comment}
                  onInput={(e) => fb.setComment(e.detail.value)}
                />
              </View>
              <View className='feedback__meta'>
                <Text className='feedback__hint'>补充说明仅你和处理老师可见</Text>
                <CharCounter text={fb.comment} max={COMMENT_MAX} />
              </View>
              <View className='feedback__row'>
                <Button className='feedback__btn' disabled={fb.busy || undefined} onClick={fb.cancelRating}>取消</Button>
                <Button className='feedback__btn feedback__btn--main' disabled={fb.busy || undefined} onClick={fb.confirmRating}>
                  {fb.busy ? '提交中…' : '确认评价'}
                </Button>
              </View>
            </View>
          ) : null}
        </>
      ) : null}
      {canReopen && fb.choice === null ? (
        <View className='feedback__reopen'>
          <Text className='feedback__hint'>仍未解决？说明原因后可重新打开一次，负责单位须重新答复</Text>
          <Input
            className='feedback__input'
            placeholder='还有哪里没解决'
            maxlength={nativeMaxLength(REASON_MAX)}
            value={fb.reason}
            onInput={(e) => fb.setReason(e.detail.value)}
          />
          <View className='feedback__meta'>
            <Text className='feedback__hint'>理由仅你和处理老师可见</Text>
            <CharCounter text={fb.reason} max={REASON_MAX} singleLine />
          </View>
          <Button className='feedback__btn' disabled={fb.busy || undefined} onClick={fb.reopen}>重新打开</Button>
        </View>
      ) : null}
      {fb.error ? <Text className='feedback__error'>{fb.error}</Text> : null}
    </View>
  );
}
