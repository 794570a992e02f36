import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

/**
 * Instants are stored as UTC epoch ms and shown in China Standard Time. China has
 * no daylight saving, so a deadline 24 hours away is always the same wall-clock
 * time tomorrow.
 */
dayjs.extend(utc);
dayjs.extend(timezone);

export const CAMPUS_TIMEZONE = 'Asia/Shanghai';

export function formatCampusTime(at: number, pattern = 'M月D日 HH:mm'): string {
  return dayjs(at).tz(CAMPUS_TIMEZONE).locale('zh-cn').format(pattern);
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** A span, the one way the product words it: "1天3小时", "2天", "5小时12分", "3小时", "12分钟", "不到1分钟". */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE_MS) return '不到1分钟';
  const days = Math.floor(abs / DAY_MS);
  const hours = Math.floor((abs % DAY_MS) / HOUR_MS);
  const minutes = Math.floor((abs % HOUR_MS) / MINUTE_MS);
  if (days > 0) return hours > 0 ? `${days}天${hours}小时` : `${days}天`;
  if (hours > 0) return minutes > 0 ? `${hours}小时${minutes}分` : `${hours}小时`;
  return `${minutes}分钟`;
}

/** "剩余 5小时12分" / "已超时 2小时3分" — what a countdown and a reminder read. */
export function describeTimeLeft(ms: number): string {
  return ms < 0 ? `已超时 ${formatDuration(ms)}` : `剩余 ${formatDuration(ms)}`;
}
