// Demo seals: every city-level department (信阳市, division 411500) gets an issued 行政审批专用章, so the
// licenses the demo issues carry a real seal. County departments get none (29 RSA keys already take
// about a second). Ids are derived from the department, so a second run adds nothing; keys are made
// outside the transaction, in parallel, and only for departments that still lack their seal.
import { createHash } from 'node:crypto';
import { type RequestContext, systemContext } from '../../platform/context.ts';
import { emit } from '../../platform/events.ts';
import { newId } from '../../platform/ids.ts';
import { ensureAuthority } from './authority.ts';
import type { SealsDeps } from './deps.ts';
import { produceSeal } from './production.ts';
import { SEAL_KIND_CODES, SEAL_KIND_LABELS } from './schema.ts';
import * as store from './store.ts';
import { emptyMaterial } from './use-cases/lifecycle.ts';

export const DEMO_DIVISION = '411500';

/** A stable UUID (version 8 layout) for the demo seal of a department. */
export function demoSealId(departmentId: string): string {
  const h = createHash('sha256').update(`yiwang:seals:demo:${departmentId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Demo seal codes use serials from 900001 in the department order, apart from applied seals' serials. */
const DEMO_SERIAL_BASE = 900_001;

export async function seedDemoSeals(
  deps: SealsDeps,
  ctx: RequestContext = systemContext('seed'),
): Promise<number> {
  const departments = (await deps.org.listDepartments(DEMO_DIVISION)).filter(
    (d) => d.divisionCode === DEMO_DIVISION,
  );
  const missing: Array<{ department: (typeof departments)[number]; code: string }> = [];
  for (const [i, d] of departments.entries()) {
    if (await store.getSeal(deps.db, demoSealId(d.id))) continue;
    missing.push({
      department: d,
      code: `${DEMO_DIVISION}${SEAL_KIND_CODES.approval}${DEMO_SERIAL_BASE + i}`,
    });
  }
  if (missing.length === 0) return 0;
  const authority = await ensureAuthority(deps, deps.db);
  const now = deps.clock.now();
  const made = await Promise.all(
    missing.map(({ department, code }) =>
      produceSeal(
        { cipher: deps.cipher, fontPath: deps.config.pdfFontPath },
        authority,
        {
          code,
          kind: 'approval',
          departmentName: department.name,
          departmentCode: department.uscc,
          validityYears: 5,
        },
        now,
      ),
    ),
  );
  return deps.db.transaction().execute(async (tx) => {
    let added = 0;
    for (const [i, { department, code }] of missing.entries()) {
      const material = made[i];
      if (!material) continue;
      const row: store.SealRow = {
        ...emptyMaterial,
        ...material,
        id: demoSealId(department.id),
        department_id: department.id,
        department_name: department.name,
        division_code: DEMO_DIVISION,
        kind: 'approval',
        name: `${department.name}${SEAL_KIND_LABELS.approval}`,
        code,
        state: 'issued',
        reason: '演示数据：办理结果（电子证照）用印',
        validity_years: 5,
        applied_by: null,
        made_at: now,
        issued_at: now,
        created_at: now,
        updated_at: now,
      };
      if (!(await store.insertSealIfAbsent(tx, row))) continue;
      await store.insertStep(tx, {
        id: newId(),
        seal_id: row.id,
        action: 'seal.seed',
        from_state: null,
        to_state: 'issued',
        actor_id: null,
        actor_name: '系统',
        note: '演示数据（申请、审核、制作、备案、发放一次完成）',
        at: now,
      });
      await emit(tx, 'seal.issue', { sealId: row.id, departmentId: row.department_id, state: 'issued' });
      added++;
    }
    if (added > 0) {
      await deps.audit.record(tx, ctx, {
        action: 'seal.seed',
        subjectType: 'seal',
        summary: { added, division: DEMO_DIVISION },
      });
    }
    return added;
  });
}
