// The CJK font embedded in generated PDFs (notices, licenses) and drawn into seal images. Only TrueType
// outlines work: woff/woff2 webfonts embed as blank glyphs and CFF-based OpenType CJK fonts (Noto CJK)
// give files poppler calls invalid. YIWANG_PDF_FONT names one (.ttf, or a .ttc whose first face is
// used); otherwise the first Debian font below that exists. Nothing usable → the caller's 503 error,
// whose detail names the package to install (the paths go to the log only).
import { existsSync, readFileSync } from 'node:fs';
import fontkit, { type Font } from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';
import type { AppError } from './errors.ts';

/** Searched in order when YIWANG_PDF_FONT is unset; each comment names the Debian package. */
export const DEFAULT_FONT_PATHS: readonly string[] = [
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', // fonts-wqy-microhei
  '/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf', // fonts-arphic-gbsn00lp
];

const INSTALL_HINT =
  '请在服务器上安装 Debian 软件包 fonts-wqy-microhei（apt-get install fonts-wqy-microhei），' +
  '或用环境变量 YIWANG_PDF_FONT 指定一个 TrueType 中文字体文件（.ttf 或 .ttc）。';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

export type PdfFont = {
  bytes: Uint8Array;
  /** hands pdf-lib the first face of a collection (pdf-lib cannot subset a .ttc itself) */
  fontkit: Fontkit;
  postscriptName: string;
};

const cache = new Map<string, PdfFont | string>();

/** The configured font, or the first default that is usable; throws `missing(detail)` when none is. */
export function loadPdfFont(configured: string | undefined, missing: (detail: string) => AppError): PdfFont {
  const paths = configured ? [configured] : DEFAULT_FONT_PATHS;
  const problems: string[] = [];
  for (const path of paths) {
    const found = cache.get(path) ?? readFont(path);
    cache.set(path, found);
    if (typeof found !== 'string') return found;
    problems.push(`${path}: ${found}`);
  }
  const detail = configured
    ? `YIWANG_PDF_FONT 所指的字体不可用（须为含中文字形的 TrueType 字体）。${INSTALL_HINT}`
    : `未找到中文字体。${INSTALL_HINT}`;
  const error = missing(detail);
  // the server log gets the paths and what was wrong with each; the response body never names a path
  error.message = `${error.message} [${problems.join('; ')}]`;
  throw error;
}

/** A usable font, or why the file cannot be used. Missing files are looked for again next time. */
function readFont(path: string): PdfFont | string {
  if (!existsSync(path)) {
    cache.delete(path);
    return '文件不存在';
  }
  const bytes = new Uint8Array(readFileSync(path));
  if (!isTrueType(bytes)) return '不是 TrueType 字体';
  let face: Font;
  try {
    face = firstFace(fontkit.create(bytes));
  } catch {
    return '无法解析';
  }
  if (!face.hasGlyphForCodePoint(0x53d7) || !face.hasGlyphForCodePoint(0x4e66)) return '不含中文字形'; // 受, 书
  const postscriptName = face.postscriptName ?? 'CJKFont';
  return {
    bytes,
    postscriptName,
    // the parsed face is reused: parsing a CJK collection took longer than drawing a whole document
    fontkit: { create: (data: Uint8Array) => (data === bytes ? face : firstFace(fontkit.create(data))) },
  };
}

/** fontkit returns a collection for a .ttc; its type only knows single fonts. */
function firstFace(created: Font): Font {
  const collection = created as Font & { fonts?: Font[] };
  return collection.fonts?.[0] ?? created;
}

/** sfnt version 1.0 or 'true' (TrueType outlines); for a collection, that of its first face. */
function isTrueType(bytes: Uint8Array): boolean {
  if (bytes.length < 16) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => view.getUint32(at);
  const TTCF = 0x74746366;
  const offset = tag(0) === TTCF ? tag(12) : 0;
  if (offset + 4 > bytes.length) return false;
  return tag(offset) === 0x00010000 || tag(offset) === 0x74727565; // 'true'
}
