// The life of a seal: 申请 → 审核 → 制作 → 备案 → 发放 → 挂失 / 销毁, plus 授权. Each verb checks who may act,
// locks the seal, checks its state, writes the row, a step, an outbox event and the audit entry (last)
// in one transaction.
import type { RequestContext } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { emit } from '../../../platform/events.ts';
import { newId } from '../../../platform/ids.ts';
import { ensureAuthority } from '../authority.ts';
import type { SealsDeps } from '../deps.ts';
import { sealsErrors } from '../errors.ts';
import { canAdminister, canReportLost, canView, isOfficeAdmin } from '../policy.ts';
import { produceSeal } from '../production.ts';
import {
  type ApplyInput,
  SEAL_KIND_CODES,
  SEAL_KIND_LABELS,
  type SealState,
  type SealView,
} from '../schema.ts';
import * as store from '../store.ts';
import { toView } from '../views.ts';

type Change = {
  action: string;
  from: SealState[];
  to: SealState;
  note?: string;
  patch?: Partial<store.SealRow>;
  summary?: Record<string, unknown>;
};

/** Locks the seal the actor may see (else 404), checks its state, applies the change in `tx`. */
async function change(
  deps: SealsDeps,
  tx: Tx,
  ctx: RequestContext,
  sealId: string,
  allowed: (seal: store.SealRow) => boolean,
  step: Change,
): Promise<store.SealRow> {
  const seal = await store.getSeal(tx, sealId, { lock: true });
  if (!seal || !canView(ctx.actor, seal)) throw sealsErrors.notFound();
  if (!allowed(seal)) throw sealsErrors.forbidden();
  if (!step.from.includes(seal.state)) {
    throw sealsErrors.wrongState(`印章当前为 ${seal.state}，不能执行 ${step.action}`);
  }
  const now = deps.clock.now();
  await store.updateSeal(tx, seal.id, { ...step.patch, state: step.to, updated_at: now });
  await recordStep(deps, tx, ctx, seal, step, now);
  return { ...seal, ...step.patch, state: step.to, updated_at: now };
}

async function recordStep(
  deps: SealsDeps,
  tx: Tx,
  ctx: RequestContext,
  seal: Pick<store.SealRow, 'id' | 'state' | 'department_id' | 'code'>,
  step: Change,
  at: Date,
  fromState: SealState | null = seal.state,
) {
  await store.insertStep(tx, {
    id: newId(),
    seal_id: seal.id,
    action: step.action,
    from_state: fromState,
    to_state: step.to,
    actor_id: ctx.actor?.accountId ?? null,
    actor_name: ctx.actor?.displayName ?? '系统',
    note: step.note ?? '',
    at,
  });
  await emit(tx, step.action, { sealId: seal.id, departmentId: seal.department_id, state: step.to });
  await deps.audit.record(tx, ctx, {
    action: step.action,
    subjectType: 'seal',
    subjectId: seal.id,
    summary: { code: seal.code, from: fromState, to: step.to, ...step.summary },
  });
}

/** 申请: a department admin applies for a seal of its own department; the seal code is assigned now. */
export async function apply(deps: SealsDeps, ctx: RequestContext, input: ApplyInput): Promise<SealView> {
  const actor = ctx.actor;
  if (!actor?.departmentId || !actor.roles.includes('dept_admin')) throw sealsErrors.noDepartment();
  const departmentId = actor.departmentId;
  return deps.db.transaction().execute(async (tx) => {
    const department = await deps.org.getDepartment(departmentId, tx);
    if (!department) throw sealsErrors.noDepartment();
    const serial = await store.nextSerial(tx, department.divisionCode);
    const code = `${department.divisionCode}${SEAL_KIND_CODES[input.kind]}${String(serial).padStart(6, '0')}`;
    const now = deps.clock.now();
    const row: store.SealRow = {
      id: newId(),
      department_id: department.id,
      department_name: department.name,
      division_code: department.divisionCode,
      kind: input.kind,
      name: input.name ?? `${department.name}${SEAL_KIND_LABELS[input.kind]}`,
      code,
      state: 'applied',
      reason: input.reason,
      validity_years: input.validityYears,
      ...emptyMaterial,
      applied_by: actor.accountId,
      created_at: now,
      updated_at: now,
    };
    await store.insertSeal(tx, row);
    await recordStep(
      deps,
      tx,
      ctx,
      row,
      { action: 'seal.apply', from: [], to: 'applied', note: input.reason },
      now,
      null,
    );
    return toView(row, await store.listSteps(tx, row.id), []);
  });
}

export const emptyMaterial = {
  valid_from: null,
  valid_to: null,
  sm2_public_key: null,
  sm2_private_key_enc: null,
  rsa_private_key_enc: null,
  certificate_pem: null,
  certificate_serial: null,
  image_svg: null,
  image_png: null,
  made_at: null,
  issued_at: null,
  lost_at: null,
  destroyed_at: null,
} satisfies Partial<store.SealRow>;

const office = (ctx: RequestContext) => () => isOfficeAdmin(ctx.actor);

async function withView(tx: Tx, seal: store.SealRow): Promise<SealView> {
  return toView(seal, await store.listSteps(tx, seal.id), await store.listAuthorizations(tx, seal.id));
}

/** 审核: the service office approves or rejects, with a reason. */
export const review = (
  deps: SealsDeps,
  ctx: RequestContext,
  id: string,
  input: { approve: boolean; reason: string },
) =>
  deps.db.transaction().execute(async (tx) => {
    const seal = await change(deps, tx, ctx, id, office(ctx), {
      action: input.approve ? 'seal.approve' : 'seal.reject',
      from: ['applied'],
      to: input.approve ? 'approved' : 'rejected',
      note: input.reason,
    });
    return withView(tx, seal);
  });

/** 制作: keys, certificate and image for an approved seal; the CA is created first if needed. */
export async function make(deps: SealsDeps, ctx: RequestContext, id: string): Promise<SealView> {
  const found = await store.getSeal(deps.db, id);
  if (!found || !canView(ctx.actor, found)) throw sealsErrors.notFound();
  if (!isOfficeAdmin(ctx.actor)) throw sealsErrors.forbidden();
  if (found.state !== 'approved') throw sealsErrors.wrongState(`印章当前为 ${found.state}，不能制作`);
  const department = await deps.org.getDepartment(found.department_id);
  const authority = await ensureAuthority(deps, deps.db);
  const now = deps.clock.now();
  const made = await produceSeal(
    { cipher: deps.cipher, fontPath: deps.config.pdfFontPath },
    authority,
    {
      code: found.code,
      kind: found.kind,
      departmentName: found.department_name,
      departmentCode: department?.uscc ?? found.division_code,
      validityYears: found.validity_years,
    },
    now,
  );
  return deps.db.transaction().execute(async (tx) => {
    const seal = await change(deps, tx, ctx, id, office(ctx), {
      action: 'seal.make',
      from: ['approved'],
      to: 'made',
      patch: { ...made, made_at: now },
      summary: { certificateSerial: made.certificate_serial, validTo: made.valid_to.toISOString() },
    });
    return withView(tx, seal);
  });
}

/** 备案 and 发放: office steps with an optional note. */
export const file = (deps: SealsDeps, ctx: RequestContext, id: string, note?: string) =>
  deps.db.transaction().execute(async (tx) =>
    withView(
      tx,
      await change(deps, tx, ctx, id, office(ctx), {
        action: 'seal.file',
        from: ['made'],
        to: 'filed',
        note,
      }),
    ),
  );

export const issue = (deps: SealsDeps, ctx: RequestContext, id: string, note?: string) =>
  deps.db.transaction().execute(async (tx) => {
    const patch = { issued_at: deps.clock.now() };
    const seal = await change(deps, tx, ctx, id, office(ctx), {
      action: 'seal.issue',
      from: ['filed'],
      to: 'issued',
      note,
      patch,
    });
    return withView(tx, seal);
  });

/** 挂失: stops signing at once; signatures dated at or after lost_at no longer verify. */
export const reportLost = (deps: SealsDeps, ctx: RequestContext, id: string, reason: string) =>
  deps.db.transaction().execute(async (tx) => {
    const patch = { lost_at: deps.clock.now() };
    const seal = await change(deps, tx, ctx, id, (s) => canReportLost(ctx.actor, s), {
      action: 'seal.report_lost',
      from: ['made', 'filed', 'issued'],
      to: 'lost',
      note: reason,
      patch,
    });
    return withView(tx, seal);
  });

/** 销毁: the office destroys a seal (any state but destroyed); its keys are wiped from the row. */
export const destroy = (deps: SealsDeps, ctx: RequestContext, id: string, reason: string) =>
  deps.db.transaction().execute(async (tx) => {
    const patch = { destroyed_at: deps.clock.now(), sm2_private_key_enc: null, rsa_private_key_enc: null };
    const seal = await change(deps, tx, ctx, id, office(ctx), {
      action: 'seal.destroy',
      from: ['applied', 'approved', 'rejected', 'made', 'filed', 'issued', 'lost'],
      to: 'destroyed',
      note: reason,
      patch,
    });
    return withView(tx, seal);
  });

/** 授权: a department admin lets a member of its department sign with the seal until a date. */
export async function authorize(
  deps: SealsDeps,
  ctx: RequestContext,
  id: string,
  input: { accountId: string; until: string },
): Promise<SealView> {
  // the account's department comes through identity on the pool, so it is checked before the transaction
  const visible = await store.getSeal(deps.db, id);
  if (!visible || !canView(ctx.actor, visible)) throw sealsErrors.notFound();
  if (!canAdminister(ctx.actor, visible)) throw sealsErrors.forbidden();
  if (deps.staffDepartmentOf) {
    const department = await deps.staffDepartmentOf(input.accountId);
    if (!department || department !== visible.department_id) throw sealsErrors.badAccount();
  }
  return deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now();
    const seal = await store.getSeal(tx, id, { lock: true });
    if (!seal || !canView(ctx.actor, seal)) throw sealsErrors.notFound();
    if (!canAdminister(ctx.actor, seal)) throw sealsErrors.forbidden();
    if (['rejected', 'lost', 'destroyed'].includes(seal.state)) throw sealsErrors.wrongState();
    const until = new Date(input.until);
    if (until <= now) throw sealsErrors.badAccount('授权截止时间须晚于当前时间');
    const authId = newId();
    await store.insertAuthorization(tx, {
      id: authId,
      seal_id: seal.id,
      account_id: input.accountId,
      until,
      granted_by: ctx.actor?.accountId ?? null,
      granted_at: now,
      revoked_at: null,
    });
    await emit(tx, 'seal.authorize', {
      sealId: seal.id,
      authorizationId: authId,
      accountId: input.accountId,
    });
    await deps.audit.record(tx, ctx, {
      action: 'seal.authorize',
      subjectType: 'seal',
      subjectId: seal.id,
      summary: { authorizationId: authId, accountId: input.accountId, until: until.toISOString() },
    });
    return withView(tx, seal);
  });
}

export const revokeAuthorization = (deps: SealsDeps, ctx: RequestContext, id: string, authId: string) =>
  deps.db.transaction().execute(async (tx) => {
    const seal = await store.getSeal(tx, id, { lock: true });
    if (!seal || !canView(ctx.actor, seal)) throw sealsErrors.notFound();
    if (!canAdminister(ctx.actor, seal)) throw sealsErrors.forbidden();
    if (!(await store.revokeAuthorization(tx, seal.id, authId, deps.clock.now()))) {
      throw sealsErrors.authorizationNotFound();
    }
    await emit(tx, 'seal.revoke_authorization', { sealId: seal.id, authorizationId: authId });
    await deps.audit.record(tx, ctx, {
      action: 'seal.revoke_authorization',
      subjectType: 'seal',
      subjectId: seal.id,
      summary: { authorizationId: authId },
    });
    return withView(tx, seal);
  });

// ── reads ──

/** The office sees all seals (filtered); everybody else the seals of their own department. */
export async function list(
  deps: SealsDeps,
  ctx: RequestContext,
  filter: { state?: SealState; departmentId?: string },
) {
  const actor = ctx.actor;
  if (!isOfficeAdmin(actor)) {
    if (!actor?.departmentId) return [];
    if (filter.departmentId && filter.departmentId !== actor.departmentId) return [];
    return store.listSeals(deps.db, { ...filter, departmentId: actor.departmentId });
  }
  return store.listSeals(deps.db, filter);
}

export async function get(deps: SealsDeps, ctx: RequestContext, id: string): Promise<SealView> {
  const seal = await store.getSeal(deps.db, id);
  if (!seal || !canView(ctx.actor, seal)) throw sealsErrors.notFound();
  return toView(seal, await store.listSteps(deps.db, id), await store.listAuthorizations(deps.db, id));
}

export async function image(deps: SealsDeps, ctx: RequestContext, id: string) {
  const seal = await store.getSeal(deps.db, id);
  if (!seal || !canView(ctx.actor, seal)) throw sealsErrors.notFound();
  if (!seal.image_png || !seal.image_svg) throw sealsErrors.wrongState('印章尚未制作');
  return { png: seal.image_png, svg: seal.image_svg };
}
