// seals: 电子印章 — the platform CA, each department's seals (申请 → 审核 → 制作 → 备案 → 发放 → 挂失 / 销毁,
// 授权), their keys (SM2 for data, RSA + X.509 for PDF), images, and signing / verification for other
// modules (licenses). Owns schema `seals`. Calls audit and org (and identity through a port).
// Private keys are stored encrypted and never leave this module. Decisions: docs/decisions/0005-seals.md.
import type { RequestContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/index.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { ensureAuthority } from './authority.ts';
import type { SealsDeps, SealsPorts } from './deps.ts';
import { sealsErrors } from './errors.ts';
import { sm2PublicKeyPem } from './keys.ts';
import type { ApplyInput, SealState } from './schema.ts';
import { seedDemoSeals } from './seed.ts';
import * as store from './store.ts';
import * as lifecycle from './use-cases/lifecycle.ts';
import * as signing from './use-cases/signing.ts';
import { toPublicView } from './views.ts';

export { sealsRoutes } from './routes.ts';
export { SEAL_KIND_LABELS, type SealKind, type SealState, type SealView } from './schema.ts';
export type { PdfVerification } from './use-cases/signing.ts';
export type { SealInfo, SealPublicInfo } from './views.ts';

export function createSeals(deps: PlatformDeps, ports: SealsPorts) {
  const d: SealsDeps = { ...ports, db: deps.db, clock: deps.clock, cipher: deps.cipher, config: deps.config };
  return {
    /** Creates the platform's root and issuing CA if missing (`serve` calls it at start; idempotent, race-safe). */
    ensureAuthority: async () => {
      await ensureAuthority(d, deps.db);
    },
    // ── for other modules (licenses): pass the transaction the signature belongs to ──
    /** The department's issued, valid seal (行政审批专用章 first, then 公章), or null. */
    signingSealOf: (db: Executor, departmentId: string) => signing.signingSealOf(d, db, departmentId),
    /**
     * Signs an UNSIGNED PDF (as pdf-lib saves it): adds the signature placeholder on page 1, saves
     * without object streams and signs with the seal's certificate. Refused unless the seal is issued,
     * of `departmentId`, inside its validity, and `ctx` may use it (system context: the platform). Audited.
     */
    signPdf: (
      tx: Executor,
      ctx: RequestContext,
      input: {
        sealId: string;
        departmentId: string;
        pdf: Uint8Array;
        reason: string;
        location: string;
        signerName?: string;
      },
    ) => signing.signPdf(d, tx, ctx, input),
    /** SM2-SM3 signature (DER hex) over `data`, same checks as signPdf. Audited. */
    signData: (
      tx: Executor,
      ctx: RequestContext,
      input: { sealId: string; departmentId: string; data: Uint8Array },
    ) => signing.signData(d, tx, ctx, input),
    /** Verifies an SM2 signature; one dated at/after the seal was lost or destroyed is invalid. */
    verifyData: (
      db: Executor,
      input: { sealId: string; data: Uint8Array; signature: string; signedAt: Date },
    ) => signing.verifyData(db, input),
    /** Verifies the last signature of a PDF: integrity, CMS signature, our CA, the seal's state. */
    verifyPdf: (db: Executor, pdf: Uint8Array) => signing.verifyPdf(db, pdf),
    sm2PublicKeyPem: (db: Executor, sealId: string) => signing.sm2PublicKeyPem(db, sealId),
    /** Every city-level demo department gets an issued 行政审批专用章; safe on every start. */
    seedDemo: () => seedDemoSeals(d),

    // ── the HTTP edge ──
    list: async (ctx: RequestContext, filter: { state?: SealState; departmentId?: string }) =>
      (await lifecycle.list(d, ctx, filter)).map(toPublicView),
    get: (ctx: RequestContext, id: string) => lifecycle.get(d, ctx, id),
    image: (ctx: RequestContext, id: string) => lifecycle.image(d, ctx, id),
    apply: (ctx: RequestContext, input: ApplyInput) => lifecycle.apply(d, ctx, input),
    review: (ctx: RequestContext, id: string, input: { approve: boolean; reason: string }) =>
      lifecycle.review(d, ctx, id, input),
    make: (ctx: RequestContext, id: string) => lifecycle.make(d, ctx, id),
    file: (ctx: RequestContext, id: string, note?: string) => lifecycle.file(d, ctx, id, note),
    issue: (ctx: RequestContext, id: string, note?: string) => lifecycle.issue(d, ctx, id, note),
    authorize: (ctx: RequestContext, id: string, input: { accountId: string; until: string }) =>
      lifecycle.authorize(d, ctx, id, input),
    revokeAuthorization: (ctx: RequestContext, id: string, authId: string) =>
      lifecycle.revokeAuthorization(d, ctx, id, authId),
    reportLost: (ctx: RequestContext, id: string, reason: string) => lifecycle.reportLost(d, ctx, id, reason),
    destroy: (ctx: RequestContext, id: string, reason: string) => lifecycle.destroy(d, ctx, id, reason),
    /** What outside verifiers need (no private material). */
    async publicKeys(id: string) {
      const seal = await store.getSeal(deps.db, id);
      if (!seal) throw sealsErrors.notFound();
      return {
        ...toPublicView(seal),
        sm2PublicKeyPem: seal.sm2_public_key ? sm2PublicKeyPem(seal.sm2_public_key) : null,
        certificatePem: seal.certificate_pem,
      };
    },
  };
}
export type SealsModule = ReturnType<typeof createSeals>;
