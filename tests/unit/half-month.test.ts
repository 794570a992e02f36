import { halfMonthStart, nextHalfMonth } from '../../shared/domain/half-month';

const shanghai = (iso: string) => Date.parse(`${iso}+08:00`);

describe('half months on the campus calendar', () => {
  it.each([
    ['2026-11-22T10:00:00', '2026-11-16T00:00:00'],
    ['2026-11-16T00:00:00', '2026-11-16T00:00:00'],
    ['2026-11-15T23:59:59', '2026-11-01T00:00:00'],
    // 07:00 in Shanghai on the 1st is still the 30th in UTC.
    ['2026-12-01T07:00:00', '2026-12-01T00:00:00'],
  ])('%s is in the half month from %s', (at, start) => {
    expect(halfMonthStart(shanghai(at))).toBe(shanghai(start));
  });

  it('steps to the 16th, then to the 1st of the next month, across a year', () => {
    expect(nextHalfMonth(shanghai('2026-12-01T00:00:00'))).toBe(shanghai('2026-12-16T00:00:00'));
    expect(nextHalfMonth(shanghai('2026-12-16T00:00:00'))).toBe(shanghai('2027-01-01T00:00:00'));
    expect(nextHalfMonth(shanghai('2027-02-16T00:00:00'))).toBe(shanghai('2027-03-01T00:00:00'));
  });
});
