// Original file names: kept for the user's sake, never used as a path. A name loses any folder part,
// control and bidi-override characters and characters Windows forbids, is capped in length, and ends
// in an extension that matches the sniffed type. Downloads name it through RFC 6266 / RFC 5987.
import { type AllowedMediaType, EXTENSIONS, MAX_NAME_LENGTH } from './schema.ts';

const FALLBACK = '未命名文件';
// control characters (C0, C1) and format characters (bidi overrides and isolates, zero-width, BOM)
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
const FORBIDDEN = /[<>:"|?*]/g;

/** The header value as the client sent it: percent-encoded UTF-8, or plain when it does not decode. */
export function decodeNameHeader(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function sanitizeFileName(input: string, mediaType: AllowedMediaType): string {
  const base = input.normalize('NFC').split(/[/\\]/).pop() ?? '';
  let name = base
    .replace(INVISIBLE, '')
    .replace(FORBIDDEN, '_')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (name === '') name = FALLBACK;
  const extensions = EXTENSIONS[mediaType];
  const matched = extensions.find((e) => name.toLowerCase().endsWith(e));
  // the name's own extension (its case kept) when it matches the content, else the type's first one
  const ext = matched ? name.slice(name.length - matched.length) : (extensions[0] ?? '');
  const stem = matched ? name.slice(0, name.length - matched.length) : name;
  const chars = [...stem.trim().replace(/[.\s]+$/, '')];
  const kept = chars.slice(0, MAX_NAME_LENGTH - ext.length).join('') || FALLBACK;
  return kept + ext;
}

/** `attachment` with an ASCII fallback name and the UTF-8 name in `filename*` (RFC 6266, RFC 5987). */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
