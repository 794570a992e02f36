import { DomainError } from '../../domain/errors';
import type { AdminTransaction } from '../ports/repositories';
import type { AuditRecord } from '../ports/records';
import type { ActionContext } from './action';

/**
 * The audit line of an admin change (roster, routing), written in the same
 * transaction as the change. With a request id the line's id is derived from
 * (person, request id) and carries the request's fingerprint: a retry finds it
 * and answers with what the first attempt did; the same id with another change
 * is refused (REQUEST.KEY_REUSED, docs/decisions/0002).
 */
export interface AuditKey {
  id: string;
  requestHash: string | null;
}

export function auditKey(ctx: Pick<ActionContext, 'ids' | 'requestId' | 'viewer'>, action: string, fingerprint: unknown[]): AuditKey {
  if (!ctx.requestId) return { id: ctx.ids.next('au'), requestHash: null };
  return { id: ctx.ids.derived('au', ctx.viewer.openid, ctx.requestId), requestHash: ctx.ids.derived('h', action, JSON.stringify(fingerprint)) };
}

/** True when this request was done already (its line is there); refuses the same request id reused for another change. */
export async function alreadyDone(tx: AdminTransaction, key: AuditKey): Promise<boolean> {
  if (!key.requestHash) return false;
  const line = await tx.audit(key.id);
  if (!line) return false;
  if (line.requestHash !== key.requestHash) throw new DomainError('REQUEST.KEY_REUSED');
  return true;
}

export function auditLine(
  ctx: Pick<ActionContext, 'viewer' | 'now'>,
  key: AuditKey,
  fields: { action: string; target: string; reason: string | null; unitId: string | null },
): AuditRecord {
  return {
    _id: key.id,
    at: ctx.now,
    actorOpenid: ctx.viewer.openid,
    actorName: ctx.viewer.displayName ?? '管理员',
    action: fields.action,
    target: fields.target,
    questionId: null,
    reason: fields.reason,
    unitId: fields.unitId,
    requestHash: key.requestHash,
  };
}

/** "团队 专帮青→团帮青；分工 学业、就业→学业": the changed fields, before → after. */
export function describeChanges(pairs: [label: string, before: string, after: string][]): string {
  return pairs
    .filter(([, before, after]) => before !== after)
    .map(([label, before, after]) => `${label} ${before || '（无）'}→${after || '（无）'}`)
    .join('；');
}
