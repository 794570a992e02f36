import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import type { CharCount } from '../../hooks/use-char-count';

/** Who reads what is written in a box: the whole point of keeping the boxes apart. */
export type Audience = 'public' | 'asker' | 'internal';

const AUDIENCE_LABELS: Record<Audience, string> = {
  public: '公开',
  asker: '提问同学可见',
  internal: '仅办理人员可见',
};

interface SectionProps {
  title: string;
  audience?: Audience;
  /** One sentence: who reads it and what happens when it is sent. */
  hint?: string;
  className?: string;
  children: ReactNode;
}

/** A card of the 办 panel: a title, who reads it, and a hint. */
export function ActionSection({ title, audience, hint, className, children }: SectionProps) {
  return (
    <View className={`case-section ${className ?? ''}`}>
      <View className='case-section__head'>
        <Text className='case-section__title'>{title}</Text>
        {audience ? <Text className={`case-section__audience case-section__audience--${audience}`}>{AUDIENCE_LABELS[audience]}</Text> : null}
      </View>
      {hint ? <Text className='case-section__hint'>{hint}</Text> : null}
      {children}
    </View>
  );
}

/** "120/500", red when over the limit. */
export function Counter({ count }: { count: CharCount }) {
  return <Text className={`case-counter ${count.over ? 'case-counter--over' : ''}`}>{count.label}</Text>;
}

export function ErrorLine({ text }: { text: string | null | undefined }) {
  return text ? <Text className='case-error'>{text}</Text> : null;
}
