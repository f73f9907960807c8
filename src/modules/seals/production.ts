// 制作: everything a seal needs to sign, made outside any transaction (key generation takes ~100 ms):
// an SM2 pair, an RSA-2048 pair with a certificate from the issuing CA, and the seal image.

import type { FieldCipher } from '../../platform/crypto.ts';
import type { Authority } from './authority.ts';
import { drawSealSvg, renderSealPng } from './image.ts';
import { generateRsaKeyPair, generateSm2KeyPair, issueCertificate, newSerial } from './keys.ts';
import { SEAL_KIND_LABELS, type SealKind } from './schema.ts';

const YEAR_MS = 365.25 * 24 * 3600_000;

export type SealToMake = {
  code: string;
  kind: SealKind;
  departmentName: string;
  /** the department's USCC (ASCII) for the certificate's OU */
  departmentCode: string;
  validityYears: number;
};

export type MadeSeal = {
  valid_from: Date;
  valid_to: Date;
  sm2_public_key: string;
  sm2_private_key_enc: string;
  rsa_private_key_enc: string;
  certificate_pem: string;
  certificate_serial: string;
  image_svg: string;
  image_png: Uint8Array;
};

export async function produceSeal(
  deps: { cipher: FieldCipher; fontPath: string | undefined },
  authority: Authority,
  seal: SealToMake,
  now: Date,
): Promise<MadeSeal> {
  const validTo = new Date(now.getTime() + seal.validityYears * YEAR_MS);
  const rsa = await generateRsaKeyPair();
  const sm2 = generateSm2KeyPair();
  const serial = newSerial();
  const certificatePem = issueCertificate({
    subject: [
      { shortName: 'CN', value: `Seal ${seal.code}` },
      { shortName: 'O', value: 'Yiwang' },
      { shortName: 'OU', value: seal.departmentCode.replace(/[^\x20-\x7e]/g, '') || 'department' },
      { shortName: 'C', value: 'CN' },
    ],
    publicKeyPem: rsa.publicKeyPem,
    serial,
    notBefore: now,
    notAfter: validTo,
    isCa: false,
    issuer: authority.issuing,
  });
  const svg = drawSealSvg({
    departmentName: seal.departmentName,
    label: SEAL_KIND_LABELS[seal.kind],
    code: seal.code,
    fontPath: deps.fontPath,
  });
  return {
    valid_from: now,
    valid_to: validTo,
    sm2_public_key: sm2.publicKey,
    sm2_private_key_enc: deps.cipher.encrypt(sm2.privateKey),
    rsa_private_key_enc: deps.cipher.encrypt(rsa.privateKeyPem),
    certificate_pem: certificatePem,
    certificate_serial: serial,
    image_svg: svg,
    image_png: renderSealPng(svg),
  };
}
