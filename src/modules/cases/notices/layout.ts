// A small flowing layout on A4 portrait for the notices: lines and justified paragraphs, bordered
// tables whose rows wrap and move whole to the next page, and a footer with page numbers. Units are
// PDF points (1/72 in); y runs from the bottom of the page up.
import { type Color, type PDFDocument, type PDFFont, type PDFPage, rgb, setCharacterSpacing } from 'pdf-lib';
import { wrapText } from './wrap.ts';

export const A4: [number, number] = [595.28, 841.89];
export const MARGIN = { left: 76, right: 76, top: 60, bottom: 72 };
export const CONTENT_WIDTH = A4[0] - MARGIN.left - MARGIN.right;
export const INK = rgb(0.1, 0.1, 0.1);
export const GREY = rgb(0.42, 0.42, 0.42);
const RULE = rgb(0.55, 0.55, 0.55);
const SHADE = rgb(0.94, 0.94, 0.94);

export type TextStyle = { size: number; color?: Color };
export type ParagraphStyle = TextStyle & { indent?: number; lineHeight?: number };
export type Column = { title: string; width: number; isCentred?: boolean };

export class Sheet {
  readonly doc: PDFDocument;
  readonly font: PDFFont;
  readonly pages: PDFPage[] = [];
  page: PDFPage;
  /** the top of the space still free on the current page */
  y = 0;
  /** a small grey line at the top of every page after the first */
  continuation = '';

  constructor(doc: PDFDocument, font: PDFFont) {
    this.doc = doc;
    this.font = font;
    this.page = this.addPage();
  }

  addPage(): PDFPage {
    this.page = this.doc.addPage(A4);
    this.pages.push(this.page);
    this.y = A4[1] - MARGIN.top;
    if (this.continuation) this.line(this.continuation, { size: 9, color: GREY }, 24);
    return this.page;
  }

  /** Starts a new page unless `height` still fits above the bottom margin. */
  ensure(height: number) {
    if (this.y - height < MARGIN.bottom) this.addPage();
  }

  gap(height: number) {
    this.y -= height;
  }

  width(text: string, size: number) {
    return this.font.widthOfTextAtSize(text, size);
  }

  /** One line of text whose glyphs sit centred in a box of `lineHeight` below the cursor. */
  line(text: string, style: TextStyle & { align?: 'left' | 'center' | 'right'; x?: number }, lineHeight = 0) {
    const height = lineHeight || style.size * 1.6;
    this.ensure(height);
    const w = this.width(text, style.size);
    const left = style.x ?? MARGIN.left;
    const x =
      style.align === 'center' ? (A4[0] - w) / 2 : style.align === 'right' ? A4[0] - MARGIN.right - w : left;
    this.draw(text, x, this.baseline(this.y, height, style.size), style);
    this.y -= height;
  }

  /** The height `paragraph` would take. */
  paragraphHeight(text: string, style: ParagraphStyle) {
    return this.paragraphLines(text, style).length * (style.lineHeight ?? style.size * 1.85);
  }

  /** A paragraph: first line indented by `indent` glyphs, full lines justified to both margins. */
  paragraph(text: string, style: ParagraphStyle) {
    const size = style.size;
    const lineHeight = style.lineHeight ?? size * 1.85;
    for (const l of this.paragraphLines(text, style)) {
      this.ensure(lineHeight);
      const chars = [...l.text].length;
      const stretch = l.isBroken && chars > 1 ? (l.max - l.width) / (chars - 1) : 0;
      // a line cut short by a long number or address stays ragged rather than letter-spaced
      const spacing = stretch > size * 0.12 ? 0 : stretch;
      this.draw(l.text, l.x, this.baseline(this.y, lineHeight, size), style, spacing);
      this.y -= lineHeight;
    }
  }

  private paragraphLines(text: string, style: ParagraphStyle) {
    const size = style.size;
    const indent = (style.indent ?? 2) * size;
    const measure = (s: string) => this.width(s, size);
    const first = wrapText(text, CONTENT_WIDTH - indent, measure)[0];
    const rest = first ? text.slice(first.text.length) : '';
    const lines = [
      ...(first ? [{ ...first, x: MARGIN.left + indent, max: CONTENT_WIDTH - indent }] : []),
      ...(rest
        ? wrapText(rest, CONTENT_WIDTH, measure).map((l) => ({ ...l, x: MARGIN.left, max: CONTENT_WIDTH }))
        : []),
    ];
    return lines;
  }

  /** A bordered table (label columns shaded with `shadeLabels`: the 1st, 3rd, …); the header row is shaded and repeated when rows continue on a new page. */
  table(columns: Column[], rows: string[][], style: TextStyle & { shadeLabels?: boolean }) {
    const size = style.size;
    const pad = 5;
    const lineHeight = size * 1.55;
    // a row with fewer cells than columns: its last cell spans the columns left
    const layoutRow = (cells: string[]) => {
      const widths = cells.map((_, i) =>
        i < cells.length - 1
          ? (columns[i]?.width ?? 0)
          : columns.slice(i).reduce((sum, c) => sum + c.width, 0),
      );
      const wrapped = cells.map((text, i) =>
        wrapText(text, (widths[i] ?? 0) - 2 * pad, (s) => this.width(s, size)),
      );
      const height = Math.max(...wrapped.map((w) => w.length)) * lineHeight + 2 * pad;
      return { widths, wrapped, height };
    };
    const header = columns.some((c) => c.title) ? layoutRow(columns.map((c) => c.title)) : null;
    const drawRow = (row: ReturnType<typeof layoutRow>, isHeader: boolean) => {
      let x = MARGIN.left;
      const top = this.y;
      row.widths.forEach((width, i) => {
        const isShaded = isHeader || (style.shadeLabels === true && i % 2 === 0);
        const box = { x, y: top - row.height, width, height: row.height };
        this.page.drawRectangle({
          ...box,
          borderColor: RULE,
          borderWidth: 0.6,
          color: isShaded ? SHADE : undefined,
        });
        (row.wrapped[i] ?? []).forEach((l, n) => {
          const lineTop = top - pad - n * lineHeight;
          const isCentred =
            isHeader || (columns[i]?.isCentred === true && row.widths.length === columns.length);
          const left = isCentred ? x + (width - l.width) / 2 : x + pad;
          this.draw(l.text, left, this.baseline(lineTop, lineHeight, size), style);
        });
        x += width;
      });
      this.y -= row.height;
    };
    if (header) {
      this.ensure(header.height + lineHeight * 2 + 2 * pad);
      drawRow(header, true);
    }
    for (const cells of rows) {
      const row = layoutRow(cells);
      if (this.y - row.height < MARGIN.bottom) {
        this.addPage();
        if (header) drawRow(header, true);
      }
      drawRow(row, false);
    }
  }

  hrule(y: number, color: Color, thickness: number) {
    this.page.drawLine({
      start: { x: MARGIN.left, y },
      end: { x: A4[0] - MARGIN.right, y },
      thickness,
      color,
    });
  }

  /** The footer on every page: a hairline, a note on the left, "第 n 页 共 m 页" on the right. */
  footer(note: string) {
    const size = 8;
    const total = this.pages.length;
    this.pages.forEach((page, i) => {
      const y = MARGIN.bottom - 38;
      page.drawLine({
        start: { x: MARGIN.left, y: y + 14 },
        end: { x: A4[0] - MARGIN.right, y: y + 14 },
        thickness: 0.4,
        color: RULE,
      });
      page.drawText(note, { x: MARGIN.left, y, size, font: this.font, color: GREY });
      const count = `第 ${i + 1} 页 共 ${total} 页`;
      const w = this.width(count, size);
      page.drawText(count, { x: A4[0] - MARGIN.right - w, y, size, font: this.font, color: GREY });
    });
  }

  /** The baseline that centres CJK glyphs (which sit about 0.38 em above it) in a line box. */
  baseline(top: number, lineHeight: number, size: number) {
    return top - lineHeight / 2 - size * 0.36;
  }

  draw(text: string, x: number, y: number, style: TextStyle, spacing = 0) {
    if (spacing !== 0) this.page.pushOperators(setCharacterSpacing(spacing));
    this.page.drawText(text, { x, y, size: style.size, font: this.font, color: style.color ?? INK });
    if (spacing !== 0) this.page.pushOperators(setCharacterSpacing(0));
  }
}
