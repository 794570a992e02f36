import { useCallback, useState } from 'react';
import { ARTICLE_BODY_MAX, ARTICLE_TITLE_MAX } from '@shared/contracts/article.contract';
import { charCount } from './use-char-count';
import { useRequestIds } from './use-request-ids';
import { publishArticle } from '../services/article.service';
import { pickImage, uploadImage, type PickedImage } from '../services/upload.service';
import { userMessageOf } from '../services/api-error';

export const ARTICLE_BODY_MIN = 50;

export interface ArticleDraft {
  unitId: string;
  title: string;
  body: string;
}
export type ArticleErrors = Partial<Record<'unitId' | 'title' | 'cover' | 'body', string>>;

export function validateArticle(d: ArticleDraft, cover: { fileId: string | null }): ArticleErrors {
  const e: ArticleErrors = {};
  if (!d.unitId) e.unitId = '请选择发布单位';
  const title = charCount(d.title, ARTICLE_TITLE_MAX, { singleLine: true });
  if (title.used < 4) e.title = '标题至少 4 个字';
  else if (title.over) e.title = `标题最多 ${ARTICLE_TITLE_MAX} 个字`;
  if (!cover.fileId) e.cover = '请上传一张封面图片';
  const body = charCount(d.body, ARTICLE_BODY_MAX);
  if (body.used < ARTICLE_BODY_MIN) e.body = `正文至少 ${ARTICLE_BODY_MIN} 个字（现在 ${body.used} 个）`;
  else if (body.over) e.body = `正文最多 ${ARTICLE_BODY_MAX} 个字`;
  return e;
}

/** 发布文章: the draft, the cover (picked, then uploaded at once so publishing waits for nothing), one submission. */
export function useArticleForm(unitId: string, onPublished: (id: string) => void) {
  const [draft, setDraft] = useState<ArticleDraft>({ unitId, title: '', body: '' });
  const [cover, setCover] = useState<{ preview: string | null; fileId: string | null; uploading: boolean }>({ preview: null, fileId: null, uploading: false });
  const [errors, setErrors] = useState<ArticleErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const ids = useRequestIds();

  const update = useCallback(<K extends keyof ArticleDraft>(key: K, value: ArticleDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
    setSubmitError(null);
  }, []);

  const chooseCover = useCallback(async () => {
    let picked: PickedImage | null;
    try {
      picked = await pickImage();
    } catch (err) {
      setErrors((e) => ({ ...e, cover: err instanceof Error ? err.message : userMessageOf(err) }));
      return;
    }
    if (!picked) return;
    setErrors((e) => ({ ...e, cover: undefined }));
    setCover({ preview: picked.path, fileId: null, uploading: true });
    try {
      const fileId = await uploadImage(picked, 'articles/covers');
      setCover({ preview: picked.path, fileId, uploading: false });
      setSubmitError(null);
    } catch (err) {
      setCover({ preview: null, fileId: null, uploading: false });
      setErrors((e) => ({ ...e, cover: userMessageOf(err) }));
    }
  }, []);

  const submit = useCallback(async () => {
    const found = validateArticle(draft, cover);
    if (cover.uploading) found.cover = '封面还在上传，请稍候';
    setErrors(found);
    setSubmitError(null);
    if (Object.values(found).some(Boolean)) {
      setSubmitError('请先修改标红的内容');
      return;
    }
    const input = { unitId: draft.unitId, title: draft.title.trim(), coverFileId: cover.fileId ?? '', body: draft.body };
    setSubmitting(true);
    try {
      const out = await publishArticle(input, ids.idFor([input]));
      ids.settled();
      onPublished(out.id);
    } catch (err) {
      setSubmitError(userMessageOf(err));
    } finally {
      setSubmitting(false);
    }
  }, [draft, cover, ids, onPublished]);

  return { draft, cover, errors, submitting, submitError, update, chooseCover, submit };
}
