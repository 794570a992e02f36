import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Input, Picker, Button, Textarea, Image } from '@tarojs/components';
import type { Me } from '@shared/contracts/me.contract';
import type { Catalog } from '@shared/contracts/catalog.contract';
import { ARTICLE_BODY_MAX, ARTICLE_TITLE_MAX } from '@shared/contracts/article.contract';
import { useArticleForm } from '../../../hooks/use-article-form';
import { CharCounter } from '../../../components/char-counter';
import { BoardGate, Field } from '../../components/board-ui';
import { PUBLISHER_DENIED, unitsSpokenFor } from '../../../utils/board-access';
import { nativeMaxLength } from '../../../utils/text-limits';
import { routes } from '../../../utils/routes';
import '../../styles/board.scss';

function ArticleForm({ me, catalog }: { me: Me; catalog: Catalog }) {
  const units = unitsSpokenFor(me, catalog);
  const onPublished = useCallback((id: string) => {
    void Taro.showToast({ title: '文章已发布', icon: 'none' });
    void Taro.redirectTo({ url: routes.article(id) });
  }, []);
  const form = useArticleForm(units[0]?.id ?? '', onPublished);
  const { draft, errors, cover } = form;
  const unitIndex = Math.max(0, units.findIndex((u) => u.id === draft.unitId));

  return (
    <View className='board board--form'>
      <View className='board__intro'>
        <Text className='board__title'>发布文章</Text>
        <Text className='board__hint'>青年视角每两周至少一篇原创。发布前会经过内容检查，不适宜发布的内容需要修改后再提交。</Text>
      </View>
      <View className='board-card'>
        <Field label='发布单位' error={errors.unitId}>
          {units.length > 1 ? (
            <Picker mode='selector' range={units.map((u) => u.name)} value={unitIndex} onChange={(e) => form.update('unitId', units[Number(e.detail.value)]?.id ?? '')}>
              <View className='board-select'><Text>{units[unitIndex]?.name ?? '请选择'}</Text><Text className='board-select__arrow'>›</Text></View>
            </Picker>
          ) : (
            <Text className='field__static'>{units[0]?.name}</Text>
          )}
        </Field>
        <Field label='标题' extra={<CharCounter text={draft.title} max={ARTICLE_TITLE_MAX} singleLine />} error={errors.title}>
          <Input className='board-input' placeholder='一句话标题' maxlength={nativeMaxLength(ARTICLE_TITLE_MAX)} value={draft.title} onInput={(e) => form.update('title', e.detail.value)} />
        </Field>
        <Field label='封面' error={errors.cover}>
          <View className='cover-pick' onClick={() => void form.chooseCover()}>
            {cover.preview ? <Image className='cover-pick__img' src={cover.preview} mode='aspectFill' /> : null}
            <Text className='cover-pick__text'>{cover.uploading ? '上传中…' : cover.fileId ? '已上传，点击更换' : '点击上传封面（JPG / PNG，5 MB 以内）'}</Text>
          </View>
        </Field>
        <Field label='正文' extra={<CharCounter text={draft.body} max={ARTICLE_BODY_MAX} />} error={errors.body}>
          <View className='board-textarea-box'>
            <Textarea className='board-textarea board-textarea--tall' placeholder='正文，至少 50 字；空行分段' maxlength={nativeMaxLength(ARTICLE_BODY_MAX)} value={draft.body} onInput={(e) => form.update('body', e.detail.value)} />
          </View>
        </Field>
      </View>
      {form.submitError ? <Text className='board-error board-error--block'>{form.submitError}</Text> : null}
      <View className='board__actions'>
        <Button className='btn-primary' disabled={form.submitting || undefined} onClick={() => void form.submit()}>
          {form.submitting ? '发布中…' : '发布文章'}
        </Button>
      </View>
    </View>
  );
}

export default function NewArticlePage() {
  return (
    <BoardGate
      allows={(me, catalog) => unitsSpokenFor(me, catalog).length > 0}
      deniedText={PUBLISHER_DENIED}
      purpose='发布文章'
      backLabel='返回青年视角'
      backUrl={routes.articles}
    >
      {(me, catalog) => <ArticleForm me={me} catalog={catalog} />}
    </BoardGate>
  );
}
