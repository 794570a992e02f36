import { Text } from '@tarojs/components';
import { splitHighlights, type TextSpan } from '../../utils/highlight';
import './index.scss';

interface Props {
  text: string;
  spans: readonly TextSpan[];
  className?: string;
}

/** A title or excerpt with the words the search matched in bold brand colour. */
export function HighlightedText({ text, spans, className }: Props) {
  return (
    <Text className={`breakable ${className ?? ''}`}>
      {splitHighlights(text, spans).map((segment, i) =>
        segment.hit ? (
          <Text key={i} className='hl'>
            {segment.text}
          </Text>
        ) : (
          segment.text
        ),
      )}
    </Text>
  );
}
