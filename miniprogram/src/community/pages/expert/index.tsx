import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Button } from '@tarojs/components';
import { getExpert } from '../../../services/community.service';
import { useAsync } from '../../../hooks/use-async';
import { useEntryParams } from '../../../hooks/use-entry-params';
import { ExpertCard } from '../../../components/expert-card';
import { StateView } from '../../../components/state-view';
import { LoadFailure } from '../../components/board-ui';
import { routes } from '../../../utils/routes';
import '../../styles/board.scss';

/** One expert: who they are, what they cover, how they answer, and how to ask them. */
export default function ExpertPage() {
  const { id = '' } = useEntryParams();
  const load = useCallback(() => getExpert(id), [id]);
  const state = useAsync(load);
  const e = state.data;
  if (!e) {
    return (
      <View className='board'>
        {state.error ? (
          <LoadFailure error={state.error} code={state.errorCode} purpose='这位专家' onRetry={state.reload} backLabel='看看其他专家' backUrl={routes.experts} />
        ) : (
          <StateView kind='loading' title='加载中…' />
        )}
      </View>
    );
  }
  return (
    <View className='board board--form'>
      <ExpertCard e={e} />
      <View className='board-card'>
        <Text className='board-card__title'>向 {e.name} 提问</Text>
        <Text className='board__hint'>
          {`提问时选择「${e.unitName}」对应的学院和 ${e.categories.map((c) => `「${c.name}」`).join('、') || '相应'} 分类，表单会推荐 ${e.name}，你可以把问题指定给 TA。问题仍按流程分派并在 24 小时内答复，TA 会最先收到通知。`}
        </Text>
        {e.likesReceived > 0 ? <Text className='board-card__line'>答复共获得 {e.likesReceived} 个赞</Text> : null}
        <Button className='btn-primary board__cta' onClick={() => void Taro.navigateTo({ url: routes.ask() })}>我要提问</Button>
      </View>
    </View>
  );
}
