import { View, Text } from '@tarojs/components';
import { TITLE_MAX } from '@shared/contracts/question.contract';

export default function Index() {
  return <View><Text>hello {TITLE_MAX}</Text></View>;
}
