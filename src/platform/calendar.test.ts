import fc from 'fast-check';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/support/db.ts';
import {
  addWorkingDays,
  calendarWindow,
  isIsoDate,
  isWorkingDay,
  listCalendar,
  removeCalendarDay,
  seedCalendar,
  setCalendarDay,
  workingDaysBetween,
} from './calendar.ts';
import type { Database } from './db/index.ts';

describe('the working-day calendar', () => {
  let database: Database;
  beforeAll(async () => {
    database = await testDatabase();
    await seedCalendar(database.db);
  });
  afterAll(() => database.close());
  const db = () => database.db;

  it('treats the 2025 National Day / Mid-Autumn block as holidays and its make-up weekend days as workdays', async () => {
    const expected: Record<string, boolean> = {
      '2025-09-27': false, // Saturday
      '2025-09-28': true, // Sunday, 调休上班
      '2025-09-30': true,
      '2025-10-01': false,
      '2025-10-06': false, // Monday inside the block
      '2025-10-08': false,
      '2025-10-09': true,
      '2025-10-11': true, // Saturday, 调休上班
      '2025-10-12': false,
    };
    for (const [day, isWorking] of Object.entries(expected)) {
      expect([day, await isWorkingDay(db(), day)]).toEqual([day, isWorking]);
    }
  });

  it('adds working days across the 2025 National Day holiday', async () => {
    expect(await addWorkingDays(db(), '2025-09-26', 1)).toBe('2025-09-28');
    expect(await addWorkingDays(db(), '2025-09-30', 1)).toBe('2025-10-09');
    expect(await addWorkingDays(db(), '2025-09-30', 3)).toBe('2025-10-11');
    expect(await addWorkingDays(db(), '2025-09-30', 4)).toBe('2025-10-13');
    expect(await addWorkingDays(db(), '2025-09-26', 20)).toBe('2025-10-30');
  });

  it('n = 0 keeps a working day and rolls a holiday forward to the next working day', async () => {
    expect(await addWorkingDays(db(), '2025-09-30', 0)).toBe('2025-09-30');
    expect(await addWorkingDays(db(), '2025-10-01', 0)).toBe('2025-10-09');
    expect(await addWorkingDays(db(), '2025-09-27', 0)).toBe('2025-09-28');
  });

  it('refuses negative or fractional day counts and malformed dates', async () => {
    await expect(addWorkingDays(db(), '2025-09-30', -1)).rejects.toThrow(RangeError);
    await expect(addWorkingDays(db(), '2025-09-30', 1.5)).rejects.toThrow(RangeError);
    await expect(isWorkingDay(db(), '2025-02-30')).rejects.toThrow(RangeError);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
  });

  it('counts working days in (a, b] across the 2025 holiday', async () => {
    expect(await workingDaysBetween(db(), '2025-09-26', '2025-10-12')).toBe(6);
    expect(await workingDaysBetween(db(), '2025-10-01', '2025-10-08')).toBe(0);
    expect(await workingDaysBetween(db(), '2025-09-30', '2025-09-30')).toBe(0);
    expect(await workingDaysBetween(db(), '2025-10-12', '2025-09-26')).toBe(-6);
  });

  it('handles the 2026 Spring Festival with its two make-up Saturdays', async () => {
    expect(await isWorkingDay(db(), '2026-02-14')).toBe(true); // Saturday, 调休上班
    expect(await isWorkingDay(db(), '2026-02-16')).toBe(false); // 除夕 week, Monday
    expect(await isWorkingDay(db(), '2026-02-23')).toBe(false);
    expect(await isWorkingDay(db(), '2026-02-28')).toBe(true); // Saturday, 调休上班
    expect(await addWorkingDays(db(), '2026-02-13', 1)).toBe('2026-02-14');
    expect(await addWorkingDays(db(), '2026-02-13', 2)).toBe('2026-02-24');
    expect(await addWorkingDays(db(), '2026-02-13', 6)).toBe('2026-02-28');
    expect(await workingDaysBetween(db(), '2026-02-13', '2026-02-28')).toBe(6);
  });

  it('gives the official yearly totals: 2024 = 251, 2025 = 248, 2026 = 248', async () => {
    expect(await workingDaysBetween(db(), '2023-12-31', '2024-12-31')).toBe(251);
    expect(await workingDaysBetween(db(), '2024-12-31', '2025-12-31')).toBe(248);
    expect(await workingDaysBetween(db(), '2025-12-31', '2026-12-31')).toBe(248);
  });

  it('agrees with itself: counting from a date to the n-th working day after it gives n', async () => {
    const day = fc.integer({ min: 0, max: 1000 }).map((i) => new Date(Date.UTC(2024, 0, 1) + i * 86_400_000));
    await fc.assert(
      fc.asyncProperty(day, fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 60 })), async (from, n) => {
        const start = from.toISOString().slice(0, 10);
        const end = await addWorkingDays(db(), start, n);
        const counted = await workingDaysBetween(db(), start, end);
        const startIsWorking = await isWorkingDay(db(), start);
        // n = 0 on a rest day rolls forward to the next working day, which (start, end] then counts.
        expect(counted).toBe(n === 0 && !startIsWorking ? 1 : n);
        if (n === 0) expect(end === start).toBe(startIsWorking);
      }),
      { numRuns: 60 },
    );
  });

  it('a calendar window read once counts exactly as workingDaysBetween, and refuses days outside it', async () => {
    const day = fc.integer({ min: 0, max: 900 }).map((i) => new Date(Date.UTC(2024, 0, 1) + i * 86_400_000));
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    await fc.assert(
      fc.asyncProperty(fc.array(day, { minLength: 2, maxLength: 6 }), async (dates) => {
        const days = dates.map(iso);
        const window = await calendarWindow(db(), days);
        for (const a of days)
          for (const b of days)
            expect(window.workingDaysBetween(a, b)).toBe(await workingDaysBetween(db(), a, b));
      }),
      { numRuns: 30 },
    );
    const window = await calendarWindow(db(), ['2025-09-26', '2025-10-12']);
    expect(window.workingDaysBetween('2025-09-26', '2025-10-12')).toBe(6);
    expect(() => window.workingDaysBetween('2025-09-26', '2025-10-13')).toThrow(RangeError);
  });

  it('reads only the overrides of the range it needs, never the whole table', async () => {
    let rowsRead = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        rowsRead += args.result.rows.length;
        return args.result;
      },
    };
    const counted = db().withPlugin(counter);
    await workingDaysBetween(counted, '2025-09-26', '2025-10-12');
    expect(rowsRead).toBe(10); // 09-28, 10-01…10-08, 10-11
    rowsRead = 0;
    await isWorkingDay(counted, '2025-10-01');
    expect(rowsRead).toBe(1);
    rowsRead = 0;
    await addWorkingDays(counted, '2025-03-03', 5);
    expect(rowsRead).toBeLessThan(10);
  });

  it('lists a year of overrides with their names', async () => {
    const days = await listCalendar(db(), 2025);
    expect(days[0]).toEqual({ day: '2025-01-01', kind: 'holiday', name: '元旦' });
    expect(days.find((d) => d.day === '2025-10-11')).toEqual({
      day: '2025-10-11',
      kind: 'workday',
      name: '国庆节、中秋节调休上班',
    });
    expect(days.filter((d) => d.kind === 'workday')).toHaveLength(5);
  });

  it('lets an edited day override the rule, and removing it restores the Mon–Fri rule', async () => {
    const { previous } = await setCalendarDay(db(), { day: '2025-11-03', kind: 'holiday', name: '演示停工' });
    expect(previous).toBeNull();
    expect(await isWorkingDay(db(), '2025-11-03')).toBe(false);
    expect(await addWorkingDays(db(), '2025-10-31', 1)).toBe('2025-11-04');
    expect(await removeCalendarDay(db(), '2025-11-03')).toMatchObject({ kind: 'holiday' });
    expect(await isWorkingDay(db(), '2025-11-03')).toBe(true);
    expect(await removeCalendarDay(db(), '2025-11-03')).toBeNull();
  });

  it('seeds idempotently and keeps an admin edit of a seeded day', async () => {
    await setCalendarDay(db(), { day: '2025-10-08', kind: 'workday', name: '改为上班' });
    expect(await seedCalendar(db())).toBe(0);
    expect(await isWorkingDay(db(), '2025-10-08')).toBe(true);
    await setCalendarDay(db(), { day: '2025-10-08', kind: 'holiday', name: '国庆节、中秋节' });
  });
});
