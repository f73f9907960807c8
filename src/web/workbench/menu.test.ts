import { describe, expect, it } from 'vitest';
import { menuFor } from './menu.ts';

describe('workbench menu follows the staff roles', () => {
  it('gives the system admin the admin pages and not the audit log (三员分立)', () => {
    const keys = menuFor(['sys_admin']).map((m) => m.key);
    expect(keys).toEqual(['home', 'departments', 'halls', 'staff', 'calendar', 'security']);
  });
  it('gives the auditor the audit log only', () => {
    expect(menuFor(['auditor']).map((m) => m.key)).toEqual(['home', 'audit', 'security']);
  });
  it('gives the department admin and the service office the Excel list page (import is the admin’s)', () => {
    expect(menuFor(['dept_admin']).map((m) => m.key)).toEqual([
      'home',
      'dept-cases',
      'licenses',
      'items',
      'item-excel',
      'seals',
      'reassign',
      'processes',
      'dept-orders',
      'dept-warnings',
      'performance',
      'ratings',
      'security',
    ]);
    expect(menuFor(['office_admin']).map((m) => m.key)).toEqual([
      'home',
      'item-review',
      'item-excel',
      'license-types',
      'seals',
      'cockpit',
      'performance',
      'ratings',
      'rating-appeals',
      'sharing-quality',
      'security',
    ]);
  });
  it('gives a clerk who also reviews both work queues and the department’s cases', () => {
    expect(menuFor(['window_clerk', 'reviewer']).map((m) => m.key)).toEqual([
      'home',
      'intake',
      'review',
      'dept-cases',
      'licenses',
      'security',
    ]);
  });
  it('gives the supervisor the console, the orders and the rules, each with a page', () => {
    const entries = menuFor(['supervisor']);
    expect(entries.map((m) => m.key).filter((k) => k.startsWith('supervision'))).toEqual([
      'supervision',
      'supervision-orders',
      'supervision-rules',
    ]);
    expect(entries.every((m) => m.path !== null)).toBe(true);
  });
  it('gives the head the review inbox, the department’s cases and licenses, with a page behind each', () => {
    const entries = menuFor(['dept_head']);
    expect(entries.map((m) => m.key)).toEqual([
      'home',
      'review',
      'dept-cases',
      'licenses',
      'dept-orders',
      'dept-warnings',
      'performance',
      'ratings',
      'security',
    ]);
    expect(entries.every((m) => m.path !== null)).toBe(true);
  });
});
