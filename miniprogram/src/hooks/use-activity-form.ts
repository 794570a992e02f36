import { useCallback, useState } from 'react';
import { ACTIVITY_BODY_MAX, ACTIVITY_CAPACITY_MAX, ACTIVITY_TITLE_MAX } from '@shared/contracts/activity.contract';
import { charCount } from './use-char-count';
import { useRequestIds } from './use-request-ids';
import { createActivity } from '../services/activity.service';
import { userMessageOf, isApiRequestError } from '../services/api-error';
import { dayAt, fromInstant, toInstant, type LocalDateTime } from '../utils/datetime-input';

export interface ActivityFormDraft {
  unitId: string;
  title: string;
  place: string;
  body: string;
  capacity: string;
  start: LocalDateTime;
  end: LocalDateTime;
  deadline: LocalDateTime;
}

export type ActivityFormErrors = Partial<Record<keyof ActivityFormDraft, string>>;

/** Tomorrow 14:00–16:00, sign-up until 12:00 the same day: a sensible start the organiser adjusts. */
export function initialActivityDraft(now: number, unitId: string): ActivityFormDraft {
  const start = dayAt(now, 1, 14);
  return { unitId, title: '', place: '', body: '', capacity: '50', start: fromInstant(start), end: fromInstant(start + 2 * 3_600_000), deadline: fromInstant(start - 2 * 3_600_000) };
}

/** The contract's rules, said as an organiser needs to hear them, before anything is sent. */
export function validateActivity(d: ActivityFormDraft, now: number): ActivityFormErrors {
  const e: ActivityFormErrors = {};
  if (!d.unitId) e.unitId = '请选择主办单位';
  const title = charCount(d.title, ACTIVITY_TITLE_MAX, { singleLine: true });
  if (title.used < 4) e.title = '活动名称至少 4 个字';
  else if (title.over) e.title = `活动名称最多 ${ACTIVITY_TITLE_MAX} 个字`;
  const place = charCount(d.place, 60, { singleLine: true });
  if (place.used < 2) e.place = '请填写活动地点';
  else if (place.over) e.place = '地点最多 60 个字';
  const body = charCount(d.body, ACTIVITY_BODY_MAX);
  if (body.used < 10) e.body = '活动介绍至少 10 个字：内容、对象、注意事项';
  else if (body.over) e.body = `活动介绍最多 ${ACTIVITY_BODY_MAX} 个字`;
  const cap = Number(d.capacity);
  if (!/^\d+$/.test(d.capacity.trim()) || cap < 1 || cap > ACTIVITY_CAPACITY_MAX) e.capacity = `名额请填 1–${ACTIVITY_CAPACITY_MAX} 之间的整数`;
  const start = toInstant(d.start);
  const end = toInstant(d.end);
  const deadline = toInstant(d.deadline);
  if (start === null) e.start = '请选择开始时间';
  else if (start <= now) e.start = '开始时间须晚于现在';
  if (end === null) e.end = '请选择结束时间';
  else if (start !== null && end <= start) e.end = '结束时间须晚于开始时间';
  if (deadline === null) e.deadline = '请选择报名截止时间';
  else if (deadline <= now) e.deadline = '报名截止须晚于现在';
  else if (end !== null && deadline > end) e.deadline = '报名截止不能晚于活动结束';
  return e;
}

/** 发起活动: the draft, its check, and the one submission (linked to the questions it grew from). */
export function useActivityForm(now: number, unitId: string, questionIds: readonly string[], onCreated: (id: string, told: number) => void) {
  const [draft, setDraft] = useState<ActivityFormDraft>(() => initialActivityDraft(now, unitId));
  const [errors, setErrors] = useState<ActivityFormErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const ids = useRequestIds();

  const update = useCallback(<K extends keyof ActivityFormDraft>(key: K, value: ActivityFormDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
    setSubmitError(null);
  }, []);

  const submit = useCallback(async () => {
    const found = validateActivity(draft, now);
    setErrors(found);
    setSubmitError(null);
    if (Object.values(found).some(Boolean)) {
      setSubmitError('请先修改标红的内容');
      return;
    }
    const input = {
      unitId: draft.unitId,
      title: draft.title.trim(),
      place: draft.place.trim(),
      body: draft.body,
      capacity: Number(draft.capacity),
      startAt: toInstant(draft.start) ?? 0,
      endAt: toInstant(draft.end) ?? 0,
      signUpDeadline: toInstant(draft.deadline) ?? 0,
      questionIds: [...questionIds],
    };
    setSubmitting(true);
    try {
      const out = await createActivity(input, ids.idFor([input]));
      ids.settled();
      onCreated(out.id, out.notified);
    } catch (err) {
      setSubmitError(userMessageOf(err));
      if (isApiRequestError(err) && err.issues.length > 0) setSubmitError(`${userMessageOf(err)}：${err.issues.map((i) => i.message).join('；')}`);
    } finally {
      setSubmitting(false);
    }
  }, [draft, now, questionIds, ids, onCreated]);

  return { draft, errors, submitting, submitError, update, submit };
}
