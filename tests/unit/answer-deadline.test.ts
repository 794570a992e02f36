import { answerDeadline, deadlineState, HOUR_MS, timeLeft } from '../../shared/domain/answer-deadline';
import { describeTimeLeft, formatCampusTime } from '../../shared/domain/shanghai-time';

/** 2026-03-31 22:30 in Shanghai (UTC+8), as epoch ms. */
const lateOnMonthEnd = Date.UTC(2026, 2, 31, 14, 30);

describe('answerDeadline (须在24小时以内及时答复)', () => {
  it('gives 24 hours by default, crossing midnight and the month end in Shanghai time', () => {
    const deadline = answerDeadline(lateOnMonthEnd, false);
    expect(deadline - lateOnMonthEnd).toBe(24 * HOUR_MS);
    expect(formatCampusTime(lateOnMonthEnd, 'YYYY-MM-DD HH:mm')).toBe('2026-03-31 22:30');
    expect(formatCampusTime(deadline, 'YYYY-MM-DD HH:mm')).toBe('2026-04-01 22:30');
  });

  it('uses the emergency lane (2 hours) for urgent questions, whatever the category says', () => {
    expect(answerDeadline(lateOnMonthEnd, true, { answerHours: 48 }) - lateOnMonthEnd).toBe(2 * HOUR_MS);
    expect(formatCampusTime(answerDeadline(lateOnMonthEnd, true), 'MM-DD HH:mm')).toBe('04-01 00:30');
  });

  it('honours a per-category window', () => {
    expect(answerDeadline(lateOnMonthEnd, false, { answerHours: 12 }) - lateOnMonthEnd).toBe(12 * HOUR_MS);
    expect(answerDeadline(lateOnMonthEnd, false, { answerHours: null }) - lateOnMonthEnd).toBe(24 * HOUR_MS);
  });

  it('keeps the same wall-clock time across a whole year (Shanghai has no daylight saving)', () => {
    for (let month = 0; month < 12; month++) {
      const created = Date.UTC(2026, month, 15, 1, 0); // 09:00 Shanghai
      expect(formatCampusTime(answerDeadline(created, false), 'HH:mm')).toBe('09:00');
    }
  });
});

describe('deadlineState and timeLeft', () => {
  const deadline = lateOnMonthEnd + 24 * HOUR_MS;

  it('is open before the deadline and overdue after it while unanswered', () => {
    expect(deadlineState(deadline, null, deadline - 1)).toBe('open');
    expect(deadlineState(deadline, null, deadline)).toBe('open');
    expect(deadlineState(deadline, null, deadline + 1)).toBe('overdue');
    expect(timeLeft(deadline, null, deadline - 2 * HOUR_MS)).toBe(2 * HOUR_MS);
  });

  it('stops the clock at the first official answer', () => {
    expect(deadlineState(deadline, deadline - HOUR_MS, deadline + 10 * HOUR_MS)).toBe('met');
    expect(deadlineState(deadline, deadline + HOUR_MS, deadline + 10 * HOUR_MS)).toBe('missed');
    expect(timeLeft(deadline, deadline - HOUR_MS, deadline + 10 * HOUR_MS)).toBe(0);
  });

  it('describes a countdown the way a student reads it', () => {
    expect(describeTimeLeft(5 * HOUR_MS + 12 * 60_000)).toBe('剩余 5小时12分');
    expect(describeTimeLeft(-(2 * HOUR_MS + 3 * 60_000))).toBe('已超时 2小时3分');
    expect(describeTimeLeft(30 * 60_000 + 59_000)).toBe('剩余 30分钟');
    expect(describeTimeLeft(50 * HOUR_MS)).toBe('剩余 2天2小时');
  });
});
