import { View, Text, Button, Input } from '@tarojs/components';
import { useAskerFeedback } from '../../hooks/use-asker-feedback';
import './index.scss';

interface Props {
  questionId: string;
  canRate: boolean;
  canReopen: boolean;
  onDone: () => void;
}

/** Shown to the asker once there is an answer: 满意 / 不满意, and 重新提问 once. */
export function AskerFeedback({ questionId, canRate, canReopen, onDone }: Props) {
  const fb = useAskerFeedback(questionId, onDone);
  if (!canRate && !canReopen) return null;
  return (
    <View className='feedback'>
      {canRate ? (
        <>
          <Text className='feedback__title'>这个答复解决你的问题了吗？</Text>
          <View className='feedback__row'>
            <Button className='feedback__btn feedback__btn--yes' disabled={fb.busy || undefined} onClick={() => fb.rate(true)}>满意</Button>
            <Button className='feedback__btn' disabled={fb.busy || undefined} onClick={() => fb.rate(false)}>不满意</Button>
          </View>
        </>
      ) : null}
      {canReopen ? (
        <View className='feedback__reopen'>
          <Text className='feedback__hint'>仍未解决？说明原因后可重新打开一次</Text>
          <Input
            className='feedback__input'
            placeholder='还有哪里没解决'
            maxlength={200}
            value={fb.reason}
            onInput={(e) => fb.setReason(e.detail.value)}
          />
          <Button className='feedback__btn' disabled={fb.busy || undefined} onClick={fb.reopen}>重新打开</Button>
        </View>
      ) : null}
      {fb.error ? <Text className='feedback__error'>{fb.error}</Text> : null}
    </View>
  );
}
