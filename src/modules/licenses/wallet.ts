// The holder's wallet (电子证照夹) and the issuing department's list and status actions
// (暂扣/撤销/注销/失效/吊销, and lifting a suspension). Every status change is audited and the holder told.
import type { RequestContext } from '../../platform/context.ts';
import { emit } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/access.ts';
import type { LicensesDeps } from './deps.ts';
import { licensesErrors } from './errors.ts';
import {
  LICENSE_STATUS_LABELS,
  type LicenseDetail,
  type LicenseStatus,
  type StatusChangeBody,
} from './schema.ts';
import * as store from './store.ts';
import { toLicenseView } from './views.ts';

const holderOf = (actor: Actor): store.HolderFilter => ({
  accountId: actor.accountId,
  enterpriseId: actor.enterpriseId,
});

function isHeldBy(row: store.LicenseRow, actor: Actor): boolean {
  if (actor.kind !== 'citizen') return false;
  return actor.enterpriseId
    ? row.holder_enterprise_id === actor.enterpriseId
    : row.holder_kind === 'citizen' && row.holder_account_id === actor.accountId;
}
const isIssuerStaff = (row: store.LicenseRow, actor: Actor) =>
  actor.kind === 'staff' && actor.departmentId === row.department_id;

export async function wallet(deps: LicensesDeps, actor: Actor, typeName?: string) {
  const rows = await store.listHeld(deps.db, holderOf(actor), typeName);
  return { items: rows.map((r) => toLicenseView(deps, r)) };
}

/** The holder or the issuing department's staff; anyone else gets 404 (existence not revealed). */
export async function readable(deps: LicensesDeps, actor: Actor, id: string) {
  const row = await store.getLicense(deps.db, id);
  if (!row || !(isHeldBy(row, actor) || isIssuerStaff(row, actor))) throw licensesErrors.notFound();
  return row;
}

export async function detail(deps: LicensesDeps, actor: Actor, id: string): Promise<LicenseDetail> {
  const row = await readable(deps, actor, id);
  const uses = await store.usesOf(deps.db, id);
  return {
    ...toLicenseView(deps, row),
    uses: uses.map((u) => ({
      id: u.id,
      caseNo: u.case_no,
      materialName: u.material_name,
      grantedAt: u.granted_at.toISOString(),
      validUntil: u.valid_until.toISOString(),
    })),
  };
}

export async function departmentLicenses(
  deps: LicensesDeps,
  actor: Actor,
  query: { status?: LicenseStatus; page: number },
) {
  if (!actor.departmentId) throw licensesErrors.forbidden('没有所属部门');
  const rows = await store.listByDepartment(deps.db, actor.departmentId, {
    status: query.status,
    limit: 50,
    offset: (query.page - 1) * 50,
  });
  return { items: rows.map((r) => toLicenseView(deps, r)) };
}

/** Which status may follow which: a suspension can be lifted; every other change is final. */
const NEXT: Record<LicenseStatus, readonly LicenseStatus[]> = {
  valid: ['suspended', 'rescinded', 'cancelled', 'expired', 'revoked'],
  suspended: ['valid', 'rescinded', 'cancelled', 'expired', 'revoked'],
  rescinded: [],
  cancelled: [],
  expired: [],
  revoked: [],
};

export async function changeStatus(
  deps: LicensesDeps,
  ctx: RequestContext,
  id: string,
  input: StatusChangeBody,
) {
  const actor = ctx.actor;
  if (actor?.kind !== 'staff') throw licensesErrors.forbidden();
  return deps.db.transaction().execute(async (tx) => {
    const row = await store.getLicense(tx, id);
    if (!row || !isIssuerStaff(row, actor)) throw licensesErrors.notFound();
    if (!NEXT[row.status].includes(input.status)) {
      throw licensesErrors.wrongStatus(
        `证照当前为“${LICENSE_STATUS_LABELS[row.status]}”，不能改为“${LICENSE_STATUS_LABELS[input.status]}”`,
      );
    }
    const now = deps.clock.now();
    await store.setStatus(tx, id, {
      status: input.status,
      status_reason: input.reason,
      status_changed_at: now,
    });
    await emit(tx, 'license.status-changed', { licenseId: id, from: row.status, to: input.status });
    if (row.holder_account_id) {
      await deps.notify.send(tx, {
        recipient: { kind: 'citizen', id: row.holder_account_id },
        kind: 'license.status',
        title: `您的${row.type_name}状态变更为“${LICENSE_STATUS_LABELS[input.status]}”`,
        body: `原因：${input.reason}`,
        link: `/mine/licenses/${id}`,
      });
    }
    await deps.audit.record(tx, ctx, {
      action: 'license.status',
      subjectType: 'license',
      subjectId: id,
      summary: { identifier: row.identifier, from: row.status, to: input.status, reason: input.reason },
    });
    return toLicenseView(deps, {
      ...row,
      status: input.status,
      status_reason: input.reason,
      status_changed_at: now,
    });
  });
}

/** The signed PDF's bytes for its holder or the issuing department. */
export async function pdfOf(deps: LicensesDeps, actor: Actor, id: string) {
  const row = await readable(deps, actor, id);
  return { name: `${row.type_name}-${row.license_no}.pdf`, bytes: await deps.files.readBytes(row.file_id) };
}
