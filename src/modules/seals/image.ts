// The seal image (印模): a round red seal — border, the department's name along the upper arc, a
// five-pointed star, the kind under the star and the seal code small at the bottom. Chinese text is
// drawn as glyph outlines from a TrueType CJK font (YIWANG_PDF_FONT, else the Debian fonts the PDF
// notices use), so the SVG renders anywhere without the font. With no usable font the text falls back
// to <text> elements (readers then need a CJK font of their own).
import fontkit, { type Font } from '@pdf-lib/fontkit';
import { Resvg } from '@resvg/resvg-js';
import { AppError } from '../../platform/errors.ts';
import { loadPdfFont, type PdfFont } from '../../platform/pdf-font.ts';

const RED = '#d7000f';
const SIZE = 200;
const C = SIZE / 2;

const faces = new WeakMap<PdfFont, Font>();

/** The platform's CJK font face (the one PDFs embed), or null when none is installed. */
export function loadSealFont(configured: string | undefined): Font | null {
  let font: PdfFont;
  try {
    font = loadPdfFont(
      configured,
      (detail) => new AppError('SEALS_FONT_MISSING', 503, '未找到中文字体', { detail }),
    );
  } catch {
    return null;
  }
  let face = faces.get(font);
  if (!face) {
    const created = fontkit.create(font.bytes) as Font & { fonts?: Font[] };
    face = created.fonts?.[0] ?? created;
    faces.set(font, face);
  }
  return face;
}

const fmt = (n: number) => Number(n.toFixed(2));
const escapeXml = (s: string) => s.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** One character centred on (x, y), rotated by `deg`, `size` high. */
function glyph(font: Font | null, char: string, x: number, y: number, size: number, deg: number): string {
  const at = `translate(${fmt(x)} ${fmt(y)}) rotate(${fmt(deg)})`;
  if (!font) {
    return `<text transform="${at}" font-size="${size}" text-anchor="middle" dominant-baseline="central" fill="${RED}">${escapeXml(char)}</text>`;
  }
  const g = font.glyphForCodePoint(char.codePointAt(0) ?? 32);
  const scale = size / font.unitsPerEm;
  // centre the em box (ascent..descent) vertically and the advance horizontally
  const midY = (font.ascent + font.descent) / 2;
  const d = g.path.toSVG();
  if (!d) return '';
  const inner = `scale(${scale.toFixed(6)} ${(-scale).toFixed(6)}) translate(${fmt(-g.advanceWidth / 2)} ${fmt(-midY)})`;
  return `<path transform="${at} ${inner}" d="${d}"/>`;
}

/** A line of characters centred at (C, y), each `size` high, `advance` apart. */
function line(font: Font | null, text: string, y: number, size: number, advance: number): string {
  const chars = [...text];
  const start = C - ((chars.length - 1) * advance) / 2;
  return chars.map((ch, i) => glyph(font, ch, start + i * advance, y, size, 0)).join('');
}

/** The department name along the upper arc, centred on the top, reading left to right. */
function arc(font: Font | null, text: string): string {
  const chars = [...text];
  const radius = 68;
  const size = chars.length > 14 ? 19 : 23;
  const span = Math.min(250, Math.max(60, (chars.length - 1) * (chars.length > 14 ? 17 : 21)));
  const step = chars.length > 1 ? span / (chars.length - 1) : 0;
  return chars
    .map((ch, i) => {
      const deg = -span / 2 + i * step;
      const rad = (deg * Math.PI) / 180;
      return glyph(font, ch, C + radius * Math.sin(rad), C - radius * Math.cos(rad), size, deg);
    })
    .join('');
}

function star(cx: number, cy: number, outer: number): string {
  const inner = outer * 0.382;
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = (Math.PI / 5) * i - Math.PI / 2;
    points.push(`${fmt(cx + r * Math.cos(a))},${fmt(cy + r * Math.sin(a))}`);
  }
  return `<polygon points="${points.join(' ')}"/>`;
}

export type SealImageInput = { departmentName: string; label: string; code: string; fontPath?: string };

/** The seal as a self-contained SVG (200 × 200 user units; a 42 mm 公章 when printed at that size). */
export function drawSealSvg(input: SealImageInput): string {
  const font = loadSealFont(input.fontPath);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">`,
    `<title>${escapeXml(`${input.departmentName}${input.label}`)}</title>`,
    `<circle cx="${C}" cy="${C}" r="95" fill="none" stroke="${RED}" stroke-width="5"/>`,
    `<g fill="${RED}">`,
    arc(font, input.departmentName),
    star(C, C - 2, 27),
    line(font, input.label, 145, input.label.length > 6 ? 14 : 17, input.label.length > 6 ? 17 : 20),
    line(font, input.code, 172, 9, 5.6),
    '</g></svg>',
  ].join('');
}

/** The SVG rendered to a PNG `width` pixels wide (transparent background). */
export function renderSealPng(svg: string, width = 400): Uint8Array {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: true } })
    .render()
    .asPng();
  return new Uint8Array(png);
}
