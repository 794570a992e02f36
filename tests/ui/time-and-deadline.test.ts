import { HOUR_MS } from '@shared/domain/answer-deadline';
import { describeCommitment, describeCountdown, sortByDeadline } from '../../miniprogram/src/utils/deadline';
import { formatDuration } from '../../shared/domain/shanghai-time';
import { formatDateTime, formatRelative } from '../../miniprogram/src/utils/time';

const NOW = Date.UTC(2026, 2, 2, 2, 0, 0); // 2026-03-02 10:00 Shanghai
const MIN = 60 * 1000;

test('times are shown in Asia/Shanghai whatever the device zone', () => {
  expect(formatDateTime(Date.UTC(2026, 2, 2, 16, 30), NOW)).toBe('3月3日 00:30');
  expect(formatDateTime(Date.UTC(2025, 11, 31, 17, 0), NOW)).toBe('1月1日 01:00');
  expect(formatDateTime(Date.UTC(2025, 11, 31, 15, 0), NOW)).toBe('2025年12月31日 23:00');
  expect(formatDateTime(Date.UTC(2025, 5, 1, 0, 0), NOW)).toBe('2025年6月1日 08:00');
});

test('relative times', () => {
  expect(formatRelative(NOW - 20 * 1000, NOW)).toBe('刚刚');
  expect(formatRelative(NOW - 5 * MIN, NOW)).toBe('5分钟前');
  expect(formatRelative(NOW - 3 * HOUR_MS, NOW)).toBe('3小时前');
  expect(formatRelative(NOW - 30 * HOUR_MS, NOW)).toBe('3月1日 04:00');
});

test('durations', () => {
  expect(formatDuration(5 * HOUR_MS + 12 * MIN)).toBe('5小时12分');
  expect(formatDuration(-2 * HOUR_MS)).toBe('2小时');
  expect(formatDuration(26 * HOUR_MS)).toBe('1天2小时');
  expect(formatDuration(12 * MIN + 59 * 1000)).toBe('12分钟');
  expect(formatDuration(30 * 1000)).toBe('不到1分钟');
});

test('countdowns: open, overdue, answered on time, answered late', () => {
  expect(describeCountdown({ deadlineAt: NOW + 5 * HOUR_MS, answeredAt: null }, NOW)).toEqual({ state: 'open', text: '剩余 5小时', tone: 'calm' });
  expect(describeCountdown({ deadlineAt: NOW + 4 * HOUR_MS - MIN, answeredAt: null }, NOW).tone).toBe('danger');
  expect(describeCountdown({ deadlineAt: NOW - 2 * HOUR_MS, answeredAt: null }, NOW)).toEqual({ state: 'overdue', text: '已超时 2小时', tone: 'danger' });
  expect(describeCountdown({ deadlineAt: NOW, answeredAt: NOW - HOUR_MS }, NOW).text).toBe('按时答复');
  expect(describeCountdown({ deadlineAt: NOW - 2 * HOUR_MS, answeredAt: NOW - HOUR_MS }, NOW).text).toBe('超时答复');
});

test('sortByDeadline puts the soonest (and overdue) first without mutating', () => {
  const items = [
    { id: 'b', deadlineAt: NOW + 2 * HOUR_MS, answeredAt: null, createdAt: 2 },
    { id: 'a', deadlineAt: NOW - HOUR_MS, answeredAt: null, createdAt: 1 },
    { id: 'c', deadlineAt: NOW + 2 * HOUR_MS, answeredAt: null, createdAt: 1 },
  ];
  expect(sortByDeadline(items).map((i) => i.id)).toEqual(['a', 'c', 'b']);
  expect(items.map((i) => i.id)).toEqual(['b', 'a', 'c']);
});

test('the promise shown after asking', () => {
  expect(describeCommitment(NOW, NOW + 24 * HOUR_MS, false)).toBe('24小时内');
  expect(describeCommitment(NOW, NOW + 2 * HOUR_MS, true)).toBe('紧急通道，2小时内');
  expect(describeCommitment(NOW, NOW + 48 * HOUR_MS, false)).toBe('48小时内');
});
