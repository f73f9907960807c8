// Field encryption for personal data (ID numbers, phones): AES-256-GCM with a random IV, plus a keyed
// blind index (HMAC-SHA256) for exact-match lookups. Both keys derive from the configured field key.
import { createCipheriv, createDecipheriv, createHmac, createSecretKey, randomBytes } from 'node:crypto';

export type FieldCipher = {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** deterministic keyed hash of the normalised value, for lookups and uniqueness */
  blindIndex(plain: string): string;
};

export function createFieldCipher(fieldKey: Buffer): FieldCipher {
  // KeyObjects made once: building one from raw bytes on every call showed in the submit profile
  const encKey = createSecretKey(createHmac('sha256', fieldKey).update('yiwang:field-encryption').digest());
  const idxKey = createSecretKey(createHmac('sha256', fieldKey).update('yiwang:blind-index').digest());
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(stored) {
      if (!stored.startsWith('v1:')) throw new Error('unknown ciphertext version');
      const raw = Buffer.from(stored.slice(3), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    blindIndex(plain) {
      return createHmac('sha256', idxKey).update(plain.trim().toUpperCase()).digest('hex');
    },
  };
}

/** 411502********1234: first 6 and last 4 kept. */
export function maskIdNumber(id: string): string {
  if (id.length < 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

/** 138****5678 */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** 张*、欧阳** : the family name's first character kept. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? name : chars[0] + '*'.repeat(chars.length - 1);
}
