// PDF signatures (adbe.pkcs7.detached, SHA-256, RSA) and their verification.
// Signing takes an UNSIGNED PDF (as pdf-lib saves it), adds an invisible signature field with the
// placeholder on page 1 (reason, location, name, contact), saves it without object streams and fills
// the placeholder with a CMS SignedData made by the seal's RSA key and certificate (+ the issuing CA).
// Verification parses the last /ByteRange and /Contents itself: the range must cover the whole file
// except the hex hole, the signed attributes' messageDigest must equal SHA-256 of the range, and the
// RSA signature over the signed attributes must verify with the embedded signer certificate.
import { constants, createHash, createPrivateKey, verify as cryptoVerify, privateEncrypt } from 'node:crypto';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import forge from 'node-forge';
import { PDFDocument } from 'pdf-lib';

/** SHA-256 DigestInfo prefix (RFC 8017 §9.2): with the hash, what PKCS#1 v1.5 signs. */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * forge builds the CMS structure; the RSA operation itself runs in Node's crypto (OpenSSL) — forge's
 * pure-JS RSA was most of the cost of issuing a license. forge calls `key.sign(md)` on the digest of
 * the signed attributes.
 */
function nodeRsaKey(privateKeyPem: string) {
  const key = createPrivateKey(privateKeyPem);
  return {
    sign: (md: forge.md.MessageDigest) =>
      privateEncrypt(
        { key, padding: constants.RSA_PKCS1_PADDING },
        Buffer.concat([SHA256_DIGEST_INFO, Buffer.from(md.digest().getBytes(), 'binary')]),
      ).toString('binary'),
  };
}

class SealSigner extends Signer {
  readonly #key: ReturnType<typeof nodeRsaKey>;
  readonly #chain: forge.pki.Certificate[];
  constructor(privateKeyPem: string, chain: forge.pki.Certificate[]) {
    super();
    this.#key = nodeRsaKey(privateKeyPem);
    this.#chain = chain;
  }
  override async sign(pdf: Buffer, signingTime?: Date): Promise<Buffer> {
    const [signer] = this.#chain;
    if (!signer) throw new Error('seals: no signing certificate');
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdf.toString('binary'));
    for (const cert of this.#chain) p7.addCertificate(cert);
    p7.addSigner({
      key: this.#key as unknown as forge.pki.rsa.PrivateKey,
      certificate: signer,
      digestAlgorithm: forge.pki.oids.sha256 as string,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType as string, value: forge.pki.oids.data as string },
        {
          type: forge.pki.oids.signingTime as string,
          value: (signingTime ?? new Date()) as unknown as string,
        },
        { type: forge.pki.oids.messageDigest as string },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}

export type PdfSignInput = {
  pdf: Uint8Array;
  reason: string;
  location: string;
  name: string;
  contactInfo: string;
  signingTime: Date;
  privateKeyPem: string;
  certificatePem: string;
  chainPems: string[];
};

/** Adds the placeholder on page 1 and signs; throws on a PDF pdf-lib cannot load. */
export async function signPdfBytes(input: PdfSignInput): Promise<Uint8Array> {
  const doc = await PDFDocument.load(input.pdf);
  const page = doc.getPages()[0];
  if (!page) throw new Error('PDF has no page');
  pdflibAddPlaceholder({
    pdfPage: page,
    reason: pdfTextLiteral(input.reason),
    contactInfo: pdfTextLiteral(input.contactInfo),
    name: pdfTextLiteral(input.name),
    location: pdfTextLiteral(input.location),
    signingTime: input.signingTime,
    signatureLength: 8192,
  });
  const unsigned = Buffer.from(await doc.save({ useObjectStreams: false }));
  const chain = [input.certificatePem, ...input.chainPems].map((pem) => forge.pki.certificateFromPem(pem));
  const signed = await new SignPdf().sign(
    unsigned,
    new SealSigner(input.privateKeyPem, chain),
    input.signingTime,
  );
  return new Uint8Array(signed);
}

/**
 * The placeholder writes each string as a PDF literal string of the characters' low bytes, unescaped,
 * which mangles Chinese (and a stray parenthesis breaks the dictionary). Hand it the text already as
 * a PDF text string: UTF-16BE with a byte-order mark, with ( ) \ CR LF escaped, one byte per char.
 */
export function pdfTextLiteral(text: string): string {
  const utf16 = Buffer.from(`\ufeff${text}`, 'utf16le').swap16();
  const escapes: Record<number, string> = { 40: '\\(', 41: '\\)', 92: '\\\\', 13: '\\r', 10: '\\n' };
  return [...utf16].map((byte) => escapes[byte] ?? String.fromCharCode(byte)).join('');
}

export type ParsedSignature = {
  isIntact: boolean;
  isSignatureValid: boolean;
  signer: forge.pki.Certificate | null;
  signedAt: Date | null;
  problem: null | 'modified' | 'bad-signature';
};

const latin1 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/** The last signature's byte range and contents, or null when the file has none. */
export function findLastSignature(pdf: Uint8Array): { range: number[]; contentsHex: string } | null {
  const text = latin1(pdf);
  const matches = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = matches.at(-1);
  if (!last) return null;
  const range = last.slice(1, 5).map(Number);
  const [a, b, c] = range as [number, number, number, number];
  const hole = text.slice(a + b, c);
  const hex = /^<([0-9a-fA-F]*)>$/.exec(hole)?.[1] ?? '';
  return { range, contentsHex: hex };
}

/** Checks the last signature of `pdf` against its own embedded certificate (trust is checked later). */
export function checkPdfSignature(
  pdf: Uint8Array,
  found: { range: number[]; contentsHex: string },
): ParsedSignature {
  const [a, b, c, d] = found.range as [number, number, number, number];
  const covers = a === 0 && b > 0 && c > b && c + d === pdf.length && found.contentsHex.length === c - b - 2;
  const none = { signer: null, signedAt: null };
  if (!covers) return { isIntact: false, isSignatureValid: false, ...none, problem: 'modified' };
  const digest = createHash('sha256')
    .update(pdf.subarray(a, a + b))
    .update(pdf.subarray(c, c + d))
    .digest();
  let parsed: ReturnType<typeof parseCms>;
  try {
    parsed = parseCms(Buffer.from(found.contentsHex, 'hex'));
  } catch {
    return { isIntact: false, isSignatureValid: false, ...none, problem: 'bad-signature' };
  }
  const isIntact = parsed.messageDigest !== null && digest.equals(parsed.messageDigest);
  const isSignatureValid =
    parsed.signer !== null &&
    cryptoVerify(
      'sha256',
      parsed.signedAttributesDer,
      forge.pki.publicKeyToPem(parsed.signer.publicKey),
      parsed.signature,
    );
  return {
    isIntact,
    isSignatureValid,
    signer: parsed.signer,
    signedAt: parsed.signingTime,
    problem: !isIntact ? 'modified' : !isSignatureValid ? 'bad-signature' : null,
  };
}

type Asn1 = forge.asn1.Asn1;
const kids = (node: Asn1 | undefined): Asn1[] => (Array.isArray(node?.value) ? (node.value as Asn1[]) : []);
const bytesOf = (node: Asn1 | undefined): string => (typeof node?.value === 'string' ? node.value : '');

/** The pieces of a CMS SignedData (RFC 5652) needed to verify its first signer. */
function parseCms(der: Buffer) {
  const content = forge.asn1.fromDer(
    forge.util.createBuffer(der.toString('binary')),
    // forge's types know only the old boolean; the object form lets the zero padding follow the DER
    { parseAllBytes: false } as unknown as boolean,
  );
  const signedData = kids(kids(content)[1])[0];
  const parts = kids(signedData);
  const certificates = parts
    .filter((p) => p.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && p.type === 0)
    .flatMap((p) => kids(p).map((c) => forge.pki.certificateFromAsn1(c)));
  const signerInfo = kids(parts.at(-1))[0];
  const [, sid, , signedAttrs, , signatureNode] = kids(signerInfo);
  const serial = forge.util.bytesToHex(bytesOf(kids(sid)[1])).replace(/^0+/, '');
  const signer = certificates.find((cert) => cert.serialNumber.replace(/^0+/, '') === serial) ?? null;
  let messageDigest: Buffer | null = null;
  let signingTime: Date | null = null;
  for (const attribute of kids(signedAttrs)) {
    const [type, values] = kids(attribute);
    const oid = forge.asn1.derToOid(bytesOf(type));
    const value = kids(values)[0];
    if (oid === forge.pki.oids.messageDigest) messageDigest = Buffer.from(bytesOf(value), 'binary');
    if (oid === forge.pki.oids.signingTime) {
      signingTime =
        value?.type === forge.asn1.Type.UTCTIME
          ? forge.asn1.utcTimeToDate(bytesOf(value))
          : forge.asn1.generalizedTimeToDate(bytesOf(value));
    }
  }
  if (!signedAttrs) throw new Error('no signed attributes');
  // the signature covers the attributes DER-encoded as a SET (tag 0x31), not as the [0] they sit in
  const asSet = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, kids(signedAttrs));
  return {
    signer,
    messageDigest,
    signingTime,
    signedAttributesDer: Buffer.from(forge.asn1.toDer(asSet).getBytes(), 'binary'),
    signature: Buffer.from(bytesOf(signatureNode), 'binary'),
  };
}
