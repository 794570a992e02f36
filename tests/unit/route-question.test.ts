import { routeQuestion, UnroutableError } from '../../shared/domain/route-question';
import { ancestorsOf, collegeOf, type UnitNode } from '../../shared/domain/organisation';

const units: UnitNode[] = [
  { id: 'school', kind: 'school', parentId: null },
  { id: 'cs', kind: 'college', parentId: 'school' },
  { id: 'cs-2301', kind: 'branch', parentId: 'cs' },
  { id: 'logistics', kind: 'department', parentId: null },
];

describe('routeQuestion (首接负责)', () => {
  it("sends a question to the category's owning unit first", () => {
    expect(routeQuestion({ category: { id: 'dorm', ownerUnitId: 'logistics' }, collegeId: 'cs', units })).toEqual({
      unitId: 'logistics',
      reason: 'category',
    });
  });

  it("falls back to the asker's college committee when the category has no owner", () => {
    expect(routeQuestion({ category: { id: 'study', ownerUnitId: null }, collegeId: 'cs', units })).toEqual({ unitId: 'cs', reason: 'college' });
  });

  it('ignores an owner that no longer exists rather than routing into the void', () => {
    expect(routeQuestion({ category: { id: 'x', ownerUnitId: 'closed-office' }, collegeId: 'cs', units })).toEqual({ unitId: 'cs', reason: 'college' });
  });

  it("sends what cannot be routed to the school committee's triage pool (兜底)", () => {
    expect(routeQuestion({ category: undefined, collegeId: null, units })).toEqual({ unitId: 'school', reason: 'triage' });
    expect(routeQuestion({ category: { id: 'x', ownerUnitId: null }, collegeId: 'unknown', units })).toEqual({ unitId: 'school', reason: 'triage' });
    // A branch or department is not a college committee.
    expect(routeQuestion({ category: undefined, collegeId: 'cs-2301', units })).toEqual({ unitId: 'school', reason: 'triage' });
  });

  it('fails loudly when no school committee is configured', () => {
    expect(() => routeQuestion({ category: undefined, collegeId: null, units: units.slice(1) })).toThrow(UnroutableError);
  });
});

describe('the unit tree', () => {
  it('walks from a branch up to the school', () => {
    expect(ancestorsOf('cs-2301', units).map((u) => u.id)).toEqual(['cs-2301', 'cs', 'school']);
    expect(collegeOf('cs-2301', units)?.id).toBe('cs');
    expect(collegeOf('logistics', units)).toBeUndefined();
  });

  it('stops on a cycle instead of looping forever', () => {
    const cyclic: UnitNode[] = [
      { id: 'a', kind: 'college', parentId: 'b' },
      { id: 'b', kind: 'branch', parentId: 'a' },
    ];
    expect(ancestorsOf('a', cyclic).map((u) => u.id)).toEqual(['a', 'b']);
  });
});
