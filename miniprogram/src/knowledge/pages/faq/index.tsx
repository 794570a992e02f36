import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { useFaqs } from '../../../hooks/use-faqs';
import { useNow } from '../../../hooks/use-now';
import { usePullToReload } from '../../../hooks/use-pull-to-reload';
import { useReshow } from '../../../hooks/use-reshow';
import { FaqCard } from '../../../components/faq-card';
import { StateView } from '../../../components/state-view';
import { SignInPrompt } from '../../../components/sign-in-prompt';
import { isRetryable } from '../../../services/api-error';
import { routes } from '../../../utils/routes';
import './index.scss';

/**
 * 常见问题: every published entry, newest first — the answers to what students
 * ask again and again, gathered by the coordinator every half month.
 */
export default function FaqListPage() {
  const faqs = useFaqs();
  const now = useNow();
  useReshow(faqs.reload);
  usePullToReload(faqs.reload, faqs.loading);
  const entries = faqs.data;

  let body;
  if (faqs.errorCode === 'AUTH.REQUIRED') {
    body = <SignInPrompt purpose='常见问题' onSignedIn={faqs.reload} />;
  } else if (!entries) {
    body = faqs.error ? (
      <StateView kind='error' title={faqs.error} actions={isRetryable(faqs.errorCode) ? [{ label: '重试', primary: true, onClick: faqs.reload }] : []} />
    ) : (
      <StateView kind='loading' title='加载中…' />
    );
  } else if (entries.length === 0) {
    body = (
      <StateView
        kind='empty'
        title='还没有常见问题'
        text='协管老师每半个月会把大家反复问到的问题整理成常见问题，发布后会显示在这里。'
        actions={[{ label: '搜索问题', primary: true, onClick: () => void Taro.navigateTo({ url: routes.search() }) }]}
      />
    );
  } else {
    body = entries.map((entry) => <FaqCard key={entry.id} entry={entry} now={now} onOpen={(id) => void Taro.navigateTo({ url: routes.faq(id) })} />);
  }

  return (
    <View className='faqs'>
      <View className='faqs__intro'>
        <Text className='faqs__title'>常见问题</Text>
        <Text className='faqs__hint'>大家反复问到的问题，由协管老师汇总并给出统一答复。</Text>
      </View>
      {body}
    </View>
  );
}
