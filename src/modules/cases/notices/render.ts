// Draws a notice on A4 portrait: the issuing department in red over a red rule (红头), the title and
// document number with a QR code to the public progress page beside them, the particulars, the letter
// itself, and the department and date as signatory. The CJK font is embedded as a subset.
import { createHash } from 'node:crypto';
import { PDFDocument, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import type { PdfFont } from '../../../platform/pdf-font.ts';
import type { NoticeContent } from './content.ts';
import { A4, CONTENT_WIDTH, GREY, MARGIN, Sheet } from './layout.ts';

const RED = rgb(0.78, 0.08, 0.08);
const BODY = { size: 12.5, lineHeight: 22.5 };
const QR_SIZE = 60;
const CAPTION_SIZE = 7.5;
const SIGNATURE_GAP = 18;
const SIGNATURE_HEIGHT = SIGNATURE_GAP + 64;

export async function renderNotice(
  content: NoticeContent,
  font: PdfFont,
  createdAt: Date,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(font.fontkit);
  // a subset's name carries a six-letter tag (ISO 32000 9.6.4); derived from the document, so stable
  const tag = createHash('sha256')
    .update(`${content.kind}:${content.docNo}`)
    .digest()
    .subarray(0, 6)
    .reduce((s, b) => s + String.fromCharCode(65 + (b % 26)), '');
  const embedded = await doc.embedFont(font.bytes, {
    subset: true,
    customName: `${tag}+${font.postscriptName}`,
  });
  doc.setTitle(`${content.title}（${content.docNo}）`, { showInWindowTitleBar: true });
  doc.setAuthor(content.signatory);
  doc.setSubject(content.title);
  doc.setCreator('Yiwang 一网通办');
  doc.setProducer('Yiwang 一网通办 (pdf-lib)');
  doc.setLanguage('zh-CN');
  doc.setCreationDate(createdAt);
  doc.setModificationDate(createdAt);

  const sheet = new Sheet(doc, embedded);
  drawHead(sheet, content);
  sheet.continuation = `${content.title}（续）　文书编号：${content.docNo}`;
  drawParticulars(sheet, content);
  sheet.gap(14);
  sheet.line(content.salutation, { size: BODY.size }, BODY.lineHeight);
  const last = content.blocks.at(-1);
  for (const block of content.blocks) {
    if (block.kind === 'paragraph') {
      // the closing paragraph stays on the page of the signature (no page with a signature alone)
      if (block === last) sheet.ensure(sheet.paragraphHeight(block.text, BODY) + SIGNATURE_HEIGHT);
      sheet.paragraph(block.text, BODY);
    } else {
      sheet.gap(4);
      sheet.table(
        [
          { title: '序号', width: 42, isCentred: true },
          { title: '需补正的材料', width: 168 },
          { title: '补正要求', width: CONTENT_WIDTH - 42 - 168 },
        ],
        block.rows,
        { size: 11 },
      );
      sheet.gap(8);
    }
  }
  drawSignature(sheet, content);
  sheet.footer(content.footerNote);
  return doc.save();
}

/** Two label–value pairs a row; a wide value (the item's name) or a last unpaired one spans the row. */
function drawParticulars(sheet: Sheet, content: NoticeContent) {
  const rows: string[][] = [];
  let open: string[] | null = null;
  for (const p of content.particulars) {
    if (p.isWide || !open) {
      const row = [p.label, p.value];
      rows.push(row);
      open = p.isWide ? null : row;
    } else {
      open.push(p.label, p.value);
      open = null;
    }
  }
  // each column as wide as its longest label or value in a paired row; the second value takes the rest
  const size = 10.5;
  const widest = (i: number, min: number) =>
    Math.max(min, ...rows.filter((r) => r.length === 4).map((r) => sheet.width(r[i] ?? '', size) + 14));
  const label1 = widest(0, 64);
  const label2 = widest(2, 64);
  const value1 = Math.min(widest(1, 120), CONTENT_WIDTH - label1 - label2 - 110);
  const widths = [label1, value1, label2, CONTENT_WIDTH - label1 - value1 - label2];
  sheet.table(
    widths.map((width) => ({ title: '', width })),
    rows,
    { size, shadeLabels: true },
  );
}

/** 红头: the department in red over a red rule; the title; the number; the QR code on the right. */
function drawHead(sheet: Sheet, content: NoticeContent) {
  sheet.line(content.signatory, { size: 24, color: RED, align: 'center' }, 38);
  sheet.hrule(sheet.y - 5, RED, 1.8);
  sheet.gap(16);
  const bandTop = sheet.y;
  drawQr(sheet, content.lookupUrl, A4[0] - MARGIN.right - QR_SIZE, bandTop);
  const caption = content.qrCaption;
  const captionX = A4[0] - MARGIN.right - QR_SIZE / 2 - sheet.width(caption, CAPTION_SIZE) / 2;
  sheet.draw(caption, captionX, bandTop - QR_SIZE - 10, { size: CAPTION_SIZE, color: GREY });
  sheet.gap(4);
  sheet.line(content.title, { size: 22, align: 'center' }, 34);
  if (content.subtitle) sheet.line(content.subtitle, { size: 13, align: 'center' }, 20);
  // the number on the left: the QR code holds the right
  sheet.y = Math.min(sheet.y, bandTop - QR_SIZE - 16);
  sheet.line(`文书编号：${content.docNo}`, { size: 10.5, color: GREY }, 20);
  sheet.gap(4);
}

/** A QR code as vector squares, one rectangle per run of dark modules (crisp at any zoom). */
function drawQr(sheet: Sheet, text: string, left: number, top: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = QR_SIZE / n;
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && qr.modules.get(row, col)) col++;
      sheet.page.drawRectangle({
        x: left + start * cell,
        y: top - (row + 1) * cell,
        width: (col - start) * cell + 0.05,
        height: cell + 0.05,
        color: rgb(0, 0, 0),
      });
    }
  }
}

/** The department and, under it, the date: on the right, after the text, on the same page as its end. */
function drawSignature(sheet: Sheet, content: NoticeContent) {
  sheet.ensure(SIGNATURE_HEIGHT);
  const top = sheet.y - SIGNATURE_GAP;
  const size = 13;
  const blockWidth = Math.max(sheet.width(content.signatory, size), sheet.width(content.dateText, size));
  const centre = A4[0] - MARGIN.right - 2 * size - blockWidth / 2;
  [content.signatory, content.dateText].forEach((text, i) => {
    sheet.draw(text, centre - sheet.width(text, size) / 2, top - 22 - i * 28, { size });
  });
  sheet.gap(SIGNATURE_HEIGHT);
}
