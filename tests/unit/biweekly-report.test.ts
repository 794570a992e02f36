import { CRISIS_TITLE, missedDeadlines, PRIVATE_TITLE, reportTitleOf } from '../../shared/domain/biweekly-report';
import { canMarkCase } from '../../shared/domain/typical-case';
import { canEditReport, oversightScope, scopeIncludes } from '../../shared/domain/permissions';

const e = (type: string, at: number, unitId: string | null, actorName = '') => ({ type, at, unitId, actorName });

describe('who missed which deadline (the report\'s overdue section)', () => {
  it('names the unit that missed it, who had claimed it then, and who answered after', () => {
    const timeline = [e('ask', 0, 'c-cs', '匿名同学'), e('claim', 1, 'c-cs', '任智宇'), e('escalate', 24, 'c-cs', '系统'), e('answer', 30, 'c-cs', '王钰铭')];
    expect(missedDeadlines(timeline, 0, 100)).toEqual([{ unitId: 'c-cs', escalatedAt: 24, holderName: '任智宇', answeredAt: 30, answeredByName: '王钰铭' }]);
  });

  it('counts a missed deadline against the unit that missed it, even after a transfer (which also drops the claim)', () => {
    const timeline = [
      e('ask', 0, 'c-cs'),
      e('claim', 1, 'c-cs', '任智宇'),
      e('escalate', 24, 'c-cs'),
      e('transfer', 25, 'd-academic', '王钰铭'),
      e('escalate', 29, 'd-academic'),
    ];
    expect(missedDeadlines(timeline, 0, 100)).toEqual([
      { unitId: 'c-cs', escalatedAt: 24, holderName: '任智宇', answeredAt: null, answeredByName: null },
      { unitId: 'd-academic', escalatedAt: 29, holderName: null, answeredAt: null, answeredByName: null },
    ]);
  });

  it('keeps to the period', () => {
    const timeline = [e('ask', 0, 'c-cs'), e('escalate', 24, 'c-cs')];
    expect(missedDeadlines(timeline, 25, 100)).toEqual([]);
    expect(missedDeadlines(timeline, 0, 24)).toEqual([]);
  });
});

describe('names in a file that leaves the platform', () => {
  it('shows a public title, never a private one or a crisis', () => {
    expect(reportTitleOf({ title: '宿舍热水器坏了', visibility: 'public', crisis: false })).toBe('宿舍热水器坏了');
    expect(reportTitleOf({ title: '和室友关系很僵', visibility: 'private', crisis: false })).toBe(PRIVATE_TITLE);
    expect(reportTitleOf({ title: '最近真的撑不下去了', visibility: 'private', crisis: true })).toBe(CRISIS_TITLE);
  });
});

describe('who may do what with statistics, reports and cases', () => {
  const viewer = (roles: string[], unitIds: string[] = [], openid = 'o-1') => ({ openid, roles: roles as never, unitIds });

  it('oversight roles see every unit; a unit admin their units; nobody else', () => {
    for (const role of ['coordinator', 'supervisor', 'schoolAdmin']) expect(oversightScope(viewer([role]))).toEqual({ all: true });
    expect(oversightScope(viewer(['unitAdmin', 'responder'], ['c-cs']))).toEqual({ all: false, unitIds: ['c-cs'] });
    expect(oversightScope(viewer(['responder'], ['c-cs']))).toBeNull();
    expect(oversightScope(viewer(['student']))).toBeNull();
    expect(scopeIncludes({ all: false, unitIds: ['c-cs'] }, 'c-econ')).toBe(false);
  });

  it('a unit report is written by its admins (or the school admin); the school report by the school admin or the coordinator', () => {
    const unitReport = { scope: 'unit' as const, unitId: 'c-cs' };
    const schoolReport = { scope: 'school' as const, unitId: null };
    expect(canEditReport(viewer(['unitAdmin'], ['c-cs']), unitReport)).toBe(true);
    expect(canEditReport(viewer(['unitAdmin'], ['c-econ']), unitReport)).toBe(false);
    expect(canEditReport(viewer(['responder'], ['c-cs']), unitReport)).toBe(false);
    expect(canEditReport(viewer(['schoolAdmin']), unitReport)).toBe(true);
    expect(canEditReport(viewer(['supervisor']), unitReport)).toBe(false);
    expect(canEditReport(viewer(['coordinator']), schoolReport)).toBe(true);
    expect(canEditReport(viewer(['unitAdmin'], ['c-cs']), schoolReport)).toBe(false);
  });

  it('a case is marked by a handler of the question\'s unit or the coordinator, never by its asker', () => {
    const q = { ownerUnitId: 'c-cs', askerOpenid: 'o-student' };
    expect(canMarkCase(viewer(['responder'], ['c-cs']), q)).toBe(true);
    expect(canMarkCase(viewer(['unitAdmin'], ['c-cs']), q)).toBe(true);
    expect(canMarkCase(viewer(['coordinator']), q)).toBe(true);
    expect(canMarkCase(viewer(['responder'], ['c-econ']), q)).toBe(false);
    expect(canMarkCase(viewer(['supervisor']), q)).toBe(false);
    expect(canMarkCase(viewer(['coordinator'], [], 'o-student'), q)).toBe(false);
  });
});
