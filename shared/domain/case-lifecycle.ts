import { HOUR_MS } from './answer-deadline';
import type { ErrorCode } from './errors';
import type { Role } from './organisation';
import { canAnswer, canUrge, type Viewer } from './permissions';
import { formatCampusTime } from './shanghai-time';
import { countChars } from './user-text';

/**
 * The 听—答—办 loop as a state machine. A question is routed, answered, maybe
 * handled offline until resolved, rated by the asker, and closed:
 *
 *   routed ──answer──▶ answered ──startHandling──▶ handling ──resolve──▶ resolved
 *      │                  │  ▲                        ▲                      │
 *      │                  │  └──────── reopen (once, when not satisfied) ────┤
 *      │                  └──rate(satisfied) / autoClose──▶ closed ◀─────────┘
 *      └─ transfer / claim / escalate / urge keep the state (a transfer keeps the
 *         deadline, unless it lands too close to it: then the new unit gets a fair window)
 *
 * `decide` is pure: it says whether an actor may apply an action now and what
 * changes. The caller applies the change with a condition on the version it
 * read, so concurrent actions leave one result and a STATE_CONFLICT for the loser.
 */
export const CASE_STATES = ['routed', 'answered', 'handling', 'resolved', 'closed'] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_STATE_LABELS: Record<CaseState, string> = {
  routed: '待回复',
  answered: '已回复',
  handling: '办理中',
  resolved: '已办结',
  closed: '已关闭',
};

export interface Rating {
  satisfied: boolean;
  comment: string;
  at: number;
}

/** The facts about a question the rules look at. */
export interface CaseFacts {
  state: CaseState;
  ownerUnitId: string;
  askerOpenid: string;
  assigneeOpenid: string | null;
  urgent: boolean;
  deadlineAt: number;
  answeredAt: number | null;
  escalatedAt: number | null;
  rating: Rating | null;
  reopenCount: number;
  noticeRequired: boolean;
  noticePublishedAt: number | null;
  autoCloseAt: number | null;
  reopenedAt: number | null;
}

export type CaseAction =
  | { type: 'answer'; answerId: string }
  | { type: 'claim' }
  | { type: 'transfer'; toUnitId: string; reason: string }
  | { type: 'startHandling'; note: string }
  | { type: 'addProgress'; note: string }
  | { type: 'resolve'; note: string }
  | { type: 'publishNotice'; notice: string }
  | { type: 'rate'; satisfied: boolean; comment: string }
  | { type: 'reopen'; reason: string }
  | { type: 'escalate' }
  | { type: 'autoClose' }
  | { type: 'urge'; note: string };

export type CaseActionType = CaseAction['type'];

export type Actor = { kind: 'person'; viewer: Viewer } | { kind: 'system' };

export interface CasePolicy {
  /** Answered or resolved questions nobody rates close after this many days. */
  autoCloseDays: number;
  /** How many times an unsatisfied asker may reopen. */
  maxReopens: number;
  /**
   * A question transferred with less than this left before its deadline (or
   * after it) gets this long at the new unit; the missed deadline still counts
   * against the unit that missed it.
   */
  transferMinHours: number;
}

export const DEFAULT_CASE_POLICY: CasePolicy = { autoCloseDays: 7, maxReopens: 1, transferMinHours: 4 };

export interface CaseChange {
  /** Fields to set on the question (officialAnswerId etc. are the caller's business). */
  patch: Partial<CaseFacts> & { ownerUnitId?: string; officialAnswerId?: string; notice?: string };
  event: {
    type: CaseActionType;
    actorRole: Role | 'system';
    fromState: CaseState;
    toState: CaseState;
    reason: string | null;
  };
}

/**
 * `change: null` means the action is already true and changes nothing (a
 * second 认领 by the person who holds it): no write, no event.
 */
export type Decision = { ok: true; change: CaseChange | null } | { ok: false; code: ErrorCode; message: string };

const MAX_TRANSFER_REASON = 200;

function refuse(code: ErrorCode, message: string): Decision {
  return { ok: false, code, message };
}

function roleOf(actor: Actor, facts: CaseFacts): Role | 'system' {
  if (actor.kind === 'system') return 'system';
  const v = actor.viewer;
  if (v.openid === facts.askerOpenid) return 'student';
  if (v.roles.includes('responder') && v.unitIds.includes(facts.ownerUnitId)) return 'responder';
  if (v.roles.includes('coordinator')) return 'coordinator';
  if (v.roles.includes('schoolAdmin')) return 'schoolAdmin';
  if (v.roles.includes('supervisor')) return 'supervisor';
  return v.roles[0] ?? 'student';
}

/** Handlers: responders of the owning unit and the coordinator (协管), who may act on anything. */
function isHandler(actor: Actor, facts: CaseFacts): boolean {
  return actor.kind === 'person' && canAnswer(actor.viewer, facts);
}

function isAsker(actor: Actor, facts: CaseFacts): boolean {
  return actor.kind === 'person' && actor.viewer.openid === facts.askerOpenid;
}

const STATE_NAMES = CASE_STATE_LABELS;

function wrongState(facts: CaseFacts, allowed: CaseState[]): Decision {
  return refuse(
    'QUESTION.STATE_CONFLICT',
    `问题当前为「${STATE_NAMES[facts.state]}」，只能在「${allowed.map((s) => STATE_NAMES[s]).join('」或「')}」时这样操作`,
  );
}

export function decide(facts: CaseFacts, action: CaseAction, actor: Actor, now: number, policy: CasePolicy = DEFAULT_CASE_POLICY): Decision {
  const role = roleOf(actor, facts);
  const change = (toState: CaseState, patch: CaseChange['patch'], reason: string | null = null): Decision => ({
    ok: true,
    change: { patch: { ...patch, state: toState }, event: { type: action.type, actorRole: role, fromState: facts.state, toState, reason } },
  });
  const autoCloseAt = now + policy.autoCloseDays * 24 * HOUR_MS;

  switch (action.type) {
    case 'answer':
      if (!isHandler(actor, facts)) return refuse('AUTH.FORBIDDEN', '只有负责单位的答复人员或协管可以答复');
      if (facts.state !== 'routed') return wrongState(facts, ['routed']);
      return change('answered', { answeredAt: now, autoCloseAt, officialAnswerId: action.answerId });

    case 'claim':
      if (actor.kind !== 'person' || isAsker(actor, facts) || !(actor.viewer.roles.includes('responder') && actor.viewer.unitIds.includes(facts.ownerUnitId))) {
        return refuse('AUTH.FORBIDDEN', '只有负责单位的答复人员可以认领');
      }
      if (facts.state !== 'routed' && facts.state !== 'handling') return wrongState(facts, ['routed', 'handling']);
      if (facts.assigneeOpenid === actor.viewer.openid) return { ok: true, change: null };
      if (facts.assigneeOpenid) return refuse('QUESTION.STATE_CONFLICT', '该问题已被其他老师认领');
      return change(facts.state, { assigneeOpenid: actor.viewer.openid });

    case 'transfer': {
      if (!isHandler(actor, facts)) return refuse('AUTH.FORBIDDEN', '只有负责单位或协管可以转办');
      if (facts.state !== 'routed' && facts.state !== 'handling') return wrongState(facts, ['routed', 'handling']);
      const reason = action.reason.trim();
      if (!reason || countChars(reason) > MAX_TRANSFER_REASON) return refuse('INPUT.INVALID', '请填写转办理由（200字以内）');
      if (action.toUnitId === facts.ownerUnitId) return refuse('INPUT.INVALID', '不能转办给当前负责单位');
      // The deadline stays: a transfer never buys time (首接负责)… unless it lands
      // so close to the deadline (or after it) that the new unit could not answer:
      // then it gets a fair window, and the missed deadline stays on the record
      // (the escalation event names the unit that missed it).
      const fairDeadline = now + policy.transferMinHours * HOUR_MS;
      if (facts.state === 'routed' && facts.deadlineAt < fairDeadline) {
        const window = `转入时距答复时限不足${policy.transferMinHours}小时，新单位的答复时限为 ${formatCampusTime(fairDeadline)}`;
        return change(facts.state, { ownerUnitId: action.toUnitId, assigneeOpenid: null, deadlineAt: fairDeadline, escalatedAt: null }, `${reason}（${window}）`);
      }
      return change(facts.state, { ownerUnitId: action.toUnitId, assigneeOpenid: null }, reason);
    }

    case 'startHandling':
      if (!isHandler(actor, facts)) return refuse('AUTH.FORBIDDEN', '只有负责单位或协管可以开始办理');
      if (facts.state !== 'answered') return wrongState(facts, ['answered']);
      return change('handling', { autoCloseAt: null }, action.note.trim() || null);

    case 'addProgress':
      if (!isHandler(actor, facts)) return refuse('AUTH.FORBIDDEN', '只有负责单位或协管可以更新办理进展');
      if (facts.state !== 'handling') return wrongState(facts, ['handling']);
      return change('handling', {}, action.note.trim());

    case 'resolve':
      if (!isHandler(actor, facts)) return refuse('AUTH.FORBIDDEN', '只有负责单位或协管可以办结');
      if (facts.state !== 'handling') return wrongState(facts, ['handling']);
      // Emergencies end with a public notice of how they were handled (紧急通道公告).
      return change('resolved', { autoCloseAt }, action.note.trim());

    case 'publishNotice':
      if (!isHandler(actor, facts)) return refuse('AUTH.FORBIDDEN', '只有负责单位或协管可以发布处理公告');
      if (!facts.noticeRequired) return refuse('QUESTION.STATE_CONFLICT', '只有紧急求助需要发布处理公告');
      if (facts.noticePublishedAt !== null) return refuse('QUESTION.STATE_CONFLICT', '处理公告已经发布');
      if (facts.state !== 'resolved' && facts.state !== 'closed') return wrongState(facts, ['resolved', 'closed']);
      return change(facts.state, { noticePublishedAt: now, notice: action.notice.trim() }, null);

    case 'rate':
      if (!isAsker(actor, facts)) return refuse('AUTH.FORBIDDEN', '只有提问人可以评价');
      if (facts.state !== 'answered' && facts.state !== 'resolved') return wrongState(facts, ['answered', 'resolved']);
      if (facts.rating) return refuse('QUESTION.STATE_CONFLICT', '你已经评价过了');
      {
        const rating: Rating = { satisfied: action.satisfied, comment: action.comment.trim(), at: now };
        // Satisfied closes the case; not satisfied leaves it open for a reopen.
        if (action.satisfied) return change('closed', { rating, autoCloseAt: null }, rating.comment || null);
        return change(facts.state, { rating }, rating.comment || null);
      }

    case 'reopen':
      if (!isAsker(actor, facts)) return refuse('AUTH.FORBIDDEN', '只有提问人可以重新打开问题');
      if (facts.state !== 'answered' && facts.state !== 'resolved') return wrongState(facts, ['answered', 'resolved']);
      if (!facts.rating || facts.rating.satisfied) return refuse('QUESTION.STATE_CONFLICT', '请先给出“不满意”的评价再申请重新办理');
      if (facts.reopenCount >= policy.maxReopens) return refuse('QUESTION.STATE_CONFLICT', '每个问题只能重新打开一次');
      return change('handling', { reopenCount: facts.reopenCount + 1, rating: null, autoCloseAt: null, reopenedAt: now }, action.reason.trim() || null);

    case 'escalate':
      if (actor.kind !== 'system') return refuse('AUTH.FORBIDDEN', '超时升级由系统执行');
      if (facts.state !== 'routed') return wrongState(facts, ['routed']);
      if (facts.escalatedAt !== null) return refuse('QUESTION.STATE_CONFLICT', '已经升级');
      if (now < facts.deadlineAt) return refuse('QUESTION.STATE_CONFLICT', '尚未超过答复时限');
      return change('routed', { escalatedAt: now }, '超过答复时限未回复，已升级至协管');

    case 'urge':
      if (actor.kind !== 'person' || !canUrge(actor.viewer)) return refuse('AUTH.FORBIDDEN', '只有协管、主管老师和工作小组组长可以催办');
      if (isAsker(actor, facts)) return refuse('AUTH.FORBIDDEN', '不能催办自己提出的问题');
      if (facts.state !== 'routed') return wrongState(facts, ['routed']);
      if (facts.escalatedAt === null && now < facts.deadlineAt) return refuse('QUESTION.STATE_CONFLICT', '尚未超过答复时限，无需催办');
      return change('routed', {}, action.note.trim() || null);

    case 'autoClose':
      if (actor.kind !== 'system') return refuse('AUTH.FORBIDDEN', '自动关闭由系统执行');
      if (facts.state !== 'answered' && facts.state !== 'resolved') return wrongState(facts, ['answered', 'resolved']);
      if (facts.autoCloseAt === null || now < facts.autoCloseAt) return refuse('QUESTION.STATE_CONFLICT', '尚未到自动关闭时间');
      return change('closed', { autoCloseAt: null }, `${policy.autoCloseDays}天内未评价，自动关闭`);
  }
}

/** What the UI may offer this viewer now: every action `decide` would accept. */
export function availableActions(facts: CaseFacts, viewer: Viewer, now: number, policy: CasePolicy = DEFAULT_CASE_POLICY): CaseActionType[] {
  const probes: CaseAction[] = [
    { type: 'answer', answerId: 'probe' },
    { type: 'claim' },
    { type: 'transfer', toUnitId: '\u0000probe', reason: 'probe' },
    { type: 'startHandling', note: '' },
    { type: 'addProgress', note: 'probe' },
    { type: 'resolve', note: 'probe' },
    { type: 'publishNotice', notice: 'probe' },
    { type: 'rate', satisfied: false, comment: '' },
    { type: 'reopen', reason: '' },
    { type: 'urge', note: '' },
  ];
  return probes
    .filter((a) => {
      const d = decide(facts, a, { kind: 'person', viewer }, now, policy);
      // An action that would change nothing (认领 by the person who holds it) is not offered.
      return d.ok && d.change !== null;
    })
    .map((a) => a.type);
}
