import Taro, { useRouter } from '@tarojs/taro';
import { View, Text, Button, Textarea } from '@tarojs/components';
import { CASE_KIND_LABELS, CASE_KINDS, CASE_MARKABLE_STATES, CASE_WRITE_UP_MAX, CASE_WRITE_UP_MIN } from '@shared/domain/typical-case';
import { StateView } from '../../../components/state-view';
import { CharCounter } from '../../../components/char-counter';
import { isRetryable } from '../../../services/api-error';
import { routes } from '../../../utils/routes';
import { formatDateTime } from '../../../utils/time';
import { NoAccess, leavePage } from '../../components/access-gate';
import { useCaseMark } from '../../hooks/use-cases';
import './index.scss';

export const CASE_MARK_DENIED = '只有负责单位的答复人员、单位管理员或协管可以标记典型案例。';

const KIND_HINTS = {
  online: '在平台上答复解决，答复本身可作示范',
  offline: '转线下办理（走访、协调相关部门）后解决',
} as const;

/**
 * 标记为典型案例 (案例报送, BUCM §七.4): a handler of the question's unit says
 * whether it is an online or offline case and writes what was done; the case
 * counts in the period's 双周报. Opened from the question page.
 */
export default function CaseMarkPage() {
  const { params } = useRouter();
  const m = useCaseMark(params.id || undefined);
  const q = m.question.data;

  if (!q) {
    if (m.question.error) {
      return (
        <View className='case-mark'>
          <StateView
            kind='error'
            title={m.question.error}
            actions={[...(isRetryable(m.question.errorCode) ? [{ label: '重试', onClick: m.question.reload, primary: true }] : []), { label: '返回', onClick: leavePage }]}
          />
        </View>
      );
    }
    return (
      <View className='case-mark'>
        <StateView kind='loading' title='加载中…' />
      </View>
    );
  }
  if (!q.viewerCanMarkCase) return <NoAccess text={CASE_MARK_DENIED} />;

  if (m.done) {
    const c = m.done.typicalCase;
    return (
      <View className='case-mark'>
        <StateView
          kind='info'
          title={c ? `已标记为${CASE_KIND_LABELS[c.kind]}` : '已取消典型案例标记'}
          text={c ? '计入标记当期的双周报和考核统计。' : '这个问题不再计入典型案例。'}
          actions={[
            { label: '返回问题', onClick: leavePage, primary: true },
            { label: '查看全部典型案例', onClick: () => void Taro.redirectTo({ url: routes.cases }) },
          ]}
        />
      </View>
    );
  }

  const markable = CASE_MARKABLE_STATES.includes(q.status);
  return (
    <View className='case-mark'>
      <View className='case-mark__card'>
        <Text className='case-mark__label'>问题</Text>
        <Text className='case-mark__title breakable'>{q.title}</Text>
        <Text className='case-mark__meta'>由「{q.ownerUnitName}」负责 · 提问于 {formatDateTime(q.createdAt)}</Text>
        {q.typicalCase ? (
          <Text className='case-mark__meta'>
            已于 {formatDateTime(q.typicalCase.markedAt)} 由 {q.typicalCase.markedByName} 标记为{CASE_KIND_LABELS[q.typicalCase.kind]}；修改说明不改变它所在的报告期。
          </Text>
        ) : null}
      </View>

      {!markable ? (
        <StateView kind='info' title='问题答复后才能标记为典型案例' actions={[{ label: '返回问题', onClick: leavePage, primary: true }]} />
      ) : (
        <View className='case-mark__card'>
          <Text className='case-mark__label'>案例类型</Text>
          <View className='case-mark__kinds' aria-label='案例类型'>
            {CASE_KINDS.map((k) => (
              <View key={k} className={`case-mark__kind ${m.kind === k ? 'case-mark__kind--on' : ''}`} aria-pressed={m.kind === k} onClick={() => m.setKind(k)}>
                <Text className='case-mark__kind-title'>{CASE_KIND_LABELS[k]}</Text>
                <Text className='case-mark__kind-hint'>{KIND_HINTS[k]}</Text>
              </View>
            ))}
          </View>
          <Text className='case-mark__label'>案例说明</Text>
          <Textarea
            className='case-mark__textarea'
            value={m.writeUp}
            maxlength={-1}
            placeholder={`做了什么、结果如何（${CASE_WRITE_UP_MIN}–${CASE_WRITE_UP_MAX} 字）。说明会报送上级，请不要写学生姓名等个人信息。`}
            onInput={(e) => m.setWriteUp(e.detail.value)}
          />
          <View className='case-mark__foot'>
            <CharCounter text={m.writeUp} max={CASE_WRITE_UP_MAX} />
          </View>
          {m.problem ? <Text className='case-mark__error'>{m.problem}</Text> : null}
          {m.error ? <Text className='case-mark__error'>{m.error}</Text> : null}
          <View className='case-mark__buttons'>
            {q.typicalCase ? (
              <Button className='btn-ghost' disabled={m.busy || undefined} onClick={() => void m.unmark()}>取消标记</Button>
            ) : null}
            <Button className='btn-primary' disabled={m.busy || undefined} onClick={() => void m.save()}>
              {m.busy ? '保存中…' : q.typicalCase ? '保存修改' : '标记为典型案例'}
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}
