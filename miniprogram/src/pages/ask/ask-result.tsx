import { View, Text, Button } from '@tarojs/components';
import type { EmergencyContact } from '@shared/contracts/catalog.contract';
import type { QuestionAskOutput } from '@shared/contracts/question.contract';
import { DialLink, EmergencyContacts, isSingleNumber } from '../../components/emergency-contacts';
import { describeCommitment } from '../../utils/deadline';
import { formatDateTime } from '../../utils/time';

interface Props {
  result: QuestionAskOutput;
  urgent: boolean;
  /** The numbers of the emergency lane (紧急求助 on): the school's, the college's, the owning unit's. */
  contacts: readonly EmergencyContact[];
  onView: () => void;
  onAskAgain: () => void;
  onHome: () => void;
}

/**
 * What the student sees once the question is in. Three cases: the usual
 * (routed, 24-hour commitment); held by the content check (it reached the unit
 * and is answered as usual, the public sees it after review); and the crisis
 * lane, which leads with people to call now and never speaks of publishing.
 */
export function AskResult({ result, urgent, contacts, onView, onAskAgain, onHome }: Props) {
  if (result.crisis) return <CrisisResult result={result} onView={onView} onHome={onHome} />;
  const held = result.moderation !== 'published';
  return (
    <View className='ask__done'>
      <Text className='ask__done-icon'>✓</Text>
      <Text className='ask__done-title'>提问成功</Text>
      <Text className='ask__done-line'>已转交「{result.routedTo.unitName}」</Text>
      {held ? (
        <View className='ask__done-review'>
          <Text className='ask__done-review-title'>审核后公开</Text>
          <Text className='ask__done-review-text'>
            问题已送达负责单位，老师会照常答复你。内容需要审核，通过后才会在首页公开；在此之前只有你和处理老师能看到。
          </Text>
        </View>
      ) : null}
      <View className='ask__done-box'>
        <Text className='ask__done-label'>承诺答复时限</Text>
        <Text className='ask__done-deadline'>{formatDateTime(result.deadlineAt, result.createdAt)} 前</Text>
        <Text className='ask__done-hint'>（{describeCommitment(result.createdAt, result.deadlineAt, urgent)}答复）</Text>
      </View>
      {urgent ? (
        <View className='ask__done-sos'>
          <EmergencyContacts contacts={contacts} />
        </View>
      ) : null}
      <Button className='btn-primary' onClick={onView}>查看问题</Button>
      <Button className='btn-ghost' onClick={onAskAgain}>继续提问</Button>
    </View>
  );
}

/**
 * The crisis lane: the words signalled that the student may be in danger. The
 * question went privately and urgently to the counselling unit; first the
 * numbers to call, then what happens next, in a caring voice.
 */
function CrisisResult({ result, onView, onHome }: Pick<Props, 'result' | 'onView' | 'onHome'>) {
  const hotlines = result.crisis?.hotlines ?? [];
  const callable = hotlines.filter((h) => isSingleNumber(h.phone));
  return (
    <View className='ask__done ask__done--crisis'>
      <Text className='ask__done-crisis-title'>谢谢你愿意说出来</Text>
      <Text className='ask__done-crisis-lead'>你不是一个人在扛。现在就想找人聊聊，可以直接拨打下面的电话，有专业的老师接听。</Text>
      <View className='ask__done-crisis-lines'>
        <EmergencyContacts contacts={callable} title='现在就可以打电话' text='' fallback='' />
      </View>
      <View className='ask__done-danger'>
        <Text>如果你现在有危险，请立即拨打</Text>
        <DialLink phone='110' />
        <Text>/</Text>
        <DialLink phone='120' />
      </View>
      <View className='ask__done-next'>
        <Text className='ask__done-next-title'>接下来</Text>
        <Text className='ask__done-next-text'>「{result.routedTo.unitName}」的老师会尽快私下联系你，听你说说发生了什么。</Text>
        <Text className='ask__done-next-text'>这个问题只有你和负责的老师能看到，不会出现在任何公开的地方。</Text>
      </View>
      <Button className='btn-primary' onClick={onView}>查看我的问题</Button>
      <Button className='btn-ghost' onClick={onHome}>返回首页</Button>
    </View>
  );
}
