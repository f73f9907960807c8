// licenses: electronic licenses (电子证照) — the type catalog, issuing when a license-yielding case
// concludes (PDF signed with the department's seal, SM2 over the canonical data, GB/T 36904
// identifier), the holder's wallet, status changes, public verification and reuse in applications
// (免提交, 用证授权). Owns schema `licenses`. Calls audit, org, catalog, cases, and the seals, files and
// notify ports wired in app.ts.
import type { RequestContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import type { OutboxEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/access.ts';
import * as baseRecords from './base-records.ts';
import type { LicensesDeps } from './deps.ts';
import * as issuing from './issue.ts';
import * as reuse from './reuse.ts';
import type { LicenseStatus, LicenseTypeUpdate, StatusChangeBody } from './schema.ts';
import * as types from './types.ts';
import * as verifying from './verify.ts';
import * as wallet from './wallet.ts';

export type { LicenseRecord } from './base-records.ts';
export type { FilesPort, LicensesDeps, NotifyPort, SealsPort } from './deps.ts';
export { buildLicenseIdentifier, mod3736CheckChar, parseLicenseIdentifier } from './identifier.ts';
export type { UseRequest } from './reuse.ts';
export { licensesRoutes } from './routes.ts';
export type { LicenseView } from './schema.ts';

export function createLicenses(deps: LicensesDeps) {
  return {
    // ── issuing ──
    /** Event handlers for the outbox dispatcher. */
    handlers: {
      'case.conclude': [(event: OutboxEvent, tx: Tx) => issuing.onCaseConcluded(deps, event, tx)],
    },
    /** Issues the licenses of queued concluded cases; returns how many. */
    issuePending: (limit?: number) => issuing.issuePending(deps, limit),

    // ── types ──
    listTypes: () => types.listTypes(deps),
    updateType: (ctx: RequestContext, id: string, input: LicenseTypeUpdate) =>
      types.updateType(deps, ctx, id, input),
    seedDemo: () => types.seedLicenseTypes(deps),

    // ── holder and department ──
    wallet: (actor: Actor, typeName?: string) => wallet.wallet(deps, actor, typeName),
    detail: (actor: Actor, id: string) => wallet.detail(deps, actor, id),
    pdf: (actor: Actor, id: string) => wallet.pdfOf(deps, actor, id),
    departmentLicenses: (actor: Actor, query: { status?: LicenseStatus; page: number }) =>
      wallet.departmentLicenses(deps, actor, query),
    changeStatus: (ctx: RequestContext, id: string, input: StatusChangeBody) =>
      wallet.changeStatus(deps, ctx, id, input),

    // ── verification ──
    verify: (ctx: RequestContext, identifier: string) => verifying.verifyIdentifier(deps, ctx, identifier),
    verifyPdf: (ctx: RequestContext, pdf: Uint8Array) => verifying.verifyPdf(deps, ctx, pdf),

    // ── for sharing's 电子证照 base database (基础库): plain holder codes, never for a response ──
    licenseRecords: (q: { ids?: string[] | null; after?: string | null; limit?: number }) =>
      baseRecords.licenseRecords(deps, q),

    // ── reuse in applications (the cases port) ──
    authorizeUse: (tx: Tx, input: reuse.UseRequest) => reuse.authorizeUse(deps, tx, input),
    usedInCaseFor: async (actor: Actor, caseId: string) =>
      actor.departmentId ? reuse.usedInCase(deps, caseId, actor.departmentId) : [],
  };
}
export type LicensesModule = ReturnType<typeof createLicenses>;
