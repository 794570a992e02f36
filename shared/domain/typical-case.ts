import type { CaseState } from './case-lifecycle';
import type { Viewer } from './permissions';

/**
 * 案例报送 (BUCM §七.4: “青年之声”线上线下案例的收集报送情况). A question its
 * handlers consider typical is marked as an online case (answered on the
 * platform) or an offline case (handled off it, 线下办理), with a short
 * write-up in the handler's own words — what is reported upward, so it should
 * name no student. The mark lives on the question (one write, decision 10) and
 * is a step on its internal timeline.
 */
export const CASE_KINDS = ['online', 'offline'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_KIND_LABELS: Record<CaseKind, string> = {
  online: '线上典型案例',
  offline: '线下典型案例',
};

export const CASE_WRITE_UP_MIN = 10;
export const CASE_WRITE_UP_MAX = 300;

/** A case is something that was answered: nothing still waiting for its first answer is typical yet. */
export const CASE_MARKABLE_STATES: readonly CaseState[] = ['answered', 'handling', 'resolved', 'closed'];

/**
 * Who marks a case: a handler of the question's unit (its responders and
 * admins) or the coordinator — never the person who asked it (decision 13).
 */
export function canMarkCase(viewer: Viewer, q: { ownerUnitId: string; askerOpenid: string }): boolean {
  if (viewer.openid === q.askerOpenid) return false;
  if (viewer.roles.includes('coordinator')) return true;
  return (viewer.roles.includes('responder') || viewer.roles.includes('unitAdmin')) && viewer.unitIds.includes(q.ownerUnitId);
}
