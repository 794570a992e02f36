import { useCallback, useState } from 'react';
import { cancelSignUp, checkInToActivity, getActivity, listAttendees, signUpForActivity, type ActivityView, type Attendees } from '../services/activity.service';
import { userMessageOf } from '../services/api-error';
import { useAsync } from './use-async';
import { useRequestIds } from './use-request-ids';

export const CHECK_IN_MARGIN_MS = 30 * 60_000;

export type ActivityPhase = 'open' | 'full' | 'closed' | 'ended';

/** Where sign-up stands for someone not on the activity yet. */
export function phaseOf(a: ActivityView['activity'], now: number): ActivityPhase {
  if (now >= a.endAt) return 'ended';
  if (now >= a.signUpDeadline) return 'closed';
  return a.signedUp >= a.capacity ? 'full' : 'open';
}

/** Check-in is accepted from half an hour before the start to half an hour after the end (decision 0020). */
export function checkInOpen(a: { startAt: number; endAt: number }, now: number): boolean {
  return now >= a.startAt - CHECK_IN_MARGIN_MS && now <= a.endAt + CHECK_IN_MARGIN_MS;
}

/**
 * 活动详情: the activity, the viewer's place on it, and the steps they can take
 * (报名, 取消, 签到), each with a request id so a retried tap is applied once.
 */
export function useActivity(id: string) {
  const load = useCallback(() => getActivity(id), [id]);
  const state = useAsync<ActivityView>(load);
  const ids = useRequestIds();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(
    async (what: unknown[], step: (requestId: string) => Promise<string>) => {
      setBusy(true);
      setError(null);
      setNote(null);
      try {
        setNote(await step(ids.idFor(what)));
        ids.settled();
        state.reload();
      } catch (err) {
        setError(userMessageOf(err));
      } finally {
        setBusy(false);
      }
    },
    [ids, state],
  );

  const signUp = useCallback(
    () =>
      run(['signUp', id], async (rid) => {
        const r = await signUpForActivity(id, rid);
        return r.state === 'waiting' ? `名额已满，你已进入候补，第 ${r.position ?? '?'} 位。有人取消时按顺序递补，递补后会通知你。` : '报名成功！请按时参加，到场后凭组织者展示的签到码签到。';
      }),
    [id, run],
  );
  const cancel = useCallback(
    (waiting: boolean) =>
      run(['cancel', id], async (rid) => {
        await cancelSignUp(id, rid);
        return waiting ? '已取消候补。' : '已取消报名，名额已让给其他同学。';
      }),
    [id, run],
  );
  const checkIn = useCallback(
    (code: string) =>
      run(['checkIn', id, code], async (rid) => {
        await checkInToActivity(id, code, rid);
        return '签到成功！';
      }),
    [id, run],
  );

  return { ...state, busy, note, actionError: error, signUp, cancel, checkIn };
}

/** The organiser's view: the check-in code and who signed up, waits and checked in. */
export function useAttendees(activityId: string) {
  const load = useCallback(() => listAttendees(activityId), [activityId]);
  return useAsync<Attendees>(load);
}
