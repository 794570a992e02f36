import { Text } from '@tarojs/components';
import { describeCountdown } from '../../utils/deadline';
import './index.scss';

interface Props {
  deadlineAt: number;
  answeredAt: number | null;
  now: number;
}

/** "剩余 5小时12分" / "已超时 2小时"; red under 4 hours or overdue. */
export function CountdownTag({ deadlineAt, answeredAt, now }: Props) {
  const c = describeCountdown({ deadlineAt, answeredAt }, now);
  return <Text className={`countdown countdown--${c.tone}`}>{c.text}</Text>;
}
