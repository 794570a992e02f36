import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

/**
 * Half months on the campus calendar (Asia/Shanghai, UTC+8 all year, no
 * daylight saving): the 1st to the 15th and the 16th to the month's end. The
 * coordinator gathers repeated questions every half month (BUCM §八.三.3), and
 * the committees are assessed on a biweekly report.
 */
dayjs.extend(utc);

const SHANGHAI_OFFSET_MINUTES = 8 * 60;

const campus = (at: number) => dayjs(at).utcOffset(SHANGHAI_OFFSET_MINUTES);

/** The start (an instant) of the half month holding `at`. */
export function halfMonthStart(at: number): number {
  const local = campus(at);
  return local.date(local.date() < 16 ? 1 : 16).startOf('day').valueOf();
}

/** The start of the half month after the one starting at `start`. */
export function nextHalfMonth(start: number): number {
  const local = campus(start);
  return (local.date() < 16 ? local.date(16) : local.add(1, 'month').date(1)).startOf('day').valueOf();
}
