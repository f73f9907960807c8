// Rows to the shapes that leave the module. No key material is ever copied into a view.
import { sm2PublicKeyPem } from './keys.ts';
import type { SealPublicView, SealView } from './schema.ts';
import type * as store from './store.ts';

/** A seal as anyone may see it: who holds it, what it is, whether it still counts. */
export type SealPublicInfo = {
  id: string;
  departmentId: string;
  departmentName: string;
  name: string;
  kind: store.SealRow['kind'];
  code: string;
  state: store.SealRow['state'];
  validFrom: Date | null;
  validTo: Date | null;
  lostAt: Date | null;
  destroyedAt: Date | null;
};

/** What a signing module needs to show and use the seal (public parts only). */
export type SealInfo = SealPublicInfo & {
  imagePng: Uint8Array;
  imageSvg: string;
  certificatePem: string;
  sm2PublicKeyPem: string;
};

export const toPublicInfo = (r: store.SealListRow | store.SealRow): SealPublicInfo => ({
  id: r.id,
  departmentId: r.department_id,
  departmentName: r.department_name,
  name: r.name,
  kind: r.kind,
  code: r.code,
  state: r.state,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  lostAt: r.lost_at,
  destroyedAt: r.destroyed_at,
});

export function toSealInfo(r: store.SealRow): SealInfo | null {
  if (!r.image_png || !r.image_svg || !r.certificate_pem || !r.sm2_public_key) return null;
  return {
    ...toPublicInfo(r),
    imagePng: r.image_png,
    imageSvg: r.image_svg,
    certificatePem: r.certificate_pem,
    sm2PublicKeyPem: sm2PublicKeyPem(r.sm2_public_key),
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toPublicView(r: store.SealListRow | store.SealRow): SealPublicView {
  const info = toPublicInfo(r);
  return {
    ...info,
    validFrom: iso(info.validFrom),
    validTo: iso(info.validTo),
    lostAt: iso(info.lostAt),
    destroyedAt: iso(info.destroyedAt),
  };
}

export const toView = (
  r: store.SealRow,
  steps: store.StepRow[],
  authorizations: store.AuthorizationRow[],
): SealView => ({
  ...toPublicView(r),
  reason: r.reason,
  validityYears: r.validity_years,
  certificateSerial: r.certificate_serial,
  hasImage: r.image_png !== null,
  createdAt: r.created_at.toISOString(),
  steps: steps.map((s) => ({
    action: s.action,
    fromState: s.from_state,
    toState: s.to_state,
    actorName: s.actor_name,
    note: s.note,
    at: s.at.toISOString(),
  })),
  authorizations: authorizations.map((a) => ({
    id: a.id,
    accountId: a.account_id,
    until: a.until.toISOString(),
    grantedAt: a.granted_at.toISOString(),
    revokedAt: iso(a.revoked_at),
  })),
});
