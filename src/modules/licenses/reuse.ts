// 免提交 and 用证授权: in an application, a held license stands in for a material whose guide names
// its type. The cases module calls `authorizeUse` in its filing transaction (through its port): the
// license must be the applicant's own, of the named type and usable; the authorisation lets the
// department handling that case read the license until the case's time is up.
import { shanghaiDate } from '../../platform/clock.ts';
import type { Executor, Tx } from '../../platform/db/index.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import type { LicensesDeps } from './deps.ts';
import { licensesErrors } from './errors.ts';
import * as store from './store.ts';
import { toLicenseView, usabilityProblems } from './views.ts';

export type UseRequest = {
  licenseId: string;
  licenseTypeName: string;
  materialName: string;
  /** the applicant the case is filed for */
  holder: { kind: 'citizen' | 'enterprise'; accountId: string | null; enterpriseId: string | null };
  grantedBy: string;
  caseId: string;
  caseNo: string;
  departmentId: string;
};

const USE_DAYS = 180;

export async function authorizeUse(deps: LicensesDeps, tx: Tx, input: UseRequest): Promise<void> {
  const row = isUuid(input.licenseId) ? await store.getLicense(tx, input.licenseId) : undefined;
  if (!row) throw licensesErrors.notFound(`材料“${input.materialName}”所选的电子证照不存在`);
  const isOwn =
    input.holder.kind === 'enterprise'
      ? row.holder_enterprise_id !== null && row.holder_enterprise_id === input.holder.enterpriseId
      : row.holder_kind === 'citizen' &&
        row.holder_account_id !== null &&
        row.holder_account_id === input.holder.accountId;
  if (!isOwn) throw licensesErrors.notHolder(`材料“${input.materialName}”所选的电子证照不属于申请人`);
  if (row.type_name !== input.licenseTypeName) {
    throw licensesErrors.notUsable(
      `材料“${input.materialName}”需要${input.licenseTypeName}，所选的是${row.type_name}`,
    );
  }
  const now = deps.clock.now();
  const problems = usabilityProblems(row, shanghaiDate(now), null);
  if (problems.length > 0) throw licensesErrors.notUsable(`${row.type_name}不能使用：${problems.join('；')}`);
  await store.insertUse(tx, {
    id: newId(),
    license_id: row.id,
    case_id: input.caseId,
    case_no: input.caseNo,
    department_id: input.departmentId,
    material_name: input.materialName,
    granted_by: input.grantedBy,
    granted_at: now,
    valid_until: new Date(now.getTime() + USE_DAYS * 86_400_000),
  });
}

/** The licenses used in a case that `departmentId` was authorised to read (its reviewers' view). */
export async function usedInCase(
  deps: LicensesDeps,
  caseId: string,
  departmentId: string,
  db: Executor = deps.db,
) {
  const uses = (await store.usesByCase(db, caseId)).filter((u) => u.department_id === departmentId);
  const rows = await store.getMany(
    db,
    uses.map((u) => u.license_id),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return uses.flatMap((u) => {
    const row = byId.get(u.license_id);
    return row ? [{ materialName: u.material_name, license: toLicenseView(deps, row) }] : [];
  });
}
