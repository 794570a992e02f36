import Taro from '@tarojs/taro';
import { View, Text, Button } from '@tarojs/components';
import { useFaqDetail } from '../../hooks/use-faq-detail';
import { useDeflection } from '../../../hooks/use-similar-questions';
import { useEntryParams } from '../../../hooks/use-entry-params';
import { useNow } from '../../../hooks/use-now';
import { Badge } from '../../../components/status-tag';
import { QuestionCard } from '../../../components/question-card';
import { StateView } from '../../../components/state-view';
import { SignInPrompt } from '../../../components/sign-in-prompt';
import { isRetryable } from '../../../services/api-error';
import { formatDateTime } from '../../../utils/time';
import { routes } from '../../../utils/routes';
import './index.scss';

/** Back where the reader came from, or to the list after a shared link. */
function leave() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.redirectTo({ url: routes.faqs });
}

/**
 * One 常见问题: the canonical answer, when it was last updated and by whom,
 * right under it 这解决了我的问题 / 仍然提问, then the students' questions it
 * gathers (each opens its own page).
 */
export default function FaqDetailPage() {
  const { id } = useEntryParams();
  const faq = useFaqDetail(id);
  const now = useNow();
  const deflection = useDeflection();

  if (!faq.data) {
    let body;
    if (faq.errorCode === 'AUTH.REQUIRED') body = <SignInPrompt purpose='这条常见问题' onSignedIn={faq.reload} />;
    else if (!faq.error) body = <StateView kind='loading' title='加载中…' />;
    else {
      const retry = isRetryable(faq.errorCode);
      body = (
        <StateView
          kind='error'
          title={faq.error}
          actions={[...(retry ? [{ label: '重试', primary: true, onClick: faq.reload }] : []), { label: '查看全部常见问题', primary: !retry, onClick: leave }]}
        />
      );
    }
    return <View className='faq'>{body}</View>;
  }

  const { entry, questions } = faq.data;
  return (
    <View className='faq'>
      <View className='faq__card'>
        <View className='faq__tags'>
          <Badge>常见问题</Badge>
          {entry.categoryName ? <Badge tone='blue'>{entry.categoryName}</Badge> : null}
          {entry.state === 'retired' ? <Badge tone='gray'>已撤下</Badge> : null}
        </View>
        <Text className='faq__title breakable'>{entry.title}</Text>
        <Text className='faq__meta'>
          {entry.updatedAt > entry.publishedAt ? '更新于' : '发布于'} {formatDateTime(entry.updatedAt, now)} · {entry.updatedByName}
        </Text>
        <Text className='faq__answer breakable' selectable>{entry.answer}</Text>
      </View>

      {/* Did it help? 这解决了我的问题 counts a question not asked (the coordinator's figure); 仍然提问 goes on to ask. */}
      {deflection.deflected ? (
        <View className='faq__solved'>
          <Text className='faq__solved-mark'>✓</Text>
          <Text className='faq__solved-title'>太好了，问题解决了</Text>
          <Text className='faq__solved-text'>谢谢你先看了常见问题，老师们就能把时间留给新的问题。</Text>
          <Button className='btn-ghost' onClick={() => void Taro.switchTab({ url: routes.home })}>返回首页</Button>
        </View>
      ) : entry.state === 'published' ? (
        <View className='faq__more'>
          <Text className='faq__more-text'>这条答复解决你的问题了吗？</Text>
          <View className='faq__more-actions'>
            <Button
              className='btn-primary faq__solved-btn'
              onClick={() => deflection.deflect({ kind: 'faq', id: entry.id, title: entry.title })}
            >
              这解决了我的问题
            </Button>
            <Button className='btn-ghost' onClick={() => void Taro.navigateTo({ url: routes.ask() })}>没有解决，仍然提问</Button>
          </View>
        </View>
      ) : null}

      {questions.length > 0 ? (
        <>
          <View className='faq__section'>
            <Text className='faq__section-title'>汇总的提问（{questions.length}）</Text>
            <Text className='faq__section-hint'>这些同学问过同样的问题</Text>
          </View>
          {questions.map((q) => (
            <QuestionCard key={q.id} question={q} now={now} onOpen={(qid) => void Taro.navigateTo({ url: routes.question(qid) })} />
          ))}
        </>
      ) : null}
    </View>
  );
}
