import { useEffect, useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Button, Input, Textarea, Picker, Switch } from '@tarojs/components';
import { CONTENT_MAX, TITLE_MAX } from '@shared/contracts/question.contract';
import { emergencyContactsFor } from '@shared/domain/organisation';
import { useAskForm } from '../../hooks/use-ask-form';
import { useCatalog } from '../../hooks/use-catalog';
import { useMe } from '../../hooks/use-me';
import { useEntryParams } from '../../hooks/use-entry-params';
import { CharCounter } from '../../components/char-counter';
import { PicturePicker } from '../../components/picture-picker';
import { usePicturePicker } from '../../hooks/use-picture-picker';
import { EmergencyContacts } from '../../components/emergency-contacts';
import { AskResult } from './ask-result';
import { AskDeflected } from './ask-deflected';
import { SimilarQuestions } from './similar-questions';
import { CategorySuggestion } from './category-suggestion';
import { useDeflection, useSimilarQuestions } from '../../hooks/use-similar-questions';
import type { SearchHit } from '../../services/search.service';
import { StateView } from '../../components/state-view';
import { collegeFromEntry, safeDecode } from '../../utils/entry-params';
import { routedUnitFor } from '../../utils/routing-preview';
import { nativeMaxLength } from '../../utils/text-limits';
import { routes } from '../../utils/routes';
import { requestSubscriptions } from '../../services/subscription.service';
import { ExpertSuggest } from '../../components/expert-suggest';
import './index.scss';

/**
 * What 匿名 promises (docs/decisions/0013): other students see neither the
 * name nor the college; the people who handle the question see both, to help;
 * the handling unit is public, because it answers for the reply.
 */
const ANONYMITY_PROMISE = '其他同学看不到你的姓名和学院；处理问题的老师能看到，以便联系和帮助你；负责单位始终公开显示。';

function openHit(hit: Pick<SearchHit, 'kind' | 'id'>) {
  // navigateTo keeps this page and its draft underneath: back returns to the form as it was.
  void Taro.navigateTo({ url: hit.kind === 'faq' ? routes.faq(hit.id) : routes.question(hit.id) });
}

export default function AskPage() {
  const params = useEntryParams();
  const entryCollege = useMemo(() => collegeFromEntry(params), [params]);
  const catalog = useCatalog();
  const me = useMe();
  // 我要提问 from a search that found nothing arrives with what was searched as the title.
  const form = useAskForm(entryCollege, params.title ? safeDecode(params.title) : '');
  const { draft, errors } = form;
  const pictures = usePicturePicker('questions/pictures');
  const similar = useSimilarQuestions(draft.title, draft.content);
  const deflection = useDeflection();
  // 仍然提问 folds the list; 不用 silences a suggested category (until another one is suggested).
  const [similarFolded, setSimilarFolded] = useState(false);
  const [declinedCategory, setDeclinedCategory] = useState<string | null>(null);

  const profileCollege = me.data?.collegeId ?? null;
  const { presetCollege } = form;
  useEffect(() => {
    if (profileCollege) presetCollege(profileCollege);
  }, [profileCollege, presetCollege]);

  // The success screen replaces a form the student had scrolled down: start it at the top, ✓ in view.
  useEffect(() => {
    if (form.result) void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  }, [form.result]);

  const units = catalog.data?.units;
  const collegeIndex = catalog.colleges.findIndex((c) => c.id === draft.collegeId);
  const college = catalog.colleges[collegeIndex];
  const category = catalog.categories.find((c) => c.id === draft.categoryId);
  const routedUnit = useMemo(
    () => (units && category ? routedUnitFor(units, category, draft.collegeId || null) : null),
    [units, category, draft.collegeId],
  );
  // A category the text seems to belong to, other than the one picked (and not declined): a gentle correction.
  const suggestedId = similar.suggestion?.categoryId ?? null;
  const suggested =
    suggestedId && suggestedId !== draft.categoryId && suggestedId !== declinedCategory
      ? (catalog.categories.find((c) => c.id === suggestedId) ?? null)
      : null;
  const contacts = useMemo(
    () => (units ? emergencyContactsFor(units, { collegeId: draft.collegeId || null, ownerUnitId: routedUnit?.id ?? null }) : []),
    [units, draft.collegeId, routedUnit],
  );

  if (deflection.deflected) {
    const hit = deflection.deflected;
    return (
      <View className='ask'>
        <AskDeflected
          title={hit.title}
          onView={() => openHit(hit)}
          onAskAnother={deflection.clear}
          onHome={() => void Taro.switchTab({ url: routes.home })}
        />
      </View>
    );
  }

  if (form.result) {
    const r = form.result;
    return (
      <View className='ask'>
        <AskResult
          result={r}
          urgent={draft.urgent}
          contacts={contacts}
          onView={() => void Taro.redirectTo({ url: routes.question(r.id) })}
          onAskAgain={() => {
            form.reset();
            pictures.clear();
          }}
          onHome={() => void Taro.switchTab({ url: routes.home })}
        />
      </View>
    );
  }

  const intro = (
    <View className='ask__intro'>
      <Text className='ask__intro-title'>说出你的问题</Text>
      <Text className='ask__intro-text'>提交后立即转交负责单位，24小时内答复；紧急求助2小时内响应。</Text>
    </View>
  );

  if (!catalog.data) {
    return (
      <View className='ask'>
        {intro}
        {catalog.error ? (
          <StateView kind='error' title={catalog.error} text='学院和问题类别没有加载出来，提问表单暂时无法填写。' actions={[{ label: '重试', primary: true, onClick: catalog.reload }]} />
        ) : (
          <StateView kind='loading' title='正在加载学院和问题类别…' />
        )}
      </View>
    );
  }

  return (
    <View className='ask'>
      {intro}

      <View className='ask__card'>
        <Text className='ask__label'>所在学院</Text>
        <Picker
          mode='selector'
          range={catalog.colleges.map((c) => c.shortName)}
          value={collegeIndex < 0 ? 0 : collegeIndex}
          onChange={(e) => {
            const picked = catalog.colleges[Number(e.detail.value)];
            if (picked) form.update('collegeId', picked.id);
          }}
        >
          <View className={`ask__select ${college ? '' : 'ask__select--empty'}`}>
            <Text>{college ? college.shortName : '请选择学院'}</Text>
            <Text className='ask__arrow'>›</Text>
          </View>
        </Picker>
        {errors.collegeId ? <Text className='ask__error'>{errors.collegeId}</Text> : null}
      </View>

      <View className='ask__card'>
        <Text className='ask__label'>问题类别</Text>
        <View className='ask__cats'>
          {catalog.categories.map((c) => (
            <Text
              key={c.id}
              className={`ask__cat ${draft.categoryId === c.id ? 'ask__cat--on' : ''}`}
              onClick={() => form.update('categoryId', c.id)}
            >
              {c.name}
            </Text>
          ))}
        </View>
        {category ? <Text className='ask__desc'>{category.description}</Text> : null}
        {routedUnit ? <Text className='ask__route'>将由「{routedUnit.name}」负责答复</Text> : null}
        {errors.categoryId ? <Text className='ask__error'>{errors.categoryId}</Text> : null}
      </View>

      <ExpertSuggest collegeId={draft.collegeId} categoryId={draft.categoryId} expertId={draft.expertId} onPick={(id) => form.update('expertId', id)} />

      <View className='ask__card'>
        <View className='ask__label-row'>
          <Text className='ask__label'>标题</Text>
          <CharCounter text={draft.title} max={TITLE_MAX} singleLine />
        </View>
        <Input
          className='ask__input'
          placeholder='一句话说清你的问题'
          maxlength={nativeMaxLength(TITLE_MAX)}
          value={draft.title}
          onInput={(e) => form.update('title', e.detail.value)}
        />
        {errors.title ? <Text className='ask__error'>标题{errors.title}</Text> : null}
        {suggested ? (
          <CategorySuggestion
            name={suggested.name}
            picked={Boolean(draft.categoryId)}
            onAccept={() => form.update('categoryId', suggested.id)}
            onDecline={() => setDeclinedCategory(suggested.id)}
          />
        ) : null}
        <SimilarQuestions
          items={similar.items}
          dismissed={similarFolded}
          onDismiss={() => setSimilarFolded(true)}
          onShow={() => setSimilarFolded(false)}
          onOpen={openHit}
          onSolved={(hit) => {
            // The draft is dropped: the student came for an answer and has it.
            form.reset();
            pictures.clear();
            setSimilarFolded(false);
            setDeclinedCategory(null);
            deflection.deflect(hit);
            void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
          }}
        />

        <View className='ask__label-row ask__label-row--gap'>
          <Text className='ask__label'>详细描述</Text>
          <CharCounter text={draft.content} max={CONTENT_MAX} />
        </View>
        <View className='ask__textarea-box'>
          <Textarea
            className='ask__textarea'
            placeholder='把情况说具体些：时间、地点、已经尝试过的办法……'
            maxlength={nativeMaxLength(CONTENT_MAX)}
            value={draft.content}
            onInput={(e) => form.update('content', e.detail.value)}
          />
        </View>
        {errors.content ? <Text className='ask__error'>描述{errors.content}</Text> : null}
        <PicturePicker picker={pictures} hint='可添加截图或照片：最多 3 张，每张不超过 2 MB；带图片的问题经审核后公开' />
      </View>

      <View className='ask__card'>
        <View className='ask__toggle'>
          <View className='ask__toggle-text'>
            <Text className='ask__toggle-title'>匿名提问</Text>
            <Text className='ask__toggle-hint'>{ANONYMITY_PROMISE}</Text>
          </View>
          <Switch color='#C8161D' checked={draft.anonymous} onChange={(e) => form.update('anonymous', e.detail.value)} />
        </View>
        <View className='ask__toggle'>
          <View className='ask__toggle-text'>
            <Text className='ask__toggle-title'>紧急求助</Text>
            <Text className='ask__toggle-hint'>紧急通道，2小时内响应，并显示紧急电话</Text>
          </View>
          <Switch color='#C8161D' checked={draft.urgent} onChange={(e) => form.update('urgent', e.detail.value)} />
        </View>
        {draft.urgent ? <EmergencyContacts contacts={contacts} /> : null}
        <View className='ask__toggle'>
          <View className='ask__toggle-text'>
            <Text className='ask__toggle-title'>仅自己和处理老师可见</Text>
            <Text className='ask__toggle-hint'>不出现在首页公开列表中</Text>
          </View>
          <Switch color='#C8161D' checked={draft.privateOnly} onChange={(e) => form.update('privateOnly', e.detail.value)} />
        </View>
      </View>

      {form.submitError ? <Text className='ask__submit-error'>{form.submitError}</Text> : null}
      <View className='ask__actions'>
        <Button
          className='btn-primary'
          disabled={form.submitting || pictures.uploading || undefined}
          onClick={() => {
            // Before any await: WeChat shows the subscribe prompt only inside the tap.
            requestSubscriptions(me.data?.subscribeTemplates.asker);
            void form.submit(pictures.fileIds);
          }}
        >
          {form.submitting ? '提交中…' : '提交问题'}
        </Button>
      </View>
    </View>
  );
}
