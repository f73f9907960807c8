// Draws a license. A renderer turns the format-neutral LicenseDocument into bytes, so an OFD renderer
// (GB/T 33190) can stand beside the PDF one; signing happens afterwards, in the seals module.
// The PDF: A4 landscape, a double red border, the type's name as title, the license number, the
// printed fields two to a row, a QR code to the public verification page, the issuer and date under
// the department's seal image, and the identifier along the foot. CJK text is an embedded subset.
import { createHash } from 'node:crypto';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import type { PdfFont } from '../../platform/pdf-font.ts';

export type LicenseDocument = {
  title: string;
  licenseNo: string;
  identifier: string;
  holderName: string;
  fields: ReadonlyArray<{ name: string; value: string }>;
  issuer: string;
  /** 二〇二六年三月二日 */
  issuedOnText: string;
  verifyUrl: string;
  sealPng: Uint8Array;
  issuedAt: Date;
};

export type LicenseRenderer = {
  format: 'pdf';
  mediaType: string;
  extension: string;
  render(doc: LicenseDocument): Promise<Uint8Array>;
};

const RED = rgb(0.75, 0.1, 0.1);
const INK = rgb(0.12, 0.12, 0.14);
const GREY = rgb(0.35, 0.37, 0.4);
const [W, H] = [841.89, 595.28];
const MARGIN = 36;

export function pdfRenderer(font: PdfFont): LicenseRenderer {
  return {
    format: 'pdf',
    mediaType: 'application/pdf',
    extension: 'pdf',
    render: (doc) => renderPdf(doc, font),
  };
}

async function renderPdf(d: LicenseDocument, font: PdfFont): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(font.fontkit);
  const tag = createHash('sha256')
    .update(d.identifier)
    .digest()
    .subarray(0, 6)
    .reduce((s, b) => s + String.fromCharCode(65 + (b % 26)), '');
  const f = await pdf.embedFont(font.bytes, { subset: true, customName: `${tag}+${font.postscriptName}` });
  pdf.setTitle(`${d.title}（${d.licenseNo}）`, { showInWindowTitleBar: true });
  pdf.setAuthor(d.issuer);
  pdf.setSubject(`电子证照 ${d.identifier}`);
  pdf.setCreator('Yiwang 一网通办');
  pdf.setProducer('Yiwang 一网通办 (pdf-lib)');
  pdf.setLanguage('zh-CN');
  pdf.setCreationDate(d.issuedAt);
  pdf.setModificationDate(d.issuedAt);
  const page = pdf.addPage([W, H]);

  page.drawRectangle({ x: 18, y: 18, width: W - 36, height: H - 36, borderColor: RED, borderWidth: 2.2 });
  page.drawRectangle({ x: 24, y: 24, width: W - 48, height: H - 48, borderColor: RED, borderWidth: 0.6 });
  centred(page, f, d.title, H - 92, 30, RED);
  page.drawText(`编号：${d.licenseNo}`, { x: W - MARGIN - 250, y: H - 128, size: 11, font: f, color: INK });

  // the printed fields: two columns of label / value, long values take the whole row
  let y = H - 160;
  const colW = (W - 2 * MARGIN - 150) / 2;
  const rows = pairUp(d.fields, f, colW);
  for (const row of rows) {
    let x = MARGIN + 24;
    let lines = 1;
    for (const field of row) {
      const width = row.length === 1 ? colW * 2 : colW;
      page.drawText(`${field.name}`, { x, y, size: 10, font: f, color: GREY });
      const wrapped = wrap(field.value || '—', f, 12, width - 110);
      wrapped.forEach((line, i) => {
        page.drawText(line, { x: x + 108, y: y - i * 17, size: 12, font: f, color: INK });
      });
      lines = Math.max(lines, wrapped.length);
      x += colW;
    }
    y -= 17 * lines + 12;
    if (y < 170) break;
  }

  // QR code to the verification page, bottom left
  const qr = await QRCode.toBuffer(d.verifyUrl, {
    type: 'png',
    margin: 1,
    width: 240,
    errorCorrectionLevel: 'M',
  });
  const qrImage = await pdf.embedPng(qr);
  page.drawImage(qrImage, { x: MARGIN + 24, y: 60, width: 92, height: 92 });
  page.drawText('扫码核验真伪', { x: MARGIN + 36, y: 46, size: 8, font: f, color: GREY });

  // issuer and date under the seal, bottom right
  const right = W - MARGIN - 40;
  rightAligned(page, f, d.issuer, right, 108, 13);
  rightAligned(page, f, d.issuedOnText, right, 86, 12);
  // the seal sits over the issuer's name and the date, as on a paper license
  const centre =
    right - Math.max(f.widthOfTextAtSize(d.issuer, 13), f.widthOfTextAtSize(d.issuedOnText, 12)) / 2;
  const seal = await pdf.embedPng(d.sealPng);
  page.drawImage(seal, { x: centre - 59, y: 38, width: 118, height: 118, opacity: 0.88 });

  centred(page, f, `电子证照标识：${d.identifier}`, 30, 7.5, GREY);
  return pdf.save({ useObjectStreams: false });
}

/** Short fields share a row; a field whose value will not fit half a row gets a row of its own. */
function pairUp(fields: LicenseDocument['fields'], f: PDFFont, colW: number) {
  const rows: Array<Array<{ name: string; value: string }>> = [];
  let open: Array<{ name: string; value: string }> | null = null;
  for (const field of fields) {
    const isLong = f.widthOfTextAtSize(field.value || '—', 12) > colW - 110;
    if (isLong) {
      rows.push([field]);
      open = null;
    } else if (open && open.length === 1) {
      open.push(field);
      open = null;
    } else {
      open = [field];
      rows.push(open);
    }
  }
  return rows;
}

function wrap(text: string, f: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && f.widthOfTextAtSize(line + ch, size) > width) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) lines.push(line);
  return lines.slice(0, 4);
}

function centred(page: PDFPage, f: PDFFont, text: string, y: number, size: number, color = INK) {
  page.drawText(text, { x: (W - f.widthOfTextAtSize(text, size)) / 2, y, size, font: f, color });
}
function rightAligned(page: PDFPage, f: PDFFont, text: string, right: number, y: number, size: number) {
  page.drawText(text, { x: right - f.widthOfTextAtSize(text, size), y, size, font: f, color: INK });
}
