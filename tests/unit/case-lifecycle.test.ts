import { HOUR_MS, reminderDueTimes } from '../../shared/domain/answer-deadline';
import { availableActions, decide, type Actor, type CaseAction, type CaseFacts, type CaseState } from '../../shared/domain/case-lifecycle';
import type { Viewer } from '../../shared/domain/permissions';

const NOW = Date.UTC(2026, 10, 21, 2, 0);
const DAY = 24 * HOUR_MS;

const asker: Viewer = { openid: 'asker', roles: ['student'], unitIds: [] };
const otherStudent: Viewer = { openid: 'other', roles: ['student'], unitIds: [] };
const csResponder: Viewer = { openid: 'cs-1', roles: ['responder'], unitIds: ['cs'] };
const csResponder2: Viewer = { openid: 'cs-2', roles: ['responder'], unitIds: ['cs'] };
const econResponder: Viewer = { openid: 'econ-1', roles: ['responder'], unitIds: ['econ'] };
const coordinator: Viewer = { openid: 'coord', roles: ['coordinator'], unitIds: ['school'] };
const system: Actor = { kind: 'system' };
const as = (viewer: Viewer): Actor => ({ kind: 'person', viewer });

function facts(state: CaseState, overrides: Partial<CaseFacts> = {}): CaseFacts {
  return {
    state,
    ownerUnitId: 'cs',
    askerOpenid: 'asker',
    assigneeOpenid: null,
    urgent: false,
    deadlineAt: NOW + DAY,
    answeredAt: state === 'routed' ? null : NOW - HOUR_MS,
    escalatedAt: null,
    rating: null,
    reopenCount: 0,
    noticeRequired: false,
    noticePublishedAt: null,
    autoCloseAt: state === 'answered' || state === 'resolved' ? NOW + 7 * DAY : null,
    reopenedAt: null,
    ...overrides,
  };
}

const actions: Record<string, CaseAction> = {
  answer: { type: 'answer', answerId: 'a1' },
  claim: { type: 'claim' },
  transfer: { type: 'transfer', toUnitId: 'logistics', reason: '属于后勤维修范围' },
  startHandling: { type: 'startHandling', note: '已联系宿管' },
  addProgress: { type: 'addProgress', note: '师傅明天上门' },
  resolve: { type: 'resolve', note: '已更换热水器' },
  rateGood: { type: 'rate', satisfied: true, comment: '很及时' },
  rateBad: { type: 'rate', satisfied: false, comment: '还没修好' },
  reopen: { type: 'reopen', reason: '热水器又坏了' },
};

/** Which (state, action) pairs a handler or the asker may apply; everything else is refused. */
const allowed: Record<CaseState, string[]> = {
  routed: ['answer', 'claim', 'transfer'],
  answered: ['startHandling', 'rateGood', 'rateBad'],
  handling: ['claim', 'transfer', 'addProgress', 'resolve'],
  resolved: ['rateGood', 'rateBad'],
  closed: [],
};

describe('the case lifecycle: every allowed and forbidden transition', () => {
  for (const state of Object.keys(allowed) as CaseState[]) {
    for (const [name, action] of Object.entries(actions)) {
      const actor = name.startsWith('rate') || name === 'reopen' ? as(asker) : as(csResponder);
      const expected = allowed[state].includes(name);
      it(`${expected ? 'allows' : 'refuses'} ${name} when ${state}`, () => {
        const decision = decide(facts(state), action, actor, NOW);
        expect(decision.ok).toBe(expected);
        if (!decision.ok) expect(decision.code).toBe('QUESTION.STATE_CONFLICT');
      });
    }
  }
});

describe('who may act', () => {
  it('refuses students, other units and the public the handler actions', () => {
    for (const viewer of [asker, otherStudent, econResponder]) {
      for (const name of ['answer', 'claim', 'transfer']) {
        expect(decide(facts('routed'), actions[name]!, as(viewer), NOW)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
      }
    }
  });

  it('lets the coordinator answer and reassign anything, but not claim for a unit', () => {
    expect(decide(facts('routed'), actions.answer!, as(coordinator), NOW).ok).toBe(true);
    expect(decide(facts('routed'), actions.transfer!, as(coordinator), NOW).ok).toBe(true);
    expect(decide(facts('routed'), actions.claim!, as(coordinator), NOW)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });

  it('lets only the asker rate and reopen', () => {
    expect(decide(facts('answered'), actions.rateGood!, as(csResponder), NOW)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(decide(facts('answered'), actions.rateGood!, as(otherStudent), NOW)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });

  it('keeps escalation and auto-close to the system', () => {
    expect(decide(facts('routed', { deadlineAt: NOW - 1 }), { type: 'escalate' }, as(coordinator), NOW)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(decide(facts('answered', { autoCloseAt: NOW - 1 }), { type: 'autoClose' }, as(asker), NOW)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });
});

describe('what each transition records', () => {
  it('stops the clock at the official answer and schedules the auto-close', () => {
    const d = decide(facts('routed'), actions.answer!, as(csResponder), NOW);
    expect(d).toMatchObject({
      ok: true,
      change: { patch: { state: 'answered', answeredAt: NOW, autoCloseAt: NOW + 7 * DAY, officialAnswerId: 'a1' }, event: { fromState: 'routed', toState: 'answered', actorRole: 'responder' } },
    });
  });

  it('transfers with a reason, keeps the deadline and clears the assignee', () => {
    const d = decide(facts('routed', { assigneeOpenid: 'cs-1' }), actions.transfer!, as(csResponder), NOW);
    expect(d).toMatchObject({ ok: true, change: { patch: { ownerUnitId: 'logistics', assigneeOpenid: null, state: 'routed' }, event: { reason: '属于后勤维修范围' } } });
    if (d.ok) expect(d.change?.patch).not.toHaveProperty('deadlineAt');
    expect(decide(facts('routed'), { type: 'transfer', toUnitId: 'logistics', reason: '  ' }, as(csResponder), NOW)).toMatchObject({ ok: false, code: 'INPUT.INVALID' });
    expect(decide(facts('routed'), { type: 'transfer', toUnitId: 'cs', reason: '自己' }, as(csResponder), NOW)).toMatchObject({ ok: false, code: 'INPUT.INVALID' });
  });

  it('lets one responder claim and refuses a second', () => {
    const claimed = facts('routed', { assigneeOpenid: 'cs-1' });
    expect(decide(claimed, actions.claim!, as(csResponder), NOW).ok).toBe(true);
    expect(decide(claimed, actions.claim!, as(csResponder2), NOW)).toMatchObject({ ok: false, code: 'QUESTION.STATE_CONFLICT' });
  });

  it('closes on a satisfied rating, and allows one reopen after an unsatisfied one', () => {
    expect(decide(facts('resolved'), actions.rateGood!, as(asker), NOW)).toMatchObject({ ok: true, change: { patch: { state: 'closed' } } });
    const bad = decide(facts('resolved'), actions.rateBad!, as(asker), NOW);
    expect(bad).toMatchObject({ ok: true, change: { patch: { state: 'resolved', rating: { satisfied: false, comment: '还没修好', at: NOW } } } });
    const rated = facts('resolved', { rating: { satisfied: false, comment: '还没修好', at: NOW } });
    expect(decide(rated, actions.rateGood!, as(asker), NOW)).toMatchObject({ ok: false, code: 'QUESTION.STATE_CONFLICT' });
    expect(decide(rated, actions.reopen!, as(asker), NOW)).toMatchObject({ ok: true, change: { patch: { state: 'handling', reopenCount: 1, rating: null } } });
    expect(decide({ ...rated, reopenCount: 1 }, actions.reopen!, as(asker), NOW)).toMatchObject({ ok: false, code: 'QUESTION.STATE_CONFLICT' });
    expect(decide(facts('answered'), actions.reopen!, as(asker), NOW)).toMatchObject({ ok: false, code: 'QUESTION.STATE_CONFLICT' });
  });

  it('escalates only an unanswered question past its deadline, once', () => {
    expect(decide(facts('routed', { deadlineAt: NOW + 1 }), { type: 'escalate' }, system, NOW)).toMatchObject({ ok: false });
    expect(decide(facts('routed', { deadlineAt: NOW }), { type: 'escalate' }, system, NOW)).toMatchObject({ ok: true, change: { patch: { escalatedAt: NOW, state: 'routed' } } });
    expect(decide(facts('routed', { deadlineAt: NOW - 1, escalatedAt: NOW - 1 }), { type: 'escalate' }, system, NOW)).toMatchObject({ ok: false });
    expect(decide(facts('answered', { deadlineAt: NOW - 1 }), { type: 'escalate' }, system, NOW)).toMatchObject({ ok: false });
  });

  it('auto-closes an unrated answer after 7 days, not before', () => {
    const answered = facts('answered', { autoCloseAt: NOW });
    expect(decide(answered, { type: 'autoClose' }, system, NOW - 1)).toMatchObject({ ok: false });
    expect(decide(answered, { type: 'autoClose' }, system, NOW)).toMatchObject({ ok: true, change: { patch: { state: 'closed' } } });
    expect(decide(facts('handling'), { type: 'autoClose' }, system, NOW + 30 * DAY)).toMatchObject({ ok: false });
  });

  it('accepts the public notice of an emergency once it is resolved or closed, once', () => {
    expect(decide(facts('handling', { urgent: true, noticeRequired: true }), actions.resolve!, as(csResponder), NOW)).toMatchObject({ ok: true });
    // Only after the handling ends: not while answered or in handling.
    expect(decide(facts('answered', { urgent: true, noticeRequired: true }), { type: 'publishNotice', notice: '太早' }, as(csResponder), NOW)).toMatchObject({ ok: false });
    const needsNotice = facts('resolved', { urgent: true, noticeRequired: true });
    expect(decide(needsNotice, { type: 'publishNotice', notice: '已处理' }, as(csResponder), NOW)).toMatchObject({ ok: true, change: { patch: { noticePublishedAt: NOW } } });
    expect(decide({ ...needsNotice, noticePublishedAt: NOW }, { type: 'publishNotice', notice: '再发' }, as(csResponder), NOW)).toMatchObject({ ok: false });
    expect(decide(facts('resolved'), { type: 'publishNotice', notice: '不需要' }, as(csResponder), NOW)).toMatchObject({ ok: false });
  });

  it('offers each viewer exactly the actions decide would accept', () => {
    expect(availableActions(facts('routed'), csResponder, NOW).sort()).toEqual(['answer', 'claim', 'transfer']);
    expect(availableActions(facts('answered'), asker, NOW).sort()).toEqual(['rate']);
    expect(availableActions(facts('routed'), otherStudent, NOW)).toEqual([]);
  });
});

describe('reminder times', () => {
  it('falls 4 h and 1 h before the deadline', () => {
    expect(reminderDueTimes(NOW, NOW + DAY)).toEqual([NOW + 20 * HOUR_MS, NOW + 23 * HOUR_MS]);
  });

  it('skips reminders that would come before the question (the 2-hour emergency lane)', () => {
    expect(reminderDueTimes(NOW, NOW + 2 * HOUR_MS)).toEqual([NOW + HOUR_MS]);
    expect(reminderDueTimes(NOW, NOW + 2 * HOUR_MS, [4, 3])).toEqual([]);
  });
});
