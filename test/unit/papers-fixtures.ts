import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/**
 * Real PDFs for the papers tests, made with pdf-lib: each page's lines are drawn as text, so
 * pdf.js extracts them back. `pages[i]` is page i+1's lines.
 */
export async function makePdf(pages: readonly string[][], options: { title?: string; javascript?: string } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  if (options.title) doc.setTitle(options.title);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([595, 842]);
    lines.forEach((line, i) => page.drawText(line, { x: 56, y: 780 - i * 18, size: 11, font }));
  }
  if (options.javascript) doc.addJavaScript('init', options.javascript);
  return doc.save();
}

/** A paper of `count` pages with numbered, distinct paragraphs. */
export async function makeLongPdf(count: number, word = 'paragraph'): Promise<Uint8Array> {
  return makePdf(Array.from({ length: count }, (_, p) => Array.from({ length: 30 }, (_, l) => `Page ${p + 1} line ${l + 1}: the ${word} on regional cooperation ${p * 30 + l}.`)));
}

/** The text of every page, as poppler's pdftotext reads it (an independent reader of the output). */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'papers-'));
  try {
    const file = path.join(dir, 'in.pdf');
    await writeFile(file, bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    // pdftotext ends every page with a form feed.
    return text.split('\f').slice(0, -1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A password-protected PDF as readers see it: a standard security handler (RC4, revision 2) in
 * the trailer whose user-password check fails for the empty password, so pdf.js asks for one.
 */
export async function makeProtectedPdf(): Promise<Uint8Array> {
  const { PDFHexString, PDFName, PDFNumber } = await import('pdf-lib');
  const doc = await PDFDocument.load(await makePdf([['Confidential draft']]));
  const hex = (n: number, seed: number) => PDFHexString.of(Array.from({ length: n }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, '0')).join(''));
  const encrypt = doc.context.obj({ Filter: PDFName.of('Standard'), V: PDFNumber.of(1), R: PDFNumber.of(2), Length: PDFNumber.of(40), P: PDFNumber.of(-4), O: hex(32, 11), U: hex(32, 97) });
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  doc.context.trailerInfo.ID = doc.context.obj([hex(16, 3), hex(16, 3)]);
  return doc.save({ useObjectStreams: false });
}

/**
 * A paper whose fonts are named, not embedded: a line in each of pdf-lib's standard fonts
 * (Helvetica, Times, Courier: pdf-lib never embeds these) and a line of Japanese in a CID font
 * (HeiseiMin-W3) with the predefined UniJIS-UCS2-H CMap, as Acrobat writes CJK text without
 * fonts. A reader needs the standard font data for the first and the CMaps for the second.
 */
export async function makeNamedFontsPdf(japanese = '日本語の議題'): Promise<Uint8Array> {
  const { PDFName, PDFHexString, PDFString, PDFNumber, beginText, endText, setFontAndSize, moveText, showText } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const lines: [StandardFonts, string][] = [
    [StandardFonts.Helvetica, 'Helvetica named not embedded: the Meeting noted the report.'],
    [StandardFonts.TimesRoman, 'Times named not embedded: the Meeting welcomed the offer.'],
    [StandardFonts.Courier, 'Courier named not embedded: agenda item 4.2'],
  ];
  for (const [i, [name, text]] of lines.entries()) page.drawText(text, { x: 56, y: 780 - i * 28, size: 14, font: await doc.embedFont(name) });
  const ctx = doc.context;
  const descriptor = ctx.obj({ Type: 'FontDescriptor', FontName: 'HeiseiMin-W3', Flags: 6, FontBBox: [-123, -257, 1001, 910], ItalicAngle: 0, Ascent: 723, Descent: -241, CapHeight: 709, StemV: 69 });
  const cidFont = ctx.obj({
    Type: 'Font',
    Subtype: 'CIDFontType0',
    BaseFont: 'HeiseiMin-W3',
    CIDSystemInfo: ctx.obj({ Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Japan1'), Supplement: PDFNumber.of(2) }),
    FontDescriptor: ctx.register(descriptor),
    DW: 1000,
  });
  const type0 = ctx.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: 'HeiseiMin-W3', Encoding: 'UniJIS-UCS2-H', DescendantFonts: [ctx.register(cidFont)] });
  page.node.setFontDictionary(PDFName.of('FJ'), ctx.register(type0));
  const ucs2 = [...japanese].map((ch) => ch.codePointAt(0)!.toString(16).padStart(4, '0')).join('');
  page.pushOperators(beginText(), setFontAndSize('FJ', 24), moveText(56, 640), showText(PDFHexString.of(ucs2)), endText());
  return doc.save();
}
