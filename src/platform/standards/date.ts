// Calendar dates written 'YYYY-MM-DD' (GB/T 7408): a real date, not just the shape (2026-13-01 and
// 2025-02-30 are refused). Pure: shared by the server's schemas and the web.
import { z } from 'zod';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** true for a real calendar date written 'YYYY-MM-DD'. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A query or body field holding such a date. */
export const IsoDate = z.string().refine(isIsoDate, '日期应为有效的 YYYY-MM-DD');
