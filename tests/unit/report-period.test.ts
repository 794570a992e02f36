import { dueLabel, latestGenerationAtOrBefore, nextGeneration, nextGenerationAfter, periodByKey, periodEndingAt, periodLabel, previousGeneration } from '../../shared/domain/report-period';

const HOUR = 3_600_000;
/** 00:00 Asia/Shanghai on a campus date = 16:00 UTC the day before. */
const campus = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h) - 8 * HOUR;

describe('the biweekly calendar (双周报, due before the 13th and the 27th)', () => {
  it('generates at 00:00 on the 12th and the 26th, Asia/Shanghai', () => {
    expect(latestGenerationAtOrBefore(campus(2026, 3, 12))).toBe(campus(2026, 3, 12));
    expect(latestGenerationAtOrBefore(campus(2026, 3, 12) - 1)).toBe(campus(2026, 2, 26));
    expect(latestGenerationAtOrBefore(campus(2026, 3, 20, 15))).toBe(campus(2026, 3, 12));
    expect(latestGenerationAtOrBefore(campus(2026, 3, 31, 23))).toBe(campus(2026, 3, 26));
    expect(latestGenerationAtOrBefore(campus(2026, 1, 5))).toBe(campus(2025, 12, 26));
    expect(nextGenerationAfter(campus(2026, 3, 12))).toBe(campus(2026, 3, 26));
    expect(nextGenerationAfter(campus(2026, 3, 26, 9))).toBe(campus(2026, 4, 12));
    expect(nextGeneration(campus(2025, 12, 26))).toBe(campus(2026, 1, 12));
    expect(previousGeneration(campus(2026, 1, 12))).toBe(campus(2025, 12, 26));
  });

  it('covers each period since the previous generation, with no gap and no overlap, and is due a day later', () => {
    const march12 = periodEndingAt(campus(2026, 3, 12));
    expect(march12).toEqual({ key: '2026-03-12', from: campus(2026, 2, 26), to: campus(2026, 3, 12), dueAt: campus(2026, 3, 13) });
    const march26 = periodEndingAt(campus(2026, 3, 26));
    expect(march26.from).toBe(march12.to);
    expect(periodEndingAt(campus(2026, 4, 12)).from).toBe(march26.to);
    expect(periodLabel(march12)).toBe('2月26日—3月11日');
    expect(periodLabel(march26)).toBe('3月12日—3月25日');
    expect(dueLabel(march26)).toBe('3月27日');
  });

  it('names a period by the day it ends on, and knows only 12ths and 26ths', () => {
    expect(periodByKey('2026-03-12')).toEqual(periodEndingAt(campus(2026, 3, 12)));
    expect(periodByKey('2026-02-26')?.from).toBe(campus(2026, 2, 12));
    for (const bad of ['2026-03-13', '2026-3-12', '2026-13-12', 'latest']) expect(periodByKey(bad)).toBeNull();
  });

  it('walks a whole year in 24 periods', () => {
    let g = campus(2026, 1, 12);
    let covered = 0;
    for (let i = 0; i < 24; i++) {
      const p = periodEndingAt(g);
      covered += p.to - p.from;
      g = nextGeneration(g);
    }
    expect(g).toBe(campus(2027, 1, 12));
    // From the period ending on 2026-01-12 (it starts 2025-12-26) to the one ending on 2026-12-26: every day once.
    expect(covered).toBe(campus(2026, 12, 26) - campus(2025, 12, 26));
  });
});
