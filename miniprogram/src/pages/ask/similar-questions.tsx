import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import type { SearchHit } from '../../services/search.service';
import { Badge } from '../../components/status-tag';
import { HighlightedText } from '../../components/highlighted-text';

interface Props {
  items: readonly SearchHit[];
  /** 仍然提问: the student looked and wants to ask; the list folds to one line. */
  dismissed: boolean;
  onDismiss: () => void;
  onShow: () => void;
  onOpen: (hit: SearchHit) => void;
  onSolved: (hit: SearchHit) => void;
}

/** What a student reads first: the official answer's start (a question), or the canonical answer (an FAQ entry). */
const answerOf = (hit: SearchHit) => (hit.kind === 'faq' ? hit.excerpt : (hit.answerExcerpt ?? hit.excerpt));

/**
 * 相似的问题 under the title while a student types: answered questions and
 * FAQ entries (first), each opening in place to the start of its answer, with
 * 这解决了我的问题 (leave without asking) and 查看全文; 仍然提问 folds the list.
 */
export function SimilarQuestions({ items, dismissed, onDismiss, onShow, onOpen, onSolved }: Props) {
  const [openKey, setOpenKey] = useState<string | null>(null);
  if (items.length === 0) return null;
  if (dismissed) {
    return (
      <View className='similar similar--folded' onClick={onShow}>
        <Text className='similar__folded-text'>已收起 {items.length} 个相似的问题</Text>
        <Text className='similar__link'>展开</Text>
      </View>
    );
  }
  return (
    <View className='similar'>
      <View className='similar__head'>
        <Text className='similar__title'>相似的问题</Text>
        <Text className='similar__hint'>这些问题已经有了答复，也许能直接解决你的问题</Text>
      </View>
      {items.map((hit) => {
        const key = `${hit.kind}:${hit.id}`;
        const open = openKey === key;
        return (
          <View key={key} className={`similar__item ${open ? 'similar__item--open' : ''}`}>
            <View className='similar__row' onClick={() => setOpenKey(open ? null : key)}>
              {hit.kind === 'faq' ? <Badge>常见问题</Badge> : null}
              <HighlightedText className='similar__item-title' text={hit.title} spans={hit.titleHighlights} />
              <Text className='similar__arrow'>{open ? '▴' : '▾'}</Text>
            </View>
            {open ? (
              <View className='similar__body'>
                <Text className='similar__answer breakable'>{answerOf(hit)}</Text>
                {hit.unitName ? <Text className='similar__unit'>{hit.unitName} 答复</Text> : null}
                <View className='similar__actions'>
                  <Text className='similar__solved' onClick={() => onSolved(hit)}>这解决了我的问题</Text>
                  <Text className='similar__open' onClick={() => onOpen(hit)}>查看全文 ›</Text>
                </View>
              </View>
            ) : null}
          </View>
        );
      })}
      <View className='similar__foot'>
        <Text className='similar__still' onClick={onDismiss}>都不是，仍然提问</Text>
      </View>
    </View>
  );
}
