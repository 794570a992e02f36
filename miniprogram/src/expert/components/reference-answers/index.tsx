import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import type { ReferenceAnswer } from '../../../services/search.service';
import type { AsyncState } from '../../../hooks/use-async';
import { Badge } from '../../../components/status-tag';
import { formatRelative } from '../../../utils/time';
import './index.scss';

interface Props {
  refs: AsyncState<ReferenceAnswer[]>;
  now: number;
  /** 引用: the answer goes into the reply box, to be edited before it is sent. */
  onQuote: (text: string) => void;
}

const keyOf = (r: ReferenceAnswer) => `${r.kind}:${r.id}`;

/**
 * 参考答复: how the same need was answered before (any unit, and the FAQ),
 * each folded to its start; 展开 reads it whole, 引用 puts it in the reply box.
 * Nothing while loading or when nothing is similar: the reply box is the page's work.
 */
export function ReferenceAnswers({ refs, now, onQuote }: Props) {
  const [open, setOpen] = useState<string | null>(null);
  const [quoted, setQuoted] = useState<string | null>(null);
  if (refs.error) {
    return (
      <View className='refs refs--error'>
        <Text className='refs__error'>参考答复没有加载出来：{refs.error}</Text>
        <Text className='refs__retry' onClick={refs.reload}>重试</Text>
      </View>
    );
  }
  const items = refs.data ?? [];
  if (items.length === 0) return null;
  return (
    <View className='refs'>
      <View className='refs__head'>
        <Text className='refs__title'>参考答复（{items.length}）</Text>
        <Text className='refs__hint'>相似问题的已有答复，引用后可在答复框中修改</Text>
      </View>
      {items.map((r) => {
        const key = keyOf(r);
        const expanded = open === key;
        return (
          <View key={key} className='refs__item'>
            <View className='refs__item-head'>
              {r.kind === 'faq' ? <Badge>常见问题</Badge> : null}
              <Text className='refs__item-title breakable'>{r.title}</Text>
            </View>
            <Text className={`refs__answer breakable ${expanded ? 'refs__answer--open' : ''}`} selectable>{r.answer}</Text>
            <View className='refs__meta'>
              <Text className='refs__source'>
                {r.kind === 'faq' ? '常见问题' : r.unitName ?? ''} · {formatRelative(r.at, now)}
              </Text>
              <View className='refs__actions'>
                <Text className='refs__toggle' onClick={() => setOpen(expanded ? null : key)}>{expanded ? '收起' : '展开'}</Text>
                <Text
                  className='refs__quote'
                  onClick={() => {
                    onQuote(r.answer);
                    setQuoted(key);
                  }}
                >
                  {quoted === key ? '已引用' : '引用'}
                </Text>
              </View>
            </View>
          </View>
        );
      })}
    </View>
  );
}
