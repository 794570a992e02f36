import { View, Text, Button } from '@tarojs/components';

interface Props {
  title: string;
  onView: () => void;
  onAskAnother: () => void;
  onHome: () => void;
}

/** The student found the answer among the similar questions and did not ask: thanked, with where to go next. */
export function AskDeflected({ title, onView, onAskAnother, onHome }: Props) {
  return (
    <View className='ask__done'>
      <Text className='ask__done-icon'>✓</Text>
      <Text className='ask__done-title'>太好了，问题解决了</Text>
      <Text className='ask__done-line'>谢谢你先看了相似的问题，老师们就能把时间留给新的问题。</Text>
      <View className='ask__done-box'>
        <Text className='ask__done-label'>解决你问题的答复</Text>
        <Text className='ask__done-found breakable'>{title}</Text>
      </View>
      <Button className='btn-primary' onClick={onHome}>返回首页</Button>
      <Button className='btn-ghost' onClick={onView}>再看一遍答复</Button>
      <Button className='btn-ghost' onClick={onAskAnother}>我还有别的问题</Button>
    </View>
  );
}
