import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { ExpertProfile } from '@shared/contracts/community.contract';
import { listExperts } from '../../../services/community.service';
import { usePagedList } from '../../../hooks/use-paged-list';
import { usePullToReload } from '../../../hooks/use-pull-to-reload';
import { ExpertCard } from '../../../components/expert-card';
import { ListFooter } from '../../../components/list-footer';
import { BoardNav } from '../../components/board-ui';
import { routes } from '../../../utils/routes';
import '../../styles/board.scss';

type Team = ExpertProfile['team'];
/** The three teams of the plan (§一): 团干部帮青年, 专家帮青年, 青年帮青年. */
const TEAMS: readonly { key: Team | undefined; label: string }[] = [
  { key: undefined, label: '全部' },
  { key: 'league', label: '团帮青' },
  { key: 'expert', label: '专帮青' },
  { key: 'peer', label: '青帮青' },
];

/** 专家推荐: the people who answer, by team, each opening their profile. */
export default function ExpertsPage() {
  const [team, setTeam] = useState<Team | undefined>(undefined);
  const fetchPage = useCallback((cursor?: string) => listExperts({ ...(team ? { team } : {}), ...(cursor ? { cursor } : {}) }), [team]);
  const list = usePagedList<ExpertProfile>(fetchPage);
  usePullToReload(list.reload, list.loading);
  return (
    <View className='board'>
      <BoardNav here='experts' />
      <View className='board__intro'>
        <Text className='board__title'>专家推荐</Text>
        <Text className='board__hint'>团干部、专业老师和朋辈骨干为你答疑。提问时选好学院和分类，可以把问题指定给擅长的人。</Text>
      </View>
      <View className='board-tabs'>
        {TEAMS.map((t) => (
          <Text key={t.label} className={`board-tabs__item ${team === t.key ? 'board-tabs__item--on' : ''}`} onClick={() => setTeam(t.key)}>
            {t.label}
          </Text>
        ))}
      </View>
      <View className='board__list board__list--grid'>
        {list.items.map((e) => (
          <ExpertCard key={e.id} e={e} onOpen={() => void Taro.navigateTo({ url: routes.expert(e.id) })} />
        ))}
      </View>
      <ListFooter loading={list.loading} error={list.error} hasMore={list.hasMore} empty={list.items.length === 0} emptyText='这个队伍暂时没有专家' onMore={list.loadMore} onRetry={list.reload} />
    </View>
  );
}
