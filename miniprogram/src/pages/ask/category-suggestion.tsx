import { View, Text } from '@tarojs/components';

interface Props {
  /** The category the text most likely belongs to. */
  name: string;
  /** Whether the student already picked one (then it is a correction). */
  picked: boolean;
  onAccept: () => void;
  onDecline: () => void;
}

/** A gentle correction before the question is routed: the student decides, nothing is blocked. */
export function CategorySuggestion({ name, picked, onAccept, onDecline }: Props) {
  return (
    <View className='cat-hint'>
      <Text className='cat-hint__text'>
        {picked ? `这个问题可能属于「${name}」，要改成这个类别吗？` : `这个问题可能属于「${name}」，要选择这个类别吗？`}
      </Text>
      <View className='cat-hint__actions'>
        <Text className='cat-hint__accept' onClick={onAccept}>{picked ? `改为${name}` : `选择${name}`}</Text>
        <Text className='cat-hint__decline' onClick={onDecline}>不用</Text>
      </View>
    </View>
  );
}
