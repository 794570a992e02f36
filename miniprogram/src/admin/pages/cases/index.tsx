import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { CaseItem } from '@shared/contracts/typical-case.contract';
import type { Me } from '@shared/contracts/me.contract';
import { canReadCases } from '@shared/domain/permissions';
import { CASE_KIND_LABELS, CASE_KINDS, type CaseKind } from '@shared/domain/typical-case';
import { useNow } from '../../../hooks/use-now';
import { usePullToReload } from '../../../hooks/use-pull-to-reload';
import { useReshow } from '../../../hooks/use-reshow';
import { ListFooter } from '../../../components/list-footer';
import { STATUS_LABELS } from '../../../utils/labels';
import { routes } from '../../../utils/routes';
import { formatDateTime } from '../../../utils/time';
import { AccessGate, NoAccess } from '../../components/access-gate';
import { OversightLinks } from '../../components/oversight-links';
import { Chips } from '../../components/chips';
import { useCaseList } from '../../hooks/use-cases';
import './index.scss';

export const CASES_DENIED = '典型案例仅限答复人员、单位管理员、协管、主管老师和学校管理员查看。';

function CaseCard({ c, now }: { c: CaseItem; now: number }) {
  return (
    <View className='case-card' onClick={() => void Taro.navigateTo({ url: routes.question(c.questionId) })}>
      <View className='case-card__head'>
        <Text className={`case-card__kind case-card__kind--${c.kind}`}>{CASE_KIND_LABELS[c.kind]}</Text>
        <Text className='case-card__status'>{STATUS_LABELS[c.status]}</Text>
      </View>
      <Text className='case-card__title breakable'>{c.title}</Text>
      <Text className='case-card__text breakable'>{c.writeUp}</Text>
      <Text className='case-card__meta'>
        {c.unitName} · {c.categoryName} · {c.markedByName} 于 {formatDateTime(c.markedAt, now)} 标记
      </Text>
    </View>
  );
}

type KindOption = CaseKind | '';

function Cases({ me }: { me: Me }) {
  const { list, kind, setKind } = useCaseList();
  const now = useNow(60_000);
  usePullToReload(list.reload, list.loading);
  useReshow(list.reload);
  if (list.errorCode === 'AUTH.FORBIDDEN') return <NoAccess text={list.error ?? CASES_DENIED} />;
  const options: { value: KindOption; label: string }[] = [{ value: '', label: '全部' }, ...CASE_KINDS.map((k) => ({ value: k as KindOption, label: CASE_KIND_LABELS[k] }))];
  return (
    <View className='cases'>
      <View className='cases__intro'>
        <Text className='cases__title'>典型案例</Text>
        <Text className='cases__hint'>
          答复或线下办理得好的问题，由负责单位在问题页「标记为典型案例」并写一段说明；案例计入当期双周报和考核（线上、线下案例收集报送情况），可随双周报导出 Excel。
        </Text>
        <View className='cases__kinds'>
          <Chips label='案例类型' options={options} selected={[kind ?? '']} onToggle={(k) => setKind(k || null)} />
        </View>
      </View>
      <View className='cases__list'>
        {list.items.map((c) => (
          <CaseCard key={c.questionId} c={c} now={now} />
        ))}
      </View>
      <ListFooter
        loading={list.loading}
        error={list.error}
        hasMore={list.hasMore}
        empty={list.items.length === 0}
        emptyText='还没有典型案例。在已答复的问题页点「标记为典型案例」即可报送。'
        onMore={list.loadMore}
        onRetry={list.reload}
      />
      <OversightLinks show={['reports', 'stats']} roles={me.roles} />
    </View>
  );
}

/** 典型案例 (案例报送): every case the viewer may see, newest first; tap one to open its question. */
export default function CasesPage() {
  return (
    <AccessGate allows={canReadCases} deniedText={CASES_DENIED}>
      {(me) => <Cases me={me} />}
    </AccessGate>
  );
}
