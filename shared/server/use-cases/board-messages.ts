import { composeMessage, type NotificationKind } from '../../domain/notification-plan';
import type { NotificationRecord } from '../ports/records';
import { deliverNew, type DeliveryDeps } from './notification-delivery';

/**
 * Messages about something other than a question (issue 11 boards): a seat
 * freed for someone on an activity's waiting list, a unit's 14-day article
 * reminder. Each has a deterministic id (subject, kind, occasion, recipient);
 * only those not recorded yet are sent, so a retried request or a second tick
 * never sends one twice. Delivery is the same as for questions (subscription,
 * else the unit's WeCom group, else recorded undeliverable); a passing failure
 * is retried by the scheduler's queue.
 */
export interface SubjectMessage {
  subject: { type: 'activity' | 'unit'; id: string };
  kind: NotificationKind;
  occasion: string;
  recipient: { openid: string; name: string };
  /** The unit the recipient acts for (its WeCom group is the fallback), if any. */
  unitId: string | null;
  unitName: string;
  title: string;
  note: string;
  /** For templates with a time field: the deadline (or the activity's start). */
  deadlineAt: number;
  page: string;
}

export function subjectRecord(m: SubjectMessage, now: number): NotificationRecord {
  const message = composeMessage(m.kind, { title: m.title, unitName: m.unitName, deadlineAt: m.deadlineAt, at: now, now, note: m.note });
  return {
    _id: `${m.subject.type}.${m.subject.id}.${m.kind}.${m.occasion}.${m.recipient.openid}`.slice(0, 200),
    questionId: '',
    subject: m.subject,
    kind: m.kind,
    recipientOpenid: m.recipient.openid,
    recipientName: m.recipient.name,
    unitId: m.unitId,
    templateKey: message.templateKey,
    data: message.data,
    page: m.page,
    text: message.text,
    alsoGroup: false,
    state: 'pending',
    dueAt: now,
    attempts: 0,
    channel: null,
    reason: null,
    problem: null,
    createdAt: now,
    finishedAt: null,
  };
}

/** Sends the messages not recorded yet; a failure is logged, never undoes what caused them. */
export async function sendSubjectMessages(deps: DeliveryDeps, messages: SubjectMessage[], now: number): Promise<number> {
  if (messages.length === 0) return 0;
  try {
    const records = messages.map((m) => subjectRecord(m, now));
    const existing = await deps.repos.notifications.existingIds(records.map((r) => r._id));
    const fresh = records.filter((r) => !existing.has(r._id));
    await deliverNew(deps, fresh, now);
    return fresh.length;
  } catch (err) {
    deps.log?.('board messages failed', { error: err instanceof Error ? err.message : String(err) });
    return 0;
  }
}

export const activityPage = (id: string) => `boards/activity/index?id=${id}`;
export const articleEditorPage = (unitId: string) => `boards/article-edit/index?unit=${unitId}`;
