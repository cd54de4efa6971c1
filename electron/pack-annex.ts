import { appendAnnex, labelFromTemplate } from '../shared/papers/annex';
import type { PackAnnexRequest } from '../shared/papers/annex-request';

/*
 * The pack annex on the desktop: after `webContents.printToPDF` has printed the pack's own
 * pages, the chosen papers' pages are merged after them, stamped with the marking and
 * "Page X of Y" (pure pdf-lib code in shared/papers/annex.ts). To wire into pack-print.ts:
 *
 *   let data = await contents.printToPDF(PDF_OPTIONS);
 *   if (request.annex) data = Buffer.from(await withAnnex(data, request.annex));
 *
 * with `annex: PackAnnexRequest.optional()` added to PackPdfRequest in the IPC contract.
 */
export async function withAnnex(packPdf: Uint8Array, annex: PackAnnexRequest | undefined): Promise<Uint8Array> {
  if (!annex) return packPdf;
  const { bytes } = await appendAnnex(packPdf, annex.papers, { marking: annex.marking, pageLabel: labelFromTemplate(annex.pageLabel) });
  return bytes;
}
