// Short-lived signed download links that another module (cases) hands to a browser so a person who
// is not the uploader (a clerk, a reviewer) can fetch one file. A link names the file, the account it
// was made for and its expiry, signed with HMAC-SHA256 under a key derived from the configured field
// key. It lives at most 5 minutes, works only for that account's signed-in session, and only on
// the platform's own download route.
import { createHmac, createSecretKey, timingSafeEqual } from 'node:crypto';

export const MAX_LINK_TTL_SECONDS = 300;

export type LinkSigner = {
  sign(fileId: string, accountId: string, expires: number): string;
  isValid(fileId: string, accountId: string, expires: number, signature: string): boolean;
};

export function createLinkSigner(fieldKey: Buffer): LinkSigner {
  // a KeyObject made once: building one from raw bytes on every signature costs a little on every case view
  const key = createSecretKey(createHmac('sha256', fieldKey).update('yiwang:file-download-links').digest());
  const sign = (fileId: string, accountId: string, expires: number) =>
    createHmac('sha256', key).update(`v1\n${fileId}\n${accountId}\n${expires}`).digest('base64url');
  return {
    sign,
    isValid(fileId, accountId, expires, signature) {
      const expected = Buffer.from(sign(fileId, accountId, expires));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
