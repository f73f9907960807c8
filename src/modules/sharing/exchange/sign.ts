// Webhook signatures over `<timestamp>.<body>`: HMAC-SHA256 with a shared secret, or Ed25519 with a
// key pair the platform generates (the subscriber gets the public key). Pure; used by the delivery job
// and, as the reference for integrators, by the tests' receivers (decision 0014).
import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  timingSafeEqual,
  verify,
} from 'node:crypto';

export type Signing = 'hmac-sha256' | 'ed25519';
export const HEADER_ID = 'yiwang-event-id';
export const HEADER_TIMESTAMP = 'yiwang-timestamp';
export const HEADER_SIGNATURE = 'yiwang-signature';

/** A new signing key: the HMAC secret, or an Ed25519 pair (private PKCS#8 PEM, public SPKI PEM). */
export function newKey(kind: Signing): { secret: string; publicKey: string | null } {
  if (kind === 'hmac-sha256') return { secret: randomBytes(32).toString('base64url'), publicKey: null };
  const pair = generateKeyPairSync('ed25519');
  return {
    secret: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** The signature header value: `v1=<hex HMAC-SHA256>` or `ed25519=<base64 signature>`. */
export function signatureOf(kind: Signing, secret: string, timestamp: string, body: string): string {
  const message = Buffer.from(`${timestamp}.${body}`, 'utf8');
  if (kind === 'hmac-sha256') return `v1=${createHmac('sha256', secret).update(message).digest('hex')}`;
  return `ed25519=${sign(null, message, createPrivateKey(secret)).toString('base64')}`;
}

/** Checks a received signature header (HMAC secret or Ed25519 public key PEM). */
export function verifySignature(
  kind: Signing,
  key: string,
  timestamp: string,
  body: string,
  header: string,
): boolean {
  const message = Buffer.from(`${timestamp}.${body}`, 'utf8');
  if (kind === 'hmac-sha256') {
    const expected = Buffer.from(`v1=${createHmac('sha256', key).update(message).digest('hex')}`);
    const given = Buffer.from(header);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
  if (!header.startsWith('ed25519=')) return false;
  try {
    return verify(null, message, createPublicKey(key), Buffer.from(header.slice(8), 'base64'));
  } catch {
    return false;
  }
}
