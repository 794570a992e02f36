import { useCallback, useRef, useState } from 'react';
import { QuestionAskInput, type QuestionAskOutput } from '@shared/contracts/question.contract';
import { askQuestion } from '../services/question.service';
import { isApiRequestError, userMessageOf } from '../services/api-error';
import { newRequestId } from '../services/request-id';

export interface AskDraft {
  collegeId: string;
  categoryId: string;
  title: string;
  content: string;
  anonymous: boolean;
  urgent: boolean;
  privateOnly: boolean;
  /** A recommended expert it is addressed to ('' for none): optional, still routed and timed as usual. */
  expertId: string;
}

export type AskField = 'collegeId' | 'categoryId' | 'title' | 'content';
export type FieldErrors = Partial<Record<AskField, string>>;

const PICK_MESSAGES: Record<'collegeId' | 'categoryId', string> = {
  collegeId: '请选择你所在的学院',
  categoryId: '请选择问题类别',
};

export function emptyDraft(collegeId = '', title = ''): AskDraft {
  return { collegeId, categoryId: '', title, content: '', anonymous: false, urgent: false, privateOnly: false, expertId: '' };
}

function toInput(d: AskDraft): QuestionAskInput {
  return {
    collegeId: d.collegeId,
    categoryId: d.categoryId,
    title: d.title,
    content: d.content,
    anonymous: d.anonymous,
    urgent: d.urgent,
    visibility: d.privateOnly ? 'private' : 'public',
    ...(d.expertId ? { expertId: d.expertId } : {}),
  };
}

/** Client-side check with the same schema the server uses; one message per field. */
export function validateDraft(d: AskDraft): FieldErrors {
  const parsed = QuestionAskInput.safeParse(toInput(d));
  if (parsed.success) return {};
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === 'collegeId' || field === 'categoryId') errors[field] ??= PICK_MESSAGES[field];
    else if (field === 'title' || field === 'content') errors[field] ??= issue.message;
  }
  return errors;
}

/**
 * The ask form: draft, inline validation, submission. The request id is created
 * on the first submit of a draft and reused on retries, so a retry after a
 * timeout cannot create a second question; editing the draft starts a new one.
 */
export function useAskForm(initialCollegeId: string | null, initialTitle = '') {
  const [draft, setDraft] = useState<AskDraft>(() => emptyDraft(initialCollegeId ?? '', initialTitle));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [result, setResult] = useState<QuestionAskOutput | null>(null);
  const requestId = useRef<string | null>(null);
  // The pictures the request id was made for: other pictures are another question, with a new id.
  const requestPictures = useRef('');

  const update = useCallback(<K extends keyof AskDraft>(key: K, value: AskDraft[K]) => {
    requestId.current = null;
    // The experts suggested depend on the college and category: a new pick drops the chosen one.
    setDraft((d) => ({ ...d, [key]: value, ...((key === 'collegeId' || key === 'categoryId') && d[key] !== value ? { expertId: '' } : {}) }));
    setErrors((e) => (key in e ? { ...e, [key]: undefined } : e));
  }, []);

  /** Preselect a college once it is known (entry link or the asker's profile), unless one was picked. */
  const presetCollege = useCallback((collegeId: string) => {
    setDraft((d) => (d.collegeId ? d : { ...d, collegeId }));
  }, []);

  /** `pictures`: file ids already uploaded (添加图片). */
  const submit = useCallback(async (pictures: string[] = []) => {
    if (submitting) return;
    const found = validateDraft(draft);
    setErrors(found);
    setSubmitError(null);
    if (Object.keys(found).length > 0) return;

    if (requestPictures.current !== pictures.join('\n')) requestId.current = null;
    requestPictures.current = pictures.join('\n');
    requestId.current ??= newRequestId();
    setSubmitting(true);
    try {
      setResult(await askQuestion({ ...toInput(draft), pictures }, requestId.current));
      requestId.current = null;
    } catch (err: unknown) {
      setSubmitError(userMessageOf(err));
      if (isApiRequestError(err)) {
        const fieldErrors: FieldErrors = {};
        for (const issue of err.issues) {
          const field = issue.path.split('.')[0];
          if (field === 'title' || field === 'content') fieldErrors[field] = issue.message;
        }
        setErrors(fieldErrors);
      }
    } finally {
      setSubmitting(false);
    }
  }, [draft, submitting]);

  const reset = useCallback(() => {
    setDraft((d) => emptyDraft(d.collegeId));
    setResult(null);
    setErrors({});
    setSubmitError(null);
  }, []);

  return { draft, errors, submitError, submitting, result, update, presetCollege, submit, reset };
}
