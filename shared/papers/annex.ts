import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

/*
 * The pack annex: chosen papers' own pages merged after a pack's pages, each stamped with the
 * marking at top and bottom and "Page X of Y" continuing the pack's numbering. Pure (bytes in,
 * bytes out, no DOM, no Electron): main calls it after printToPDF, tests and the bench call it
 * directly. The pack's own pages must already count the annex in their Y: `planAnnex` gives
 * the numbers to lay the pack out with (contents entries and the total) before printing.
 */

export interface AnnexPaper {
  title: string;
  bytes: Uint8Array;
}

export interface AnnexEntry {
  title: string;
  /** 1-based page of the whole pack where the paper starts. */
  firstPage: number;
  pageCount: number;
}

export interface AnnexPlan {
  entries: AnnexEntry[];
  /** Pages of pack plus annex: the Y of every "Page X of Y". */
  totalPages: number;
}

export function planAnnex(packPageCount: number, papers: readonly { title: string; pageCount: number }[]): AnnexPlan {
  let next = packPageCount + 1;
  const entries = papers.map((p) => {
    const entry = { title: p.title, firstPage: next, pageCount: p.pageCount };
    next += p.pageCount;
    return entry;
  });
  return { entries, totalPages: next - 1 };
}

export interface AnnexOptions {
  /** The pack's classification marking, stamped top and bottom of every annex page. */
  marking: string;
  /** The pack's own words for the page number, e.g. (31, 250) => "Page 31 of 250". */
  pageLabel: (page: number, total: number) => string;
}

/**
 * The page label from the pack's own words, with {page} and {total} where the numbers go
 * ("Page {page} of {total}", "Halaman {page} daripada {total}"): a template crosses IPC where a
 * function cannot.
 */
export function labelFromTemplate(template: string): (page: number, total: number) => string {
  return (page, total) => template.replaceAll('{page}', String(page)).replaceAll('{total}', String(total));
}

export class AnnexError extends Error {
  constructor(
    readonly code: 'encrypted' | 'damaged',
    readonly title: string,
    cause?: unknown,
  ) {
    super(`${title}: ${code}`, { cause });
  }
}

/** Counts a paper's pages the way appendAnnex will (for planAnnex before printing). */
export async function countPages(bytes: Uint8Array, title = ''): Promise<number> {
  return (await loadPaper(bytes, title)).getPageCount();
}

async function loadPaper(bytes: Uint8Array, title: string): Promise<PDFDocument> {
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    // pdf-lib reads some garbage leniently: a paper with no page tree is damaged all the same.
    if (doc.getPageCount() === 0) throw new Error('no pages');
    return doc;
  } catch (error) {
    const encrypted = error instanceof Error && /encrypt/i.test(error.message);
    throw new AnnexError(encrypted ? 'encrypted' : 'damaged', title, error);
  }
}

/** The standard font has no glyph for some letters (Vietnamese, Thai): fold them or drop them. */
function printable(font: PDFFont, text: string): string {
  const known = new Set(font.getCharacterSet());
  return [...text.normalize('NFC')]
    .map((ch) => {
      if (known.has(ch.codePointAt(0)!)) return ch;
      const bare = ch.normalize('NFD').replace(/\p{M}+/gu, '');
      return [...bare].every((c) => known.has(c.codePointAt(0)!)) ? bare : '?';
    })
    .join('');
}

const MARGIN = 14;
const SIZE = 9;

function stamp(page: PDFPage, font: PDFFont, bold: PDFFont, marking: string, label: string): void {
  const { x: left, y: bottom, width, height } = page.getCropBox();
  const band = (text: string, y: number, f: PDFFont) => {
    const w = f.widthOfTextAtSize(text, SIZE);
    const x = left + (width - w) / 2;
    page.drawRectangle({ x: x - 4, y: y - 3, width: w + 8, height: SIZE + 5, color: rgb(1, 1, 1), opacity: 0.85 });
    page.drawText(text, { x, y, size: SIZE, font: f, color: rgb(0.55, 0, 0) });
  };
  if (marking) {
    band(marking, bottom + height - MARGIN - SIZE, bold);
    band(marking, bottom + MARGIN, bold);
  }
  const lw = font.widthOfTextAtSize(label, SIZE);
  const lx = left + width - MARGIN - 8 - lw;
  page.drawRectangle({ x: lx - 4, y: bottom + MARGIN - 3, width: lw + 8, height: SIZE + 5, color: rgb(1, 1, 1), opacity: 0.85 });
  page.drawText(label, { x: lx, y: bottom + MARGIN, size: SIZE, font, color: rgb(0, 0, 0) });
}

/**
 * Appends every paper's pages to the pack, stamped. Throws AnnexError naming the paper that
 * cannot be read (password-protected or damaged); nothing is returned half-merged.
 */
export async function appendAnnex(
  packPdf: Uint8Array,
  papers: readonly AnnexPaper[],
  options: AnnexOptions,
): Promise<{ bytes: Uint8Array; plan: AnnexPlan }> {
  const pack = await PDFDocument.load(packPdf, { updateMetadata: false });
  const sources = [];
  for (const paper of papers) sources.push({ title: paper.title, doc: await loadPaper(paper.bytes, paper.title) });
  const plan = planAnnex(
    pack.getPageCount(),
    sources.map((s) => ({ title: s.title, pageCount: s.doc.getPageCount() })),
  );
  const font = await pack.embedFont(StandardFonts.Helvetica);
  const bold = await pack.embedFont(StandardFonts.HelveticaBold);
  const marking = printable(bold, options.marking);
  let number = pack.getPageCount();
  for (const [index, { doc }] of sources.entries()) {
    let pages;
    try {
      pages = await pack.copyPages(doc, doc.getPageIndices());
    } catch (error) {
      throw new AnnexError('damaged', sources[index]!.title, error);
    }
    for (const page of pages) {
      number++;
      pack.addPage(page);
      stamp(page, font, bold, marking, printable(font, options.pageLabel(number, plan.totalPages)));
    }
  }
  return { bytes: await pack.save(), plan };
}
