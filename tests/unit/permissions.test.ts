import { canAnswer, canReadCases, canReadStatistics, canSeeAsker, canViewQuestion, type Viewer } from '../../shared/domain/permissions';

const question = { askerOpenid: 'asker', ownerUnitId: 'cs', visibility: 'private' as const, anonymous: true };
const student: Viewer = { openid: 'someone', roles: ['student'], unitIds: [] };
const asker: Viewer = { openid: 'asker', roles: ['student'], unitIds: [] };
const csResponder: Viewer = { openid: 'r1', roles: ['responder'], unitIds: ['cs'] };
const econResponder: Viewer = { openid: 'r2', roles: ['responder'], unitIds: ['econ'] };
const coordinator: Viewer = { openid: 'c', roles: ['coordinator'], unitIds: ['school'] };
const csUnitAdminOnly: Viewer = { openid: 'ua', roles: ['unitAdmin'], unitIds: ['cs'] };

describe('permissions', () => {
  it('shows a private question only to the asker and its handlers', () => {
    expect(canViewQuestion(student, question)).toBe(false);
    expect(canViewQuestion(econResponder, question)).toBe(false);
    expect(canViewQuestion(asker, question)).toBe(true);
    expect(canViewQuestion(csResponder, question)).toBe(true);
    expect(canViewQuestion(coordinator, question)).toBe(true);
    expect(canViewQuestion(student, { ...question, visibility: 'public' })).toBe(true);
  });

  it('never shows an anonymous asker to the public', () => {
    expect(canSeeAsker(student, { ...question, visibility: 'public' })).toBe(false);
    expect(canSeeAsker(csResponder, question)).toBe(true);
    expect(canSeeAsker(asker, question)).toBe(true);
    expect(canSeeAsker(student, { ...question, anonymous: false, visibility: 'public' })).toBe(true);
  });

  it('lets only responders of the owning unit, or the coordinator, answer', () => {
    expect(canAnswer(csResponder, question)).toBe(true);
    expect(canAnswer(coordinator, question)).toBe(true);
    expect(canAnswer(econResponder, question)).toBe(false);
    expect(canAnswer(asker, question)).toBe(false);
    expect(canAnswer(csUnitAdminOnly, question)).toBe(false);
  });
});

describe('who opens 数据统计, 双周报 and 典型案例', () => {
  const roles = (...r: Viewer['roles']) => ({ roles: r });
  it('statistics and reports: unit admins and those who oversee every unit; never a plain responder or a student', () => {
    expect(canReadStatistics(roles('unitAdmin'))).toBe(true);
    expect(canReadStatistics(roles('coordinator'))).toBe(true);
    expect(canReadStatistics(roles('supervisor'))).toBe(true);
    expect(canReadStatistics(roles('schoolAdmin'))).toBe(true);
    expect(canReadStatistics(roles('responder'))).toBe(false);
    expect(canReadStatistics(roles('student'))).toBe(false);
  });
  it('cases: responders too (their units’ cases, case.list decides)', () => {
    expect(canReadCases(roles('responder'))).toBe(true);
    expect(canReadCases(roles('unitAdmin'))).toBe(true);
    expect(canReadCases(roles('student'))).toBe(false);
  });
});
