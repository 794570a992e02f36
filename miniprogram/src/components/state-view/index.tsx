import { View, Text, Button } from '@tarojs/components';
import './index.scss';

export interface StateAction {
  label: string;
  onClick: () => void;
  /** The one thing to do next (a filled button); others are plain. */
  primary?: boolean;
}

interface Props {
  /** 'loading' shows a quiet line, 'error' and 'empty' an icon, a title and what to do. */
  kind: 'loading' | 'error' | 'empty' | 'info';
  title: string;
  text?: string;
  actions?: readonly StateAction[];
}

const ICONS: Record<Props['kind'], string> = { loading: '', error: '!', empty: '?', info: 'i' };

/** A whole-page state (加载中 / 出错 / 没有内容) that always leaves a way on. */
export function StateView({ kind, title, text, actions = [] }: Props) {
  return (
    <View className={`state state--${kind}`}>
      {kind === 'loading' ? null : <Text className='state__icon'>{ICONS[kind]}</Text>}
      <Text className='state__title'>{title}</Text>
      {text ? <Text className='state__text'>{text}</Text> : null}
      {actions.length > 0 ? (
        <View className='state__actions'>
          {actions.map((a) => (
            <Button key={a.label} className={a.primary ? 'btn-primary state__btn' : 'btn-ghost state__btn'} onClick={a.onClick}>
              {a.label}
            </Button>
          ))}
        </View>
      ) : null}
    </View>
  );
}
