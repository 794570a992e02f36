import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Input, Picker, Button, Textarea } from '@tarojs/components';
import type { Me } from '@shared/contracts/me.contract';
import type { Catalog } from '@shared/contracts/catalog.contract';
import { TOPIC_TITLE_MAX } from '@shared/contracts/topic.contract';
import { createTopic } from '../../../services/topic.service';
import { userMessageOf } from '../../../services/api-error';
import { useRequestIds } from '../../../hooks/use-request-ids';
import { charCount } from '../../../hooks/use-char-count';
import { CharCounter } from '../../../components/char-counter';
import { BoardGate, Field } from '../../components/board-ui';
import { TOPIC_DENIED, topicUnits, unitsSpokenFor } from '../../../utils/board-access';
import { nativeMaxLength } from '../../../utils/text-limits';
import { routes } from '../../../utils/routes';
import '../../styles/board.scss';

const DESCRIPTION_MAX = 500;

function TopicForm({ me, catalog }: { me: Me; catalog: Catalog }) {
  const units = topicUnits(unitsSpokenFor(me, catalog));
  const [unitId, setUnitId] = useState(units[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<{ title?: string; description?: string }>({});
  const [busy, setBusy] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const ids = useRequestIds();
  const unitIndex = Math.max(0, units.findIndex((u) => u.id === unitId));

  const submit = useCallback(async () => {
    const t = charCount(title, TOPIC_TITLE_MAX, { singleLine: true });
    const d = charCount(description, DESCRIPTION_MAX);
    const found = {
      title: t.used < 2 ? '话题名称至少 2 个字' : t.over ? `话题名称最多 ${TOPIC_TITLE_MAX} 个字` : undefined,
      description: d.used < 10 ? '话题说明至少 10 个字：想听同学们说什么' : d.over ? `话题说明最多 ${DESCRIPTION_MAX} 个字` : undefined,
    };
    setErrors(found);
    setSubmitError(null);
    if (found.title || found.description) return;
    const input = { unitId, title: title.trim(), description };
    setBusy(true);
    try {
      const out = await createTopic(input, ids.idFor([input]));
      ids.settled();
      void Taro.redirectTo({ url: routes.topic(out.id) });
    } catch (err) {
      setSubmitError(userMessageOf(err));
    } finally {
      setBusy(false);
    }
  }, [unitId, title, description, ids]);

  return (
    <View className='board board--form'>
      <View className='board__intro'>
        <Text className='board__title'>开设话题</Text>
        <Text className='board__hint'>话题开设后出现在话题墙，同学们可以发言和评论。你可以置顶、关闭话题，隐藏不当发言。</Text>
      </View>
      <View className='board-card'>
        <Field label='开设单位'>
          {units.length > 1 ? (
            <Picker mode='selector' range={units.map((u) => u.name)} value={unitIndex} onChange={(e) => setUnitId(units[Number(e.detail.value)]?.id ?? '')}>
              <View className='board-select'><Text>{units[unitIndex]?.name ?? '请选择'}</Text><Text className='board-select__arrow'>›</Text></View>
            </Picker>
          ) : (
            <Text className='field__static'>{units[0]?.name}</Text>
          )}
        </Field>
        <Field label='话题名称' extra={<CharCounter text={title} max={TOPIC_TITLE_MAX} singleLine />} error={errors.title}>
          <Input className='board-input' placeholder='如：我心中的理想校园' maxlength={nativeMaxLength(TOPIC_TITLE_MAX)} value={title} onInput={(e) => setTitle(e.detail.value)} />
        </Field>
        <Field label='话题说明' extra={<CharCounter text={description} max={DESCRIPTION_MAX} />} error={errors.description}>
          <View className='board-textarea-box'>
            <Textarea className='board-textarea' placeholder='想听同学们说什么？意见会怎样被用到？' maxlength={nativeMaxLength(DESCRIPTION_MAX)} value={description} onInput={(e) => setDescription(e.detail.value)} />
          </View>
        </Field>
      </View>
      {submitError ? <Text className='board-error board-error--block'>{submitError}</Text> : null}
      <View className='board__actions'>
        <Button className='btn-primary' disabled={busy || undefined} onClick={() => void submit()}>{busy ? '提交中…' : '开设话题'}</Button>
      </View>
    </View>
  );
}

export default function NewTopicPage() {
  return (
    <BoardGate
      allows={(me, catalog) => topicUnits(unitsSpokenFor(me, catalog)).length > 0}
      deniedText={TOPIC_DENIED}
      purpose='开设话题'
      backLabel='返回话题墙'
      backUrl={routes.topics}
    >
      {(me, catalog) => <TopicForm me={me} catalog={catalog} />}
    </BoardGate>
  );
}
