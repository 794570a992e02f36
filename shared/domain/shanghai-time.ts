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

/** "剩余 5小时12分" / "已超时 2小时3分" — what a countdown reads. */
export function describeTimeLeft(ms: number): string {
  const overdue = ms < 0;
  const totalMinutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(totalMinutes / (24 * 60));
  const hours = Math.floor((totalMinutes % (24 * 60)) / 60);
  const minutes = totalMinutes % 60;
  const text = days > 0 ? `${days}天${hours}小时` : hours > 0 ? `${hours}小时${minutes}分` : `${minutes}分钟`;
  return overdue ? `已超时 ${text}` : `剩余 ${text}`;
}
