import type { PageViewport } from 'pdfjs-dist';
import type { TextContent } from 'pdfjs-dist/types/src/display/api';
import { closePdf, openPdf } from '../pdf/pdfjs';
import { versionBytes } from '../storage/papers-repo';
import type { AnnexCandidate } from './annex-papers';

/** One annex page made ready for print: a picture of the page and its text to lay over it. */
export interface AnnexPageImage {
  key: string;
  paperTitle: string;
  image: string;
  /** The page's text and its viewport at the sheet's CSS size, for an (invisible) text layer. */
  content: TextContent;
  viewport: PageViewport;
}

export interface Sheet {
  /** CSS pixels (96 per inch). */
  width: number;
  height: number;
}

export const SHEETS = {
  A4: { width: (210 / 25.4) * 96, height: (297 / 25.4) * 96 },
  Letter: { width: 8.5 * 96, height: 11 * 96 },
} as const satisfies Record<string, Sheet>;

/** Printed at 150 dots per inch: sharp text, about 150 KB a page as JPEG. */
const PRINT_DPI = 150;

/**
 * Renders every page of the chosen papers to a JPEG (a data: URL, which the page's CSP allows
 * for images), one page at a time so memory holds one canvas, not two hundred.
 */
export async function renderAnnexPages(
  papers: readonly AnnexCandidate[],
  sheet: Sheet,
  onPage: (page: AnnexPageImage, done: number) => void,
  signal: AbortSignal,
): Promise<void> {
  let done = 0;
  for (const { paper, version } of papers) {
    const bytes = await versionBytes(version.id);
    if (!bytes) continue;
    const doc = await openPdf(bytes);
    try {
      for (let n = 1; n <= doc.numPages; n++) {
        signal.throwIfAborted();
        const page = await doc.getPage(n);
        const natural = page.getViewport({ scale: 1 });
        const fit = Math.min(sheet.width / natural.width, sheet.height / natural.height);
        const viewport = page.getViewport({ scale: fit });
        const print = page.getViewport({ scale: (fit * PRINT_DPI) / 96 });
        const canvas = document.createElement('canvas');
        canvas.width = Math.floor(print.width);
        canvas.height = Math.floor(print.height);
        await page.render({ canvas, viewport: print, background: '#ffffff' }).promise;
        const image = canvas.toDataURL('image/jpeg', 0.85);
        canvas.width = canvas.height = 0;
        const content = await page.getTextContent();
        page.cleanup();
        onPage({ key: `${version.id}:${n}`, paperTitle: paper.title, image, content, viewport }, ++done);
      }
    } finally {
      closePdf(doc);
    }
  }
}
