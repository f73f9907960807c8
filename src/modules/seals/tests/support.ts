// Test helpers: request contexts for made-up staff, and a seal taken through its life to `issued`.
import type { TestApp } from '../../../../test/support/app.ts';
import type { RequestContext } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import type { StaffRole } from '../../../platform/roles.ts';
import type { SealKind } from '../schema.ts';

export function staffCtx(
  roles: StaffRole[],
  departmentId: string | null,
  accountId = newId(),
): RequestContext {
  return {
    requestId: 'test',
    ip: '127.0.0.1',
    actor: {
      kind: 'staff',
      accountId,
      sessionId: newId(),
      displayName: '测试人员',
      roles,
      departmentId,
      divisionCode: '411500',
      enterpriseId: null,
      isMfaComplete: true,
      csrfToken: 'x',
    },
  };
}

export async function issuedSeal(t: TestApp, departmentId: string, kind: SealKind = 'approval') {
  const admin = staffCtx(['dept_admin'], departmentId);
  const office = staffCtx(['office_admin'], null);
  const { seals } = t.modules;
  const applied = await seals.apply(admin, { kind, reason: '测试用印', validityYears: 2 });
  await seals.review(office, applied.id, { approve: true, reason: '同意' });
  await seals.make(office, applied.id);
  await seals.file(office, applied.id);
  return seals.issue(office, applied.id);
}
