import { useMemo } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Input, Picker } from '@tarojs/components';
import { useSearch, QUERY_MAX } from '../../hooks/use-search';
import { useCatalog } from '../../hooks/use-catalog';
import { useEntryParams } from '../../hooks/use-entry-params';
import { useNow } from '../../hooks/use-now';
import { SearchIcon, SEARCH_PLACEHOLDER } from '../../components/search-entry';
import { SearchHitCard } from '../../components/search-hit';
import { ListFooter } from '../../components/list-footer';
import { StateView } from '../../components/state-view';
import { isRetryable } from '../../services/api-error';
import type { SearchHit } from '../../services/search.service';
import { safeDecode } from '../../utils/entry-params';
import { routes } from '../../utils/routes';
import './index.scss';

/** What students ask most, as a start for someone who does not know what to type. */
const EXAMPLES = ['校园卡补办', '四六级报名', '奖学金评定', '宿舍报修', '转专业'];

function open(hit: SearchHit) {
  void Taro.navigateTo({ url: hit.kind === 'faq' ? routes.faq(hit.id) : routes.question(hit.id) });
}

/**
 * 搜索: answered public questions and FAQ entries (常见问题 first when they
 * match), the matched words highlighted, filtered by category and by the unit
 * that answered. Nothing found → 我要提问 with the words as the title.
 */
export default function SearchPage() {
  const { q } = useEntryParams();
  const search = useSearch(q ? safeDecode(q) : '');
  const catalog = useCatalog();
  const now = useNow();
  const { list } = search;

  const categories = catalog.categories;
  // Who answers: the school committee, the colleges and the departments (branches answer nothing themselves).
  const units = useMemo(() => (catalog.data?.units ?? []).filter((u) => u.kind !== 'branch'), [catalog.data]);
  const category = categories.find((c) => c.id === search.categoryId);
  const unit = units.find((u) => u.id === search.unitId);

  const results = () => {
    if (!search.active) {
      return (
        <View className='search__intro'>
          <Text className='search__intro-text'>搜索已经答复过的问题和常见问题，也许你的问题已经有答案了。</Text>
          <View className='search__examples'>
            {EXAMPLES.map((example) => (
              <Text key={example} className='search__example' onClick={() => search.searchNow(example)}>
                {example}
              </Text>
            ))}
          </View>
        </View>
      );
    }
    if (list.items.length === 0 && !list.loading) {
      if (list.error) {
        const retry = isRetryable(list.errorCode);
        return <StateView kind='error' title={list.error} actions={retry ? [{ label: '重试', primary: true, onClick: list.reload }] : []} />;
      }
      return (
        <StateView
          kind='empty'
          title='没有找到相关问题'
          text={category || unit ? '换个说法，或者去掉筛选条件再试试；也可以直接提问，老师会在24小时内答复。' : '换个说法再试试，或者直接提问，老师会在24小时内答复。'}
          actions={[{ label: '我要提问', primary: true, onClick: () => void Taro.navigateTo({ url: routes.askWithTitle(search.query) }) }]}
        />
      );
    }
    return (
      <View className='search__results'>
        {list.items.map((hit) => (
          <SearchHitCard key={`${hit.kind}:${hit.id}`} hit={hit} now={now} onOpen={open} />
        ))}
        <ListFooter
          loading={list.loading}
          error={list.error}
          hasMore={list.hasMore}
          empty={false}
          emptyText=''
          onMore={list.loadMore}
          onRetry={list.reload}
        />
      </View>
    );
  };

  return (
    <View className='search'>
      <View className='search__top'>
        <View className='search__box'>
          <SearchIcon />
          <Input
            className='search__input'
            value={search.text}
            focus
            confirmType='search'
            placeholder={SEARCH_PLACEHOLDER}
            maxlength={QUERY_MAX}
            onInput={(e) => search.setText(e.detail.value)}
            onConfirm={search.submit}
          />
          {search.text ? (
            <Text className='search__clear' onClick={() => search.searchNow('')}>
              ×
            </Text>
          ) : null}
        </View>
        <View className='search__filters'>
          <Picker
            mode='selector'
            range={['全部类别', ...categories.map((c) => c.name)]}
            value={category ? categories.indexOf(category) + 1 : 0}
            onChange={(e) => search.setCategoryId(categories[Number(e.detail.value) - 1]?.id)}
          >
            <View className={`search__filter ${category ? 'search__filter--on' : ''}`}>
              <Text className='search__filter-text'>{category ? category.name : '全部类别'}</Text>
              <Text className='search__filter-arrow'>▾</Text>
            </View>
          </Picker>
          <Picker
            mode='selector'
            range={['全部单位', ...units.map((u) => u.name)]}
            value={unit ? units.indexOf(unit) + 1 : 0}
            onChange={(e) => search.setUnitId(units[Number(e.detail.value) - 1]?.id)}
          >
            <View className={`search__filter ${unit ? 'search__filter--on' : ''}`}>
              <Text className='search__filter-text'>{unit ? unit.name : '全部单位'}</Text>
              <Text className='search__filter-arrow'>▾</Text>
            </View>
          </Picker>
        </View>
        {catalog.error ? (
          <View className='search__filters-error'>
            <Text>筛选条件没有加载出来：{catalog.error}</Text>
            <Text className='search__filters-retry' onClick={catalog.reload}>重试</Text>
          </View>
        ) : null}
      </View>
      {results()}
    </View>
  );
}
