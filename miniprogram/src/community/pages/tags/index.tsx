import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { HotTagView } from '@shared/contracts/community.contract';
import { hotTags } from '../../../services/community.service';
import { useAsync } from '../../../hooks/use-async';
import { useNow } from '../../../hooks/use-now';
import { usePullToReload } from '../../../hooks/use-pull-to-reload';
import { Badge } from '../../../components/status-tag';
import { StateView } from '../../../components/state-view';
import { BoardNav, LoadFailure } from '../../components/board-ui';
import { formatRelative } from '../../../utils/time';
import { routes } from '../../../utils/routes';
import '../../styles/board.scss';
import './index.scss';

function Tag({ t }: { t: HotTagView }) {
  return (
    <View className='board-card hot-tag' onClick={() => void Taro.navigateTo({ url: routes.tagQuestions(t.open, t.label) })}>
      <View className='hot-tag__head'>
        <Text className='hot-tag__label'># {t.label}</Text>
        <Badge tone={t.kind === 'category' ? 'blue' : 'gray'}>{t.kind === 'category' ? '分类' : '关键词'}</Badge>
        <Text className='hot-tag__count'>{t.count} 个问题</Text>
      </View>
      {t.samples.map((s) => (
        <Text key={s.id} className='hot-tag__sample breakable'>· {s.title}</Text>
      ))}
      <Text className='hot-tag__go'>查看相关问题 ›</Text>
    </View>
  );
}

/** 热点标签: what students asked about most lately (categories and keywords of public questions). */
export default function TagsPage() {
  const state = useAsync(hotTags);
  const now = useNow();
  usePullToReload(state.reload, state.loading);
  const data = state.data;
  return (
    <View className='board'>
      <BoardNav here='tags' />
      <View className='board__intro'>
        <Text className='board__title'>热点标签</Text>
        <Text className='board__hint'>
          近期公开问题里出现最多的分类和关键词，点开看看大家都在问什么。
          {data?.computedAt ? `（${formatRelative(data.computedAt, now)}更新）` : ''}
        </Text>
      </View>
      {state.error ? (
        <LoadFailure error={state.error} code={state.errorCode} purpose='热点标签' onRetry={state.reload} backLabel='返回首页' backUrl={routes.home} />
      ) : !data ? (
        <StateView kind='loading' title='加载中…' />
      ) : data.tags.length === 0 ? (
        <StateView kind='empty' title='还没有热点标签' text='每天会根据近期的公开问题整理一次，稍后再来看看' actions={[{ label: '看看大家在问', primary: true, onClick: () => void Taro.switchTab({ url: routes.home }) }]} />
      ) : (
        <View className='board__list board__list--grid'>
          {data.tags.map((t) => (
            <Tag key={`${t.kind}:${t.key}`} t={t} />
          ))}
        </View>
      )}
    </View>
  );
}
