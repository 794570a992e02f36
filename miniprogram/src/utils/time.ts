import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

export const DISPLAY_TZ = 'Asia/Shanghai';
const SHANGHAI_OFFSET_MINUTES = 8 * 60;
const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * An instant as seen in Shanghai. The timezone plugin needs Intl time zone data,
 * which some mini-program runtimes lack; Shanghai has had no DST since 1991, so a
 * fixed +08:00 offset is an exact fallback.
 */
export function inShanghai(ms: number): Dayjs {
  try {
    return dayjs(ms).tz(DISPLAY_TZ);
  } catch {
    return dayjs(ms).utcOffset(SHANGHAI_OFFSET_MINUTES);
  }
}

/** "3月5日 14:30", with the year when it is not the current one. */
export function formatDateTime(ms: number, now: number = Date.now()): string {
  const t = inShanghai(ms);
  const sameYear = t.year() === inShanghai(now).year();
  return t.format(sameYear ? 'M月D日 HH:mm' : 'YYYY年M月D日 HH:mm');
}

/** "刚刚", "5分钟前", "3小时前", then the date. */
export function formatRelative(ms: number, now: number = Date.now()): string {
  const diff = now - ms;
  if (diff < MINUTE_MS) return '刚刚';
  if (diff < HOUR_MS) return `${Math.floor(diff / MINUTE_MS)}分钟前`;
  if (diff < DAY_MS) return `${Math.floor(diff / HOUR_MS)}小时前`;
  return formatDateTime(ms, now);
}
