import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Button, ScrollView } from '@tarojs/components';
import { listPublicQuestions, type PublicFeedSort, type PublicFeedState } from '../../services/question.service';
import { usePagedList } from '../../hooks/use-paged-list';
import { useCatalog } from '../../hooks/use-catalog';
import { useNow } from '../../hooks/use-now';
import { usePullToReload } from '../../hooks/use-pull-to-reload';
import { useReshow } from '../../hooks/use-reshow';
import { QuestionCard } from '../../components/question-card';
import { ListFooter } from '../../components/list-footer';
import { IdentityPicker } from '../../components/identity-picker';
import { FeedControls } from '../../components/feed-controls';
import { useUnreadRefresh } from '../../hooks/use-unread-messages';
import { refreshUnread } from '../../services/unread-messages';
import { SearchEntry } from '../../components/search-entry';
import { FaqPinned } from '../../components/faq-card';
import { useFaqs } from '../../hooks/use-faqs';
import { routes } from '../../utils/routes';
import './index.scss';

/** The community boards (the community subpackage, loaded on the first tap). */
const BOARDS = [
  { label: '活动公告', hint: '报名线下活动', icon: '活', url: routes.activities },
  { label: '青年视角', hint: '团组织原创文章', icon: '文', url: routes.articles },
  { label: '话题墙', hint: '说说你的看法', icon: '话', url: routes.topics },
  { label: '热点标签', hint: '大家最近在问', icon: '热', url: routes.hotTags },
  { label: '专家推荐', hint: '找对的人来答', icon: '专', url: routes.experts },
] as const;

/** How many FAQ entries 首页 pins. */
const PINNED_FAQS = 3;

export default function HomePage() {
  const [categoryId, setCategoryId] = useState<string | undefined>(undefined);
  const [collegeId, setCollegeId] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<PublicFeedState | undefined>(undefined);
  const [sort, setSort] = useState<PublicFeedSort>('newest');
  const { categories, colleges } = useCatalog();
  const fetchPage = useCallback(
    (cursor?: string) => listPublicQuestions({ categoryId, collegeId, status, sort, cursor }),
    [categoryId, collegeId, status, sort],
  );
  useUnreadRefresh();
  const list = usePagedList(fetchPage);
  const now = useNow();
  const faqs = useFaqs();
  const reloadAll = useCallback(() => {
    list.reload();
    faqs.reload();
    // Another identity (the dev picker) or a pull: the badge and the PC header count follow.
    void refreshUnread();
  }, [list.reload, faqs.reload]);
  usePullToReload(reloadAll, list.loading);
  // Back from elsewhere (an entry published or retired meanwhile): the pinned entries are cheap to refresh.
  useReshow(faqs.reload);

  return (
    <View className='home'>
      <View className='home__side'>
        <View className='home__hero'>
          <SearchEntry className='home__search' />
          <Text className='home__brand'>青年之声 · Campus</Text>
          <Text className='home__slogan'>有问必答，24小时内给你回音</Text>
          <Button className='home__ask' onClick={() => Taro.navigateTo({ url: routes.ask() })}>我要提问</Button>
        </View>

        <View className='home__boards'>
          {BOARDS.map((b) => (
            <View key={b.label} className='home__board' onClick={() => void Taro.navigateTo({ url: b.url })}>
              <Text className='home__board-icon'>{b.icon}</Text>
              <Text className='home__board-label'>{b.label}</Text>
              <Text className='home__board-hint'>{b.hint}</Text>
            </View>
          ))}
        </View>

        <IdentityPicker onChange={reloadAll} />
      </View>

      <View className='home__main'>
        {/* 置顶公告 (BUCM §八.三.3): the newest answers to what is asked again and again. Nothing while loading or when it fails: the list below speaks for the page. */}
        <FaqPinned
          entries={(faqs.data ?? []).slice(0, PINNED_FAQS)}
          onOpen={(id) => void Taro.navigateTo({ url: routes.faq(id) })}
          onAll={() => void Taro.navigateTo({ url: routes.faqs })}
        />

        <ScrollView className='home__chips' scrollX>
          <View className='home__chips-row'>
            <Text className={`chip ${categoryId === undefined ? 'chip--on' : ''}`} onClick={() => setCategoryId(undefined)}>
              全部
            </Text>
            {categories.map((c) => (
              <Text key={c.id} className={`chip ${categoryId === c.id ? 'chip--on' : ''}`} onClick={() => setCategoryId(c.id)}>
                {c.name}
              </Text>
            ))}
          </View>
        </ScrollView>

        <View className='home__section'>
          <Text className='home__section-title'>同声同心 · 大家在问</Text>
        </View>
        <FeedControls sort={sort} onSort={setSort} status={status} onStatus={setStatus} colleges={colleges} collegeId={collegeId} onCollege={setCollegeId} />
        {list.items.map((q) => (
          <QuestionCard key={q.id} question={q} now={now} onOpen={(id) => Taro.navigateTo({ url: routes.question(id) })} />
        ))}
        <ListFooter
          loading={list.loading}
          error={list.error}
          hasMore={list.hasMore}
          empty={list.items.length === 0}
          emptyText={categoryId || collegeId || status ? '没有符合筛选条件的问题，换个条件看看' : '还没有公开的问题，来提第一个吧'}
          onMore={list.loadMore}
          onRetry={list.reload}
        />
      </View>
    </View>
  );
}
