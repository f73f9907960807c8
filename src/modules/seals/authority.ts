// The platform CA (平台签章证书机构): a root and an issuing certificate, created on first use. Two nodes
// may start at once: each generates keys, `insert … on conflict do nothing` lets one win, and both read
// back the winner (the issuing CA is signed by the root that was read back, never by a local loser).
// Private keys are stored encrypted with the field cipher and decrypted only in memory.
import forge from 'node-forge';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { Executor } from '../../platform/db/index.ts';
import { generateRsaKeyPair, type Issuer, issueCertificate, newSerial } from './keys.ts';
import * as store from './store.ts';

export const ROOT_SUBJECT = [
  { shortName: 'CN', value: 'Yiwang Root CA' },
  { shortName: 'O', value: 'Yiwang' },
  { shortName: 'C', value: 'CN' },
];
export const ISSUING_SUBJECT = [
  { shortName: 'CN', value: 'Yiwang Seal Issuing CA' },
  { shortName: 'O', value: 'Yiwang' },
  { shortName: 'C', value: 'CN' },
];

const YEAR_MS = 365.25 * 24 * 3600_000;
const DAY_MS = 24 * 3600_000;

export type Authority = { root: forge.pki.Certificate; issuing: Issuer };
export type AuthorityDeps = { clock: Clock; cipher: FieldCipher };

async function ensureOne(
  deps: AuthorityDeps,
  db: Executor,
  id: 'root' | 'issuing',
  make: () => Promise<{ certificatePem: string; privateKeyPem: string; serial: string }>,
): Promise<store.AuthorityRow> {
  const found = await store.getAuthority(db, id);
  if (found) return found;
  const made = await make();
  await store.insertAuthorityIfAbsent(db, {
    id,
    certificate_pem: made.certificatePem,
    private_key_enc: deps.cipher.encrypt(made.privateKeyPem),
    serial: made.serial,
    created_at: deps.clock.now(),
  });
  const won = await store.getAuthority(db, id);
  if (!won) throw new Error(`seals: the ${id} CA could not be stored`);
  return won;
}

/** The root and issuing CA, creating them when missing. Call with the pool, not inside a transaction. */
export async function ensureAuthority(deps: AuthorityDeps, db: Executor): Promise<Authority> {
  const now = deps.clock.now();
  const notBefore = new Date(now.getTime() - DAY_MS);
  const root = await ensureOne(deps, db, 'root', async () => {
    const keys = await generateRsaKeyPair();
    const serial = newSerial();
    const certificatePem = issueCertificate({
      subject: ROOT_SUBJECT,
      publicKeyPem: keys.publicKeyPem,
      serial,
      notBefore,
      notAfter: new Date(now.getTime() + 30 * YEAR_MS),
      isCa: true,
      issuer: null,
      selfKeyPem: keys.privateKeyPem,
    });
    return { certificatePem, privateKeyPem: keys.privateKeyPem, serial };
  });
  const rootIssuer: Issuer = {
    certificate: forge.pki.certificateFromPem(root.certificate_pem),
    privateKeyPem: deps.cipher.decrypt(root.private_key_enc),
  };
  const issuing = await ensureOne(deps, db, 'issuing', async () => {
    const keys = await generateRsaKeyPair();
    const serial = newSerial();
    const certificatePem = issueCertificate({
      subject: ISSUING_SUBJECT,
      publicKeyPem: keys.publicKeyPem,
      serial,
      notBefore,
      notAfter: new Date(now.getTime() + 20 * YEAR_MS),
      isCa: true,
      issuer: rootIssuer,
    });
    return { certificatePem, privateKeyPem: keys.privateKeyPem, serial };
  });
  return {
    root: rootIssuer.certificate,
    issuing: {
      certificate: forge.pki.certificateFromPem(issuing.certificate_pem),
      privateKeyPem: deps.cipher.decrypt(issuing.private_key_enc),
    },
  };
}

/** The issuing CA certificate if the CA exists yet (verification never creates it). */
export async function issuingCertificate(db: Executor): Promise<forge.pki.Certificate | null> {
  const row = await store.getAuthority(db, 'issuing');
  return row ? forge.pki.certificateFromPem(row.certificate_pem) : null;
}
