import { Text } from '@tarojs/components';
import { useCharCount } from '../../hooks/use-char-count';
import './index.scss';

interface Props {
  text: string;
  max: number;
  /** A one-line field (title, reason): line breaks count as the single space the server keeps. */
  singleLine?: boolean;
}

/** "12/60", counted as the server counts what it will store (an emoji is one); red once over. */
export function CharCounter({ text, max, singleLine = false }: Props) {
  const { label, over } = useCharCount(text, max, singleLine);
  return <Text className={`counter ${over ? 'counter--over' : ''}`}>{label}</Text>;
}
