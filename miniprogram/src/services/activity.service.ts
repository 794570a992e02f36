import type { z } from 'zod';
import type {
  ActivityAttendeesOutput,
  ActivityCancelOutput,
  ActivityCheckInOutput,
  ActivityCreateOutput,
  ActivityGetOutput,
  ActivityListOutput,
  ActivitySignUpOutput,
} from '@shared/contracts/activity.contract';
import type { ActionInput } from '@shared/contracts/actions';
import { callAction } from './api.client';

/** 活动公告: docs/decisions/0020-boards-activities-articles-topics.md. */
export type ActivityPage = z.infer<typeof ActivityListOutput>;
export type ActivityView = z.infer<typeof ActivityGetOutput>;
export type Attendees = z.infer<typeof ActivityAttendeesOutput>;
export type ActivityDraft = Omit<ActionInput<'activity.create'>, 'questionIds'> & { questionIds: string[] };

export const ACTIVITY_PAGE_SIZE = 20;

export function listActivities(when: 'upcoming' | 'past', cursor?: string): Promise<ActivityPage> {
  return callAction('activity.list', { pageSize: ACTIVITY_PAGE_SIZE, when, ...(cursor ? { cursor } : {}) });
}

export function getActivity(id: string): Promise<ActivityView> {
  return callAction('activity.get', { id });
}

export function createActivity(draft: ActivityDraft, requestId: string): Promise<z.infer<typeof ActivityCreateOutput>> {
  return callAction('activity.create', draft, { requestId });
}

export function signUpForActivity(activityId: string, requestId: string): Promise<z.infer<typeof ActivitySignUpOutput>> {
  return callAction('activity.signUp', { activityId }, { requestId });
}

export function cancelSignUp(activityId: string, requestId: string): Promise<z.infer<typeof ActivityCancelOutput>> {
  return callAction('activity.cancel', { activityId }, { requestId });
}

export function checkInToActivity(activityId: string, code: string, requestId: string): Promise<z.infer<typeof ActivityCheckInOutput>> {
  return callAction('activity.checkIn', { activityId, code }, { requestId });
}

export function listAttendees(activityId: string): Promise<Attendees> {
  return callAction('activity.attendees', { activityId });
}
