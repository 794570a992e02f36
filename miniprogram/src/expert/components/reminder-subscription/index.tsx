import { View, Text, Button } from '@tarojs/components';
import { useReminderSubscription } from '../../../hooks/use-reminder-subscription';
import './index.scss';

/**
 * 订阅提醒: WeChat subscriptions are one message each, so a responder who has
 * used them up misses reminders. Shows what each template can still deliver
 * and asks for more on the tap (WeChat only prompts inside one).
 */
export function ReminderSubscription() {
  const sub = useReminderSubscription();
  if (sub.loading || sub.rows.length === 0) return null;
  const empty = sub.rows.filter((r) => r.credits === 0).map((r) => `「${r.label}」`);
  const title =
    empty.length === 0 ? '提醒订阅' : empty.length === sub.rows.length ? '提醒次数已用完，将收不到任何提醒' : `${empty.join('')}已用完，收不到这类提醒`;
  return (
    <View className={`remind ${empty.length > 0 ? 'remind--low' : ''}`}>
      <View className='remind__body'>
        <Text className='remind__title'>{title}</Text>
        <View className='remind__credits'>
          {sub.rows.map((r) => (
            <Text key={r.templateId} className={`remind__credit ${r.credits === 0 ? 'remind__credit--zero' : ''}`}>
              {r.label} 还可收 {r.credits} 条
            </Text>
          ))}
        </View>
        {sub.supported ? null : <Text className='remind__hint'>订阅需在微信小程序中进行</Text>}
      </View>
      <Button className='remind__btn' disabled={!sub.supported || undefined} onClick={sub.subscribe}>
        订阅提醒
      </Button>
    </View>
  );
}
