import {
  addTallies,
  campusDateKey,
  campusDayIndex,
  campusDayStart,
  EMPTY_TALLY,
  medianMinutes,
  medianOf,
  medianPositions,
  onTimeRate,
  parseCampusDate,
  rankPeople,
  rankUnits,
  ratesOf,
  ratio,
  resolutionRate,
  resolveDayRange,
  satisfactionRate,
  wholeMinutes,
  type QuestionTally,
} from '../../shared/domain/statistics';

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** 2026-03-05 00:00 in Asia/Shanghai is 2026-03-04 16:00 UTC. */
const MARCH_5 = Date.UTC(2026, 2, 4, 16, 0, 0);

const tally = (t: Partial<QuestionTally>): QuestionTally => ({ ...EMPTY_TALLY, ...t });

describe('the three rates', () => {
  it('on time: answered by the deadline over every question whose outcome is decided', () => {
    // 6 on time, 2 late, 1 past its deadline unanswered; 3 still inside their window count neither way.
    const t = tally({ questions: 12, answeredQuestions: 8, onTime: 6, late: 2, overdueOpen: 1, waiting: 3 });
    expect(onTimeRate(t)).toBe(0.6667);
    expect(onTimeRate(tally({ waiting: 5, questions: 5 }))).toBeNull();
    expect(onTimeRate(tally({ overdueOpen: 2, questions: 2 }))).toBe(0);
  });

  it('resolution: settled (resolved or closed) over every question asked', () => {
    expect(resolutionRate(tally({ questions: 8, settled: 5 }))).toBe(0.625);
    expect(resolutionRate(tally({ questions: 0 }))).toBeNull();
  });

  it('satisfaction: satisfied over rated; questions nobody rated count neither way', () => {
    expect(satisfactionRate(tally({ questions: 20, rated: 3, satisfied: 2 }))).toBe(0.6667);
    expect(satisfactionRate(tally({ questions: 20, rated: 0 }))).toBeNull();
  });

  it('rounds to 4 decimals and never divides by zero', () => {
    expect(ratio(1, 3)).toBe(0.3333);
    expect(ratio(2, 3)).toBe(0.6667);
    expect(ratio(0, 0)).toBeNull();
    expect(ratesOf(tally({ questions: 4, onTime: 4, settled: 1, rated: 1, satisfied: 1 }))).toEqual({ onTimeRate: 1, resolutionRate: 0.25, satisfactionRate: 1 });
  });

  it('adds groups up field by field (the school is the sum of its units)', () => {
    const a = tally({ questions: 2, onTime: 1, late: 1, answeredQuestions: 2, rated: 1, satisfied: 1 });
    const b = tally({ questions: 3, onTime: 2, overdueOpen: 1, answeredQuestions: 2, settled: 2 });
    expect(addTallies(a, b)).toEqual(tally({ questions: 5, onTime: 3, late: 1, overdueOpen: 1, answeredQuestions: 4, settled: 2, rated: 1, satisfied: 1 }));
  });
});

describe('median time to first answer', () => {
  it('is in whole minutes, rounded down, and the mean of the two middle values for an even count', () => {
    expect(wholeMinutes(59_999)).toBe(0);
    expect(wholeMinutes(2 * HOUR + 30_000)).toBe(120);
    expect(medianMinutes([3 * HOUR, 1 * HOUR, 2 * HOUR])).toBe(120);
    expect(medianMinutes([1 * HOUR, 2 * HOUR, 3 * HOUR, 4 * HOUR])).toBe(150);
    expect(medianMinutes([MINUTE, 2 * MINUTE])).toBe(1);
    expect(medianMinutes([])).toBeNull();
  });

  it('names the positions a database fetches after sorting: one for an odd count, two for an even one', () => {
    expect(medianPositions(0)).toEqual([]);
    expect(medianPositions(1)).toEqual([0]);
    expect(medianPositions(5)).toEqual([2]);
    expect(medianPositions(6)).toEqual([2, 3]);
    expect(medianOf([120, 181])).toBe(150);
  });
});

describe('campus days (Asia/Shanghai)', () => {
  it('start at 16:00 UTC, so a question at 23:59 in Beijing is still that day', () => {
    const day = campusDayIndex(MARCH_5);
    expect(campusDateKey(day)).toBe('2026-03-05');
    expect(campusDayStart(day)).toBe(MARCH_5);
    expect(campusDateKey(campusDayIndex(MARCH_5 - 1))).toBe('2026-03-04');
    expect(campusDateKey(campusDayIndex(MARCH_5 + 24 * HOUR - 1))).toBe('2026-03-05');
    expect(parseCampusDate('2026-03-05')).toBe(day);
  });

  it('refuses dates that do not exist', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026-3-5', 'yesterday']) expect(parseCampusDate(bad)).toBeNull();
  });

  it('a range is whole days, inclusive, the last 30 up to today by default, at most 366', () => {
    const now = MARCH_5 + 10 * HOUR;
    expect(resolveDayRange({}, now)).toMatchObject({ from: '2026-02-04', to: '2026-03-05', days: 30, toAt: MARCH_5 + 24 * HOUR });
    expect(resolveDayRange({ from: '2026-03-01', to: '2026-03-05' }, now)).toMatchObject({ days: 5, fromAt: MARCH_5 - 4 * 24 * HOUR, toAt: MARCH_5 + 24 * HOUR });
    expect(resolveDayRange({ from: '2026-03-06', to: '2026-03-05' }, now)).toEqual({ problem: '开始日期不能晚于结束日期' });
    expect(resolveDayRange({ from: '2024-01-01', to: '2026-03-05' }, now)).toEqual({ problem: '统计区间不能超过 366 天' });
    expect(resolveDayRange({ to: '2026-02-30' }, now)).toEqual({ problem: '结束日期不是有效的日期' });
  });
});

describe('rankings for 评优', () => {
  const unit = (id: string, s: Partial<{ onTimeRate: number | null; missed: number; satisfactionRate: number | null; resolutionRate: number | null; answers: number }>) => ({
    id,
    onTimeRate: null,
    missed: 0,
    satisfactionRate: null,
    resolutionRate: null,
    answers: 0,
    ...s,
  });

  it('ranks by on-time rate, then fewer missed deadlines, satisfaction, resolution, answers; ties share a place', () => {
    const ranked = rankUnits([
      unit('late', { onTimeRate: 0.8, answers: 30 }),
      unit('best', { onTimeRate: 1, missed: 0, satisfactionRate: 1 }),
      unit('missed', { onTimeRate: 1, missed: 2, satisfactionRate: 1 }),
      unit('tie-a', { onTimeRate: 1, satisfactionRate: 0.5, resolutionRate: 0.5, answers: 4 }),
      unit('tie-b', { onTimeRate: 1, satisfactionRate: 0.5, resolutionRate: 0.5, answers: 4 }),
      unit('unrated', { onTimeRate: 1, satisfactionRate: null, resolutionRate: 1 }),
      unit('silent', {}),
    ]);
    expect(ranked.map((r) => [r.id, r.place])).toEqual([
      ['best', 1],
      ['tie-a', 2],
      ['tie-b', 2],
      ['unrated', 4],
      ['missed', 5],
      ['late', 6],
      ['silent', null],
    ]);
  });

  it('ranks people by answers, then the on-time rate of their official answers', () => {
    const ranked = rankPeople([
      { id: 'a', answers: 3, onTimeRate: 0.5, officialAnswers: 2 },
      { id: 'b', answers: 5, onTimeRate: null, officialAnswers: 0 },
      { id: 'c', answers: 3, onTimeRate: 1, officialAnswers: 1 },
      { id: 'd', answers: 3, onTimeRate: 1, officialAnswers: 1 },
    ]);
    expect(ranked.map((r) => [r.id, r.place])).toEqual([
      ['b', 1],
      ['c', 2],
      ['d', 2],
      ['a', 4],
    ]);
  });
});
