// "Now" comes only from here, so tests control time. Calendar dates are Asia/Shanghai dates.

export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved: for tests of expiry, lockout and time limits. */
export type ManualClock = Clock & { set(to: Date | string): void; advance(ms: number): void };

export function manualClock(start: Date | string = '2026-03-02T02:00:00Z'): ManualClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (to) => {
      current = new Date(to);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** The Asia/Shanghai calendar date (YYYY-MM-DD) of an instant. China has no daylight saving time. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** 2026-04-02 → 2026年4月2日 */
export function chineseDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
