import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { Me } from '@shared/contracts/me.contract';
import { canCurateFaq } from '@shared/domain/permissions';
import { useFaqCuration } from '../../hooks/use-faq-curation';
import { useNow } from '../../../hooks/use-now';
import { usePullToReload } from '../../../hooks/use-pull-to-reload';
// Styles load in import order: the shared components in the order the other pages use them (tag, footer, state).
import { FaqCandidateCard } from '../../components/faq-candidate-card';
import { FaqEntryRow } from '../../components/faq-entry-row';
import { ListFooter } from '../../../components/list-footer';
import { StateView } from '../../../components/state-view';
import { AccessGate, NoAccess } from '../../components/access-gate';
import { OversightLinks } from '../../components/oversight-links';
import { routes } from '../../../utils/routes';
import './index.scss';

export const FAQ_CURATION_DENIED = '常见问题整理仅限协管员和学校管理员使用。';

type Tab = 'candidates' | 'entries';

function FaqCuration({ me }: { me: Me }) {
  const { candidates, entries, deflected, reload, forbidden, done, form } = useFaqCuration();
  const [tab, setTab] = useState<Tab>('candidates');
  const now = useNow(60_000);
  usePullToReload(reload, candidates.loading || entries.loading);
  // Mounted once the viewer is known: every show is a return (from a question or an entry), which may have changed.
  useDidShow(reload);
  if (forbidden) return <NoAccess text={FAQ_CURATION_DENIED} />;

  const all = entries.data ?? [];
  const live = all.filter((e) => e.state === 'published').length;

  return (
    <View className='faq-cur'>
      <View className='faq-cur__intro'>
        <Text className='faq-cur__title'>常见问题整理</Text>
        <Text className='faq-cur__hint'>
          每半个月，系统把这段时间里意思相同的已答复提问归为一组。确认是重复问题后写一条统一答复发布为常见问题：置顶在首页，搜索和提问时优先显示，收录的提问同学会收到通知。
        </Text>
        <View className='faq-cur__figure'>
          <Text className='faq-cur__figure-value'>{deflected ?? '—'}</Text>
          <Text className='faq-cur__figure-label'>近 14 天，同学在相似问题和常见问题里找到了答案、没有重复提问的次数</Text>
        </View>
      </View>

      {done ? (
        <View className='faq-cur__done'>
          <Text className='faq-cur__done-mark'>✓</Text>
          <View className='faq-cur__done-body'>
            <Text className='faq-cur__done-line breakable'>{done.text}</Text>
            {done.faqId ? (
              <Text className='faq-cur__done-link' onClick={() => void Taro.navigateTo({ url: routes.faq(done.faqId!) })}>查看常见问题 ›</Text>
            ) : null}
          </View>
        </View>
      ) : null}

      <View className='faq-cur__tabs'>
        <Text className={`faq-cur__tab ${tab === 'candidates' ? 'faq-cur__tab--on' : ''}`} onClick={() => setTab('candidates')}>
          待整理{candidates.items.length > 0 ? `（${candidates.items.length}${candidates.hasMore ? '+' : ''}）` : ''}
        </Text>
        <Text className={`faq-cur__tab ${tab === 'entries' ? 'faq-cur__tab--on' : ''}`} onClick={() => setTab('entries')}>
          已发布{entries.data ? `（${live}）` : ''}
        </Text>
      </View>

      {tab === 'candidates' ? (
        <>
          {candidates.items.map((c) => (
            <FaqCandidateCard key={c.id} candidate={c} now={now} form={form} />
          ))}
          <ListFooter
            loading={candidates.loading}
            error={candidates.error}
            hasMore={candidates.hasMore}
            empty={candidates.items.length === 0}
            emptyText='暂无待整理的重复问题：下一次归组在半个月结束后'
            onMore={candidates.loadMore}
            onRetry={candidates.reload}
          />
        </>
      ) : entries.data ? (
        all.length === 0 ? (
          <StateView kind='empty' title='还没有发布过常见问题' text='在「待整理」中把一组重复提问发布为常见问题后，会显示在这里。' />
        ) : (
          all.map((e) => <FaqEntryRow key={e.id} entry={e} now={now} form={form} />)
        )
      ) : entries.error ? (
        <StateView kind='error' title={entries.error} actions={[{ label: '重试', primary: true, onClick: entries.reload }]} />
      ) : (
        <StateView kind='loading' title='加载中…' />
      )}

      <OversightLinks show={['moderation', 'escalations']} roles={me.roles} />
    </View>
  );
}

/**
 * 常见问题整理 (the coordinator, the school admin; BUCM §八.三.3): the
 * half-monthly groups of repeated questions, each published as one pinned
 * entry with an edited title and answer (or dismissed), the published entries
 * (撤下 with a reason), and how many students found their answer without
 * asking. Anyone else is told the page is not theirs.
 */
export default function FaqCurationPage() {
  return (
    <AccessGate allows={canCurateFaq} deniedText={FAQ_CURATION_DENIED}>
      {(me) => <FaqCuration me={me} />}
    </AccessGate>
  );
}
