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
