// The evaluation period: a month (default: the current month in Beijing) or from–to, both inclusive
// Beijing calendar days, turned into the UTC instants [start, end) the reads filter on.
import { isIsoDate } from '../../platform/calendar.ts';
import { shanghaiDate } from '../../platform/clock.ts';
import { performanceErrors } from './errors.ts';

export type Period = { from: string; to: string; label: string; start: Date; end: Date };

const MAX_DAYS = 366;
const DAY_MS = 86_400_000;
const startOf = (day: string) => new Date(`${day}T00:00:00+08:00`);

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

export function resolvePeriod(
  query: { month?: string | undefined; from?: string | undefined; to?: string | undefined },
  now: Date,
): Period {
  if (query.from !== undefined && query.to !== undefined) {
    const { from, to } = query;
    if (!isIsoDate(from) || !isIsoDate(to)) throw performanceErrors.badPeriod('日期不存在');
    if (from > to) throw performanceErrors.badPeriod('开始日期不能晚于结束日期');
    const start = startOf(from);
    const end = new Date(startOf(to).getTime() + DAY_MS);
    if ((end.getTime() - start.getTime()) / DAY_MS > MAX_DAYS)
      throw performanceErrors.badPeriod(`期间不能超过 ${MAX_DAYS} 天`);
    return { from, to, label: `${from} 至 ${to}`, start, end };
  }
  const month = query.month ?? shanghaiDate(now).slice(0, 7);
  const from = `${month}-01`;
  const to = lastDayOf(month);
  const [y, m] = month.split('-');
  return {
    from,
    to,
    label: `${y} 年 ${Number(m)} 月`,
    start: startOf(from),
    end: new Date(startOf(to).getTime() + DAY_MS),
  };
}
