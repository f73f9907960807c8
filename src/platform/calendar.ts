// The working-day calendar (工作日). A day is a working day when it is Monday–Friday and not listed as
// a holiday (放假), or when it is listed as a make-up workday (调休上班). Only the overrides live in
// platform.calendar_day; every function reads just the overrides of the range it needs.
// Dates are Asia/Shanghai calendar dates written 'YYYY-MM-DD'. Module-free: the org module owns the
// admin routes and writes the audit entries around setCalendarDay/removeCalendarDay.
import { readFileSync } from 'node:fs';
import type { Generated } from 'kysely';
import type { Executor } from './db/index.ts';
import { isIsoDate } from './standards/date.ts';

export { isIsoDate };

export type CalendarDayKind = 'holiday' | 'workday';
export type CalendarDay = { day: string; kind: CalendarDayKind; name: string };

type CalendarTables = {
  'platform.calendar_day': { day: string; kind: CalendarDayKind; name: string; updated_at: Generated<Date> };
};
const q = (db: Executor) => db.withTables<CalendarTables>();

const DAY_MS = 86_400_000;

function toEpochDay(day: string): number {
  if (!isIsoDate(day)) throw new RangeError(`not a date (YYYY-MM-DD): ${day}`);
  return Date.parse(`${day}T00:00:00Z`) / DAY_MS;
}

const fromEpochDay = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** 1970-01-01 (epoch day 0) was a Thursday; 0 = Sunday … 6 = Saturday. */
const weekday = (epochDay: number): number => (((epochDay + 4) % 7) + 7) % 7;
const isWeekday = (epochDay: number): boolean => weekday(epochDay) >= 1 && weekday(epochDay) <= 5;

/** The overrides in [from, to] (epoch days, inclusive), keyed by epoch day. */
async function overridesIn(db: Executor, from: number, to: number): Promise<Map<number, CalendarDayKind>> {
  const rows = await q(db)
    .selectFrom('platform.calendar_day')
    .select(['day', 'kind'])
    .where('day', '>=', fromEpochDay(from))
    .where('day', '<=', fromEpochDay(to))
    .execute();
  return new Map(rows.map((r) => [toEpochDay(r.day), r.kind]));
}

const isWorking = (epochDay: number, overrides: Map<number, CalendarDayKind>): boolean => {
  const override = overrides.get(epochDay);
  return override ? override === 'workday' : isWeekday(epochDay);
};

export async function isWorkingDay(db: Executor, day: string): Promise<boolean> {
  const n = toEpochDay(day);
  return isWorking(n, await overridesIn(db, n, n));
}

/**
 * The n-th working day strictly after `fromDate` (n ≥ 1): a time limit of n working days that starts
 * on `fromDate` ends on the returned day. n = 0 returns `fromDate` itself when it is a working day,
 * otherwise the next working day (the first day the clock can run on). Negative n is refused.
 */
export async function addWorkingDays(db: Executor, fromDate: string, n: number): Promise<string> {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  const start = toEpochDay(fromDate);
  let cursor = n === 0 ? start - 1 : start;
  let remaining = Math.max(n, 1);
  // Read the overrides in windows a little longer than n working days can span; extend if needed.
  for (;;) {
    const windowEnd = cursor + Math.ceil(remaining * 1.5) + 21;
    const overrides = await overridesIn(db, cursor + 1, windowEnd);
    while (cursor < windowEnd) {
      cursor++;
      if (isWorking(cursor, overrides) && --remaining === 0) return fromEpochDay(cursor);
    }
  }
}

/** Mon–Fri in the epoch-day range (a, b], by arithmetic. */
function weekdaysAfter(a: number, b: number): number {
  const span = b - a;
  let count = Math.floor(span / 7) * 5;
  for (let d = a + Math.floor(span / 7) * 7 + 1; d <= b; d++) if (isWeekday(d)) count++;
  return count;
}

/**
 * Working days in (a, b]: from the day after `a` up to and including `b`. It answers "how many working
 * days of a limit starting on `a` have elapsed by `b`". When b is before a the count is negative.
 */
export async function workingDaysBetween(db: Executor, a: string, b: string): Promise<number> {
  const from = Math.min(toEpochDay(a), toEpochDay(b));
  const to = Math.max(toEpochDay(a), toEpochDay(b));
  return countWorking(a, b, await overridesIn(db, from + 1, to));
}

/** workingDaysBetween with the overrides of at least (min(a, b), max(a, b)] at hand. */
function countWorking(a: string, b: string, overrides: Map<number, CalendarDayKind>): number {
  const from = toEpochDay(a);
  const to = toEpochDay(b);
  if (to < from) return -countWorking(b, a, overrides);
  let count = weekdaysAfter(from, to);
  for (const [day, kind] of overrides) {
    if (day <= from || day > to) continue;
    if (kind === 'holiday' && isWeekday(day)) count--;
    if (kind === 'workday' && !isWeekday(day)) count++;
  }
  return count;
}

/** The calendar of one date range, read once, for counting the days of many cases without a query each. */
export type CalendarWindow = {
  /** workingDaysBetween for two days inside the window's range; a day outside it is a RangeError. */
  workingDaysBetween(a: string, b: string): number;
};

export async function calendarWindow(db: Executor, days: string[]): Promise<CalendarWindow> {
  const epochs = days.map(toEpochDay);
  const first = epochs.length ? Math.min(...epochs) : 0;
  const last = epochs.length ? Math.max(...epochs) : 0;
  const overrides = await overridesIn(db, first, last);
  const inside = (day: string) => {
    const n = toEpochDay(day);
    if (n < first || n > last) throw new RangeError(`${day} is outside the calendar window`);
  };
  return {
    workingDaysBetween: (a, b) => {
      inside(a);
      inside(b);
      return countWorking(a, b, overrides);
    },
  };
}

/** The overrides (holidays and make-up workdays) of one year, in date order. */
export async function listCalendar(db: Executor, year: number): Promise<CalendarDay[]> {
  return q(db)
    .selectFrom('platform.calendar_day')
    .select(['day', 'kind', 'name'])
    .where('day', '>=', `${year}-01-01`)
    .where('day', '<=', `${year}-12-31`)
    .orderBy('day')
    .execute();
}

export async function getCalendarDay(db: Executor, day: string): Promise<CalendarDay | null> {
  toEpochDay(day);
  const row = await q(db)
    .selectFrom('platform.calendar_day')
    .select(['day', 'kind', 'name'])
    .where('day', '=', day)
    .executeTakeFirst();
  return row ?? null;
}

/** Creates or replaces the override of one day; returns the previous override (null if none). */
export async function setCalendarDay(
  db: Executor,
  entry: CalendarDay,
): Promise<{ previous: CalendarDay | null; current: CalendarDay }> {
  const previous = await getCalendarDay(db, entry.day);
  await q(db)
    .insertInto('platform.calendar_day')
    .values({ day: entry.day, kind: entry.kind, name: entry.name })
    .onConflict((oc) =>
      oc.column('day').doUpdateSet({ kind: entry.kind, name: entry.name, updated_at: new Date() }),
    )
    .execute();
  return { previous, current: { day: entry.day, kind: entry.kind, name: entry.name } };
}

/** Removes the override of one day (it falls back to the Mon–Fri rule); returns what was removed. */
export async function removeCalendarDay(db: Executor, day: string): Promise<CalendarDay | null> {
  toEpochDay(day);
  const row = await q(db)
    .deleteFrom('platform.calendar_day')
    .where('day', '=', day)
    .returning(['day', 'kind', 'name'])
    .executeTakeFirst();
  return row ?? null;
}

type HolidayYear = {
  holidays: string[];
  makeupWorkdays: string[];
  periods: Array<{ name: string; from: string; to: string }>;
};

/** The official 放假/调休 days of seed/holidays-cn.json as calendar entries. */
export function officialCalendar(): CalendarDay[] {
  const file = new URL('../../seed/holidays-cn.json', import.meta.url);
  const years = JSON.parse(readFileSync(file, 'utf8')) as Record<string, HolidayYear>;
  const days: CalendarDay[] = [];
  for (const year of Object.values(years)) {
    const nearestPeriod = (day: string) => {
      const n = toEpochDay(day);
      const distance = (p: { from: string; to: string }) =>
        Math.min(Math.abs(toEpochDay(p.from) - n), Math.abs(toEpochDay(p.to) - n));
      return [...year.periods].sort((x, y) => distance(x) - distance(y))[0];
    };
    for (const day of year.holidays) {
      const period = year.periods.find((p) => p.from <= day && day <= p.to) ?? nearestPeriod(day);
      days.push({ day, kind: 'holiday', name: period?.name ?? '节假日' });
    }
    for (const day of year.makeupWorkdays) {
      days.push({ day, kind: 'workday', name: `${nearestPeriod(day)?.name ?? ''}调休上班` });
    }
  }
  return days;
}

/**
 * Loads the official holidays and make-up workdays. Idempotent: days already present (including days
 * an admin has edited) are left as they are. Returns how many days were added.
 */
export async function seedCalendar(db: Executor): Promise<number> {
  const rows = await q(db)
    .insertInto('platform.calendar_day')
    .values(officialCalendar())
    .onConflict((oc) => oc.column('day').doNothing())
    .returning('day')
    .execute();
  return rows.length;
}
