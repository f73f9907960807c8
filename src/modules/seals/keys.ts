// The key material of seals: SM2 pairs for data signatures (sm-crypto-v2; Node's crypto cannot do SM2),
// RSA-2048 pairs and X.509 certificates for PDF signatures (node-forge cannot do EC keys, and PDF
// readers verify RSA everywhere). Subjects and issuers are ASCII: a Chinese DN breaks verification
// through forge's encoding; the Chinese names live in the seal image and the signature fields.
import { createPublicKey, generateKeyPair, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';
import { sm2 } from 'sm-crypto-v2';

/** GB/T 32918 default signer id (the same as openssl's `-sigopt distid:1234567812345678`). */
export const SM2_USER_ID = '1234567812345678';
const SM2_SPKI_PREFIX = '3059301306072a8648ce3d020106082a811ccf5501822d034200';

export type Sm2KeyPair = { publicKey: string; privateKey: string };

export const generateSm2KeyPair = (): Sm2KeyPair => sm2.generateKeyPairHex();

/** SM2-with-SM3 over the data (Z value with the default user id), DER-encoded, as hex. */
export const sm2Sign = (data: Uint8Array, privateKeyHex: string): string =>
  sm2.doSignature(data, privateKeyHex, { hash: true, der: true });

export function sm2Verify(data: Uint8Array, signatureHex: string, publicKeyHex: string): boolean {
  if (!/^[0-9a-f]+$/i.test(signatureHex) || signatureHex.length > 400) return false;
  try {
    return sm2.doVerifySignature(data, signatureHex.toLowerCase(), publicKeyHex, { hash: true, der: true });
  } catch {
    return false;
  }
}

/** The `04‖x‖y` public key as an SPKI PEM that openssl reads. */
export function sm2PublicKeyPem(publicKeyHex: string): string {
  const der = Buffer.from(SM2_SPKI_PREFIX + publicKeyHex, 'hex');
  return createPublicKey({ key: der, format: 'der', type: 'spki' })
    .export({ type: 'spki', format: 'pem' })
    .toString();
}

const generateRsa = promisify(generateKeyPair);

/** An RSA-2048 pair as PEM (PKCS#1 private, SPKI public); generated off the main thread. */
export async function generateRsaKeyPair(): Promise<{ privateKeyPem: string; publicKeyPem: string }> {
  const { privateKey, publicKey } = await generateRsa('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

/** A positive 128-bit serial, hex, lower case. */
export function newSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01;
  return bytes.toString('hex');
}

export type Issuer = { certificate: forge.pki.Certificate; privateKeyPem: string };

export type CertificateRequest = {
  subject: Array<{ shortName: string; value: string }>;
  publicKeyPem: string;
  serial: string;
  notBefore: Date;
  notAfter: Date;
  isCa: boolean;
  /** null: self-signed with `selfKeyPem` */
  issuer: Issuer | null;
  selfKeyPem?: string;
};

/** Builds and signs (SHA-256) one X.509 v3 certificate; returns its PEM. */
export function issueCertificate(request: CertificateRequest): string {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(request.publicKeyPem);
  cert.serialNumber = request.serial;
  cert.validity.notBefore = request.notBefore;
  cert.validity.notAfter = request.notAfter;
  cert.setSubject(request.subject);
  cert.setIssuer(request.issuer ? request.issuer.certificate.subject.attributes : request.subject);
  const keyUsage = request.isCa
    ? { name: 'keyUsage', critical: true, keyCertSign: true, cRLSign: true }
    : { name: 'keyUsage', critical: true, digitalSignature: true, nonRepudiation: true };
  const extensions: object[] = [
    { name: 'basicConstraints', critical: true, cA: request.isCa },
    keyUsage,
    { name: 'subjectKeyIdentifier' },
  ];
  if (request.issuer) {
    extensions.push({
      name: 'authorityKeyIdentifier',
      keyIdentifier: request.issuer.certificate.generateSubjectKeyIdentifier().getBytes(),
    });
  }
  cert.setExtensions(extensions);
  const signingKeyPem = request.issuer ? request.issuer.privateKeyPem : request.selfKeyPem;
  if (!signingKeyPem) throw new Error('a self-signed certificate needs its own key');
  cert.sign(forge.pki.privateKeyFromPem(signingKeyPem), forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

/** Hex serial of a PEM certificate, lower case without leading zeros beyond forge's form. */
export const serialOf = (pem: string): string => forge.pki.certificateFromPem(pem).serialNumber.toLowerCase();
