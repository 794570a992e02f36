import { useMemo } from 'react';
import type { Unit } from '@shared/contracts/catalog.contract';
import type { QuestionStatus } from '@shared/contracts/question.contract';
import { HOUR_MS } from '@shared/domain/answer-deadline';
import { DEFAULT_CASE_POLICY } from '@shared/domain/case-lifecycle';
import type { UnitKind } from '@shared/domain/organisation';
import { formatDateTime } from '../utils/time';

/** How the units that answer are grouped on the 转办 form; class 团支部 (branches) never answer, so they are not offered. */
const GROUPS: { kind: Exclude<UnitKind, 'branch'>; label: string }[] = [
  { kind: 'college', label: '学院' },
  { kind: 'department', label: '职能部门' },
  { kind: 'school', label: '校团委' },
];

export interface TransferGroup {
  label: string;
  units: Unit[];
}

/** Where a question can be transferred: every answering unit but the one that owns it, grouped by kind. */
export function transferGroups(units: readonly Unit[], ownerUnitId: string): TransferGroup[] {
  return GROUPS.map((g) => ({ label: g.label, units: units.filter((u) => u.kind === g.kind && u.id !== ownerUnitId) })).filter(
    (g) => g.units.length > 0,
  );
}

export function useTransferTargets(units: readonly Unit[], ownerUnitId: string): TransferGroup[] {
  return useMemo(() => transferGroups(units, ownerUnitId), [units, ownerUnitId]);
}

/**
 * The server's default fair window (QNZS_TRANSFER_MIN_HOURS): a question
 * transferred with less than this left (or overdue) gets this long at the new
 * unit. The configured value is not sent to the client; the timeline states
 * the new deadline the server set.
 */
export const TRANSFER_MIN_HOURS = DEFAULT_CASE_POLICY.transferMinHours;

/** What a transfer does to the deadline, in words for the form and its confirmation. */
export function transferDeadlineNote(
  q: { status: QuestionStatus; deadlineAt: number; ownerUnitName: string },
  targetName: string,
  now: number,
): { text: string; fairWindow: boolean } | null {
  if (q.status !== 'routed') return null;
  const target = targetName ? `「${targetName}」` : '新单位';
  const left = q.deadlineAt - now;
  if (left <= 0) {
    return {
      fairWindow: true,
      text: `已超过答复时限：转办后${target}将有 ${TRANSFER_MIN_HOURS} 小时答复，这次超时仍记在「${q.ownerUnitName}」。`,
    };
  }
  if (left < TRANSFER_MIN_HOURS * HOUR_MS) {
    return { fairWindow: true, text: `距答复时限不足 ${TRANSFER_MIN_HOURS} 小时：转办后${target}将有 ${TRANSFER_MIN_HOURS} 小时答复。` };
  }
  return { fairWindow: false, text: `转办不改变答复时限（${formatDateTime(q.deadlineAt, now)}），${target}需在时限内答复。` };
}
