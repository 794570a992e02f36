import { View, Text } from '@tarojs/components';
import type { SearchHit } from '@shared/contracts/search.contract';
import { Badge } from '../status-tag';
import { HighlightedText } from '../highlighted-text';
import { formatRelative } from '../../utils/time';
import './index.scss';

interface Props {
  hit: SearchHit;
  now: number;
  onOpen: (hit: SearchHit) => void;
}

/**
 * One search result: an FAQ entry (常见问题, the canonical answer, first when it
 * matches) or an answered question, the matched words highlighted, and the
 * start of its answer, so a student often needs no second tap.
 */
export function SearchHitCard({ hit, now, onOpen }: Props) {
  const faq = hit.kind === 'faq';
  return (
    <View className={`hit ${faq ? 'hit--faq' : ''}`} onClick={() => onOpen(hit)}>
      <View className='hit__head'>
        {faq ? <Badge>常见问题</Badge> : null}
        <HighlightedText className='hit__title' text={hit.title} spans={hit.titleHighlights} />
      </View>
      {hit.excerpt ? <HighlightedText className='hit__excerpt' text={hit.excerpt} spans={hit.excerptHighlights} /> : null}
      {hit.answerExcerpt ? (
        <View className='hit__answer'>
          <Text className='hit__answer-label'>答复</Text>
          <Text className='hit__answer-text breakable'>{hit.answerExcerpt}</Text>
        </View>
      ) : null}
      <View className='hit__meta'>
        {hit.categoryName ? <Badge tone='blue'>{hit.categoryName}</Badge> : null}
        {hit.unitName ? <Text className='hit__unit'>{hit.unitName}</Text> : null}
        <Text className='hit__time'>{faq ? `更新于 ${formatRelative(hit.at, now)}` : `答复于 ${formatRelative(hit.at, now)}`}</Text>
      </View>
    </View>
  );
}
