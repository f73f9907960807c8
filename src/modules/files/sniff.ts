// What an upload really is, from its bytes alone (the client's name and Content-Type are never
// trusted): file-type reads the magic numbers of PDF, JPEG and PNG; OFD (GB/T 33190) is a zip whose
// root holds OFD.xml, found in the zip's central directory without inflating anything, so a zip
// bomb costs nothing to inspect.
import type { FileHandle } from 'node:fs/promises';
import { fileTypeFromBuffer } from 'file-type';
import type { AllowedMediaType } from './schema.ts';

/** How many leading bytes the sniffer needs (file-type reads at most 4,100 for these types). */
export const SNIFF_BYTES = 4100;

const BY_EXTENSION: Record<string, AllowedMediaType> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  apng: 'image/png',
};

const ZIP_LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
/** An OFD package is small; more entries or inflated bytes than this is not a document. */
const MAX_ZIP_ENTRIES = 10_000;
const MAX_ZIP_INFLATED = 512 * 1024 * 1024;

/** The allowed type the content proves, or null when it is anything else. */
export async function sniffMediaType(
  head: Buffer,
  file: FileHandle,
  size: number,
): Promise<AllowedMediaType | null> {
  if (head.subarray(0, 4).equals(ZIP_LOCAL))
    return (await isOfdPackage(file, size)) ? 'application/ofd' : null;
  const found = await fileTypeFromBuffer(head.subarray(0, SNIFF_BYTES));
  return (found && BY_EXTENSION[found.ext]) ?? null;
}

/** A well-formed zip whose central directory names `OFD.xml` at its root, within sane bounds. */
export async function isOfdPackage(file: FileHandle, size: number): Promise<boolean> {
  const directory = await readCentralDirectory(file, size);
  if (!directory) return false;
  let hasRoot = false;
  let inflated = 0;
  let offset = 0;
  for (let i = 0; i < directory.count; i++) {
    const buf = directory.bytes;
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== CENTRAL) return false;
    const uncompressed = buf.readUInt32LE(offset + 24);
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    if (uncompressed === 0xffffffff) return false; // zip64 entries: no OFD needs them
    inflated += uncompressed;
    if (inflated > MAX_ZIP_INFLATED) return false;
    const name = buf.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (name === 'OFD.xml') hasRoot = true;
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return hasRoot;
}

/** The end-of-central-directory record (searched in the last 64 KiB + 22 bytes) and what it points to. */
async function readCentralDirectory(file: FileHandle, size: number) {
  const tailLength = Math.min(size, 65_557);
  const tail = Buffer.alloc(tailLength);
  await file.read(tail, 0, tailLength, size - tailLength);
  for (let at = tailLength - 22; at >= 0; at--) {
    if (tail.readUInt32LE(at) !== EOCD) continue;
    const count = tail.readUInt16LE(at + 10);
    const length = tail.readUInt32LE(at + 12);
    const start = tail.readUInt32LE(at + 16);
    if (count === 0 || count > MAX_ZIP_ENTRIES || start + length > size - tailLength + at) return null;
    const bytes = Buffer.alloc(length);
    await file.read(bytes, 0, length, start);
    return { count, bytes };
  }
  return null;
}
