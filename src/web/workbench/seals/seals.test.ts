import { describe, expect, it } from 'vitest';
import { actionsFor, authorizationState, canAuthorize, day } from './seals.ts';

const DEPT = '0195f0a0-0000-7000-8000-000000000001';
const OTHER = '0195f0a0-0000-7000-8000-000000000002';
const seal = (state: Parameters<typeof actionsFor>[0]['state']) => ({ state, departmentId: DEPT });

describe('seal actions follow the state and the role, as the seals routes do', () => {
  it('offers the service office its next step first, then 挂失 where allowed and 销毁', () => {
    expect(actionsFor(seal('applied'), ['office_admin'], null)).toEqual(['review', 'destroy']);
    expect(actionsFor(seal('approved'), ['office_admin'], null)).toEqual(['make', 'destroy']);
    expect(actionsFor(seal('made'), ['office_admin'], null)).toEqual(['file', 'report-lost', 'destroy']);
    expect(actionsFor(seal('filed'), ['office_admin'], null)).toEqual(['issue', 'report-lost', 'destroy']);
    expect(actionsFor(seal('issued'), ['office_admin'], null)).toEqual(['report-lost', 'destroy']);
    expect(actionsFor(seal('lost'), ['office_admin'], null)).toEqual(['destroy']);
    expect(actionsFor(seal('destroyed'), ['office_admin'], null)).toEqual([]);
  });
  it('lets the department admin report only its own department’s made, filed or issued seal lost', () => {
    expect(actionsFor(seal('issued'), ['dept_admin'], DEPT)).toEqual(['report-lost']);
    expect(actionsFor(seal('applied'), ['dept_admin'], DEPT)).toEqual([]);
    expect(actionsFor(seal('issued'), ['dept_admin'], OTHER)).toEqual([]);
    expect(actionsFor(seal('issued'), ['reviewer', 'dept_head'], DEPT)).toEqual([]);
  });
  it('lets only the own department admin authorise, and not once the seal is rejected, lost or destroyed', () => {
    expect(canAuthorize(seal('issued'), ['dept_admin'], DEPT)).toBe(true);
    expect(canAuthorize(seal('applied'), ['dept_admin'], DEPT)).toBe(true);
    expect(canAuthorize(seal('lost'), ['dept_admin'], DEPT)).toBe(false);
    expect(canAuthorize(seal('issued'), ['dept_admin'], OTHER)).toBe(false);
    expect(canAuthorize(seal('issued'), ['office_admin'], null)).toBe(false);
  });
});

describe('seal texts', () => {
  it('reads an authorisation as 有效, 已过期 or 已撤销', () => {
    const now = Date.parse('2026-11-22T00:00:00Z');
    const a = { id: 'a', accountId: 'b', grantedAt: '2026-01-01T00:00:00Z', revokedAt: null };
    expect(authorizationState({ ...a, until: '2027-01-01T00:00:00Z' }, now)).toBe('有效');
    expect(authorizationState({ ...a, until: '2026-11-21T00:00:00Z' }, now)).toBe('已过期');
    expect(
      authorizationState({ ...a, until: '2027-01-01T00:00:00Z', revokedAt: '2026-06-01T00:00:00Z' }, now),
    ).toBe('已撤销');
  });
  it('shows a timestamp as its day', () => {
    expect(day('2031-11-21T12:00:00Z')).toBe('2031-11-21');
  });
});
