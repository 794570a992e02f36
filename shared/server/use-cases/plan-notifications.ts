import { composeMessage, type NotificationKind } from '../../domain/notification-plan';
import type { NotificationRecord, QuestionRecord } from '../ports/records';

/**
 * Turns "tell these people about this question" into notification intents with
 * deterministic ids: (question, kind, occasion, recipient). The occasion is the
 * timer's due time or the event's id, so a retried tick or request writes the
 * same ids and nobody hears the same thing twice.
 */
export interface Recipient {
  openid: string;
  name: string;
}

export interface PlanInput {
  kind: NotificationKind;
  question: QuestionRecord;
  recipients: Recipient[];
  occasion: string;
  unitName: string;
  /** The unit the recipients answer for (responder messages); null for the asker. */
  unitId: string | null;
  note: string;
  at: number;
  now: number;
}

export function questionPage(questionId: string): string {
  return `pages/question/index?id=${questionId}`;
}

export function planNotifications(input: PlanInput): NotificationRecord[] {
  const { question: q } = input;
  const message = composeMessage(input.kind, {
    title: q.title,
    unitName: input.unitName,
    deadlineAt: q.deadlineAt,
    at: input.at,
    now: input.now,
    note: input.note,
  });
  const unique = new Map(input.recipients.map((r) => [r.openid, r]));
  return [...unique.values()].map((r) => ({
    _id: `${q._id}.${input.kind}.${input.occasion}.${r.openid}`.slice(0, 200),
    questionId: q._id,
    kind: input.kind,
    recipientOpenid: r.openid,
    recipientName: r.name,
    unitId: input.unitId,
    templateKey: message.templateKey,
    data: message.data,
    page: questionPage(q._id),
    text: message.text,
    state: 'pending',
    dueAt: input.now,
    attempts: 0,
    channel: null,
    reason: null,
    problem: null,
    createdAt: input.now,
    finishedAt: null,
  }));
}
