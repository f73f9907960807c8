// A zip-bomb guard for uploaded .xlsx files (an .xlsx is a zip archive). Before exceljs inflates
// anything, the central directory is read and the archive refused when it declares too many entries,
// more than UNPACKED_LIMIT bytes in all, or an absurd compression ratio; then every entry is inflated
// once with an output cap of the size it declared, so an archive that lies about its sizes is refused
// too (JSZip, under exceljs, trusts the declared sizes). Pure: bytes in, verdict out.
import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';

/** The most an upload may unpack to, all entries together. */
export const UNPACKED_LIMIT = 50 * 1024 * 1024;
/** The highest compression ratio accepted, overall and for any entry over RATIO_FLOOR. */
export const RATIO_LIMIT = 100;
/** Entries smaller than this may compress as well as they like (a blank sheet compresses 200:1). */
export const RATIO_FLOOR = 1024 * 1024;
/** An .xlsx holds a few dozen parts; thousands are an attack on the parser. */
export const ENTRY_LIMIT = 2000;

export type ZipEntry = {
  name: string;
  method: number;
  compressed: number;
  unpacked: number;
  localOffset: number;
};
export type ZipVerdict =
  | { isSafe: true; entries: number; unpacked: number }
  | { isSafe: false; reason: 'not-zip' | 'too-many' | 'too-large' | 'ratio' | 'lying'; detail: string };

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;
const inflate = promisify(inflateRaw);

/** A 64-bit little-endian size; anything past 2^53 counts as infinite. */
const u64 = (b: Buffer, at: number) => {
  const v = b.readBigUInt64LE(at);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(v);
};

/** Where the central directory is and how many entries it declares; null when there is none. */
function findDirectory(b: Buffer): { offset: number; count: number } | null {
  const last = Math.max(0, b.length - 22 - 0xffff);
  for (let at = b.length - 22; at >= last; at--) {
    if (b.readUInt32LE(at) !== EOCD) continue;
    let count = b.readUInt16LE(at + 10);
    let offset = b.readUInt32LE(at + 16);
    const locator = at - 20;
    if (
      (count === 0xffff || offset === MAX32) &&
      locator >= 0 &&
      b.readUInt32LE(locator) === EOCD64_LOCATOR
    ) {
      const at64 = u64(b, locator + 8);
      if (at64 + 56 > b.length || b.readUInt32LE(at64) !== EOCD64) return null;
      count = u64(b, at64 + 32);
      offset = u64(b, at64 + 48);
    }
    return { offset, count };
  }
  return null;
}

/** The ZIP64 extra field (0x0001) replaces the 32-bit sizes and offset that read 0xFFFFFFFF. */
function applyZip64(b: Buffer, extraAt: number, extraEnd: number, e: ZipEntry): void {
  for (let at = extraAt; at + 4 <= extraEnd; ) {
    const id = b.readUInt16LE(at);
    const size = b.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      for (const key of ['unpacked', 'compressed', 'localOffset'] as const) {
        if (e[key] !== MAX32 || field + 8 > at + 4 + size) continue;
        e[key] = u64(b, field);
        field += 8;
      }
    }
    at += 4 + size;
  }
}

/** The entries the central directory declares; null when the bytes are not a readable zip. */
export function readCentralDirectory(b: Buffer): ZipEntry[] | null {
  if (b.length < 22) return null;
  const dir = findDirectory(b);
  if (!dir) return null;
  if (dir.count > ENTRY_LIMIT) return []; // judged as "too many" without reading them
  const entries: ZipEntry[] = [];
  let at = dir.offset;
  for (let i = 0; i < dir.count; i++) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== CENTRAL) return null;
    const nameLength = b.readUInt16LE(at + 28);
    const extraLength = b.readUInt16LE(at + 30);
    const commentLength = b.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      name: b.toString('utf8', at + 46, at + 46 + nameLength),
      method: b.readUInt16LE(at + 10),
      compressed: b.readUInt32LE(at + 20),
      unpacked: b.readUInt32LE(at + 24),
      localOffset: b.readUInt32LE(at + 42),
    };
    const extraAt = at + 46 + nameLength;
    applyZip64(b, extraAt, extraAt + extraLength, entry);
    entries.push(entry);
    at = extraAt + extraLength + commentLength;
  }
  return entries;
}

const mb = (n: number) => (Number.isFinite(n) ? `${(n / 1024 / 1024).toFixed(1)} MB` : '无法计量的大小');

/** The declared sizes alone: too many entries, too much in all, or a ratio no spreadsheet has. */
export function judgeDeclared(entries: ZipEntry[]): ZipVerdict {
  if (entries.length === 0 || entries.length > ENTRY_LIMIT) {
    return { isSafe: false, reason: 'too-many', detail: `压缩包应含 1–${ENTRY_LIMIT} 个文件` };
  }
  const unpacked = entries.reduce((sum, e) => sum + e.unpacked, 0);
  const compressed = entries.reduce((sum, e) => sum + e.compressed, 0);
  if (unpacked > UNPACKED_LIMIT) {
    const detail = `文件解压后共 ${mb(unpacked)}，超过 ${mb(UNPACKED_LIMIT)} 的上限`;
    return { isSafe: false, reason: 'too-large', detail };
  }
  const ratioOf = (u: number, c: number) => u / Math.max(c, 1);
  const bomb = entries.find(
    (e) => e.unpacked >= RATIO_FLOOR && ratioOf(e.unpacked, e.compressed) > RATIO_LIMIT,
  );
  const overall = unpacked >= RATIO_FLOOR ? ratioOf(unpacked, compressed) : 0;
  if (bomb || overall > RATIO_LIMIT) {
    const ratio = Math.round(bomb ? ratioOf(bomb.unpacked, bomb.compressed) : overall);
    const detail = `压缩比 ${ratio}:1 异常（上限 ${RATIO_LIMIT}:1），疑似“压缩炸弹”`;
    return { isSafe: false, reason: 'ratio', detail };
  }
  return { isSafe: true, entries: entries.length, unpacked };
}

/** Inflates one entry with its declared size as the cap; false when it holds more than it declares. */
async function keepsItsWord(b: Buffer, e: ZipEntry): Promise<boolean> {
  const at = e.localOffset;
  if (at + 30 > b.length || b.readUInt32LE(at) !== LOCAL) return false;
  const start = at + 30 + b.readUInt16LE(at + 26) + b.readUInt16LE(at + 28);
  if (start + e.compressed > b.length) return false;
  const data = b.subarray(start, start + e.compressed);
  if (e.method === 0) return e.compressed === e.unpacked;
  if (e.method !== 8) return false;
  try {
    const out = await inflate(data, { maxOutputLength: Math.max(e.unpacked, 1) });
    return out.length === e.unpacked;
  } catch {
    return false; // over the cap (ERR_BUFFER_TOO_LARGE) or corrupt
  }
}

/** The whole check: the central directory's declarations, then each entry's real size. */
export async function inspectZip(bytes: Buffer): Promise<ZipVerdict> {
  const entries = readCentralDirectory(bytes);
  if (!entries) return { isSafe: false, reason: 'not-zip', detail: '文件不是有效的 .xlsx（zip）文件' };
  const declared = judgeDeclared(entries);
  if (!declared.isSafe) return declared;
  for (const e of entries) {
    if (!(await keepsItsWord(bytes, e))) {
      const detail = `压缩包中的“${e.name.slice(0, 100)}”与其声明的大小不符或已损坏`;
      return { isSafe: false, reason: 'lying', detail };
    }
  }
  return declared;
}
