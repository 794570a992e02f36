import Taro from '@tarojs/taro';
import { View, Text, Button, Input } from '@tarojs/components';
import type { FaqEntry } from '../../../services/faq.service';
import { RETIRE_REASON_MAX, type FaqCurationForm } from '../../hooks/use-faq-curation';
import { Badge } from '../../../components/status-tag';
import { formatDateTime } from '../../../utils/time';
import { nativeMaxLength } from '../../../utils/text-limits';
import { routes } from '../../../utils/routes';
import '../faq-candidate-card/index.scss';
import './index.scss';

/** Why an entry comes down, most often. */
export const RETIRE_REASONS = ['政策或流程已变化', '内容已过时', '与其他常见问题重复'] as const;

interface Props {
  entry: FaqEntry;
  now: number;
  form: FaqCurationForm;
}

/** A published (or retired) entry for the curator: what it says, what it gathers, who last changed it; 撤下 with a reason. */
export function FaqEntryRow({ entry, now, form }: Props) {
  const retiring = form.retiring === entry.id;
  const live = entry.state === 'published';
  return (
    <View className={`faq-entry ${live ? '' : 'faq-entry--retired'}`}>
      <View className='faq-entry__main' onClick={() => void Taro.navigateTo({ url: routes.faq(entry.id) })}>
        <View className='faq-entry__tags'>
          {live ? <Badge>已发布</Badge> : <Badge tone='gray'>已撤下</Badge>}
          {entry.categoryName ? <Badge tone='blue'>{entry.categoryName}</Badge> : null}
        </View>
        <Text className='faq-entry__title breakable'>{entry.title}</Text>
        <Text className='faq-entry__answer breakable'>{entry.answer}</Text>
        <Text className='faq-entry__meta'>
          收录 {entry.questionCount} 个提问 · {entry.updatedByName} {live ? '更新于' : '撤下于'} {formatDateTime(entry.updatedAt, now)}
        </Text>
      </View>
      {!live ? null : retiring ? (
        <View className='faq-form faq-form--retire'>
          <Text className='faq-form__title'>撤下这条常见问题</Text>
          <Text className='faq-form__hint'>撤下后首页、常见问题列表和搜索都不再显示它，它收录的提问会单独出现在相似问题中。</Text>
          <Text className='faq-form__label'>理由（必填）</Text>
          <View className='faq-form__chips'>
            {RETIRE_REASONS.map((r) => (
              <Text key={r} className={`faq-chip ${form.reason === r ? 'faq-chip--on' : ''}`} onClick={() => form.editReason(r)}>
                {r}
              </Text>
            ))}
          </View>
          <Input
            className='faq-form__input'
            value={form.reason}
            maxlength={nativeMaxLength(RETIRE_REASON_MAX)}
            placeholder={`或写下撤下的理由（2–${RETIRE_REASON_MAX} 字）`}
            onInput={(e) => form.editReason(e.detail.value)}
          />
          {form.error ? <Text className='faq-form__error'>{form.error}</Text> : null}
          <View className='faq-form__buttons'>
            <Button className='faq-btn' onClick={form.cancel}>取消</Button>
            <Button className='faq-btn faq-btn--retire' disabled={form.busy || undefined} onClick={() => void form.retire(entry)}>
              {form.busy ? '撤下中…' : '确认撤下'}
            </Button>
          </View>
        </View>
      ) : (
        <View className='faq-entry__actions'>
          <Button className='faq-btn faq-btn--retire' onClick={() => form.startRetire(entry)}>撤下</Button>
        </View>
      )}
    </View>
  );
}
