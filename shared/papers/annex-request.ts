import { z } from 'zod';
import { MAX_PAPER_BYTES } from './file-checks';

/*
 * What the renderer hands main to append an annex to a printed pack (desktop): the marking,
 * the page label template in the pack's language, and the chosen papers' bytes (read from
 * IndexedDB, which main cannot reach). Validated in main like every IPC payload.
 */
export const MAX_ANNEX_PAPERS = 40;
export const MAX_ANNEX_BYTES = 4 * MAX_PAPER_BYTES;

export const PackAnnexRequest = z
  .strictObject({
    marking: z.string().max(200),
    pageLabel: z
      .string()
      .min(1)
      .max(120)
      .refine((t) => t.includes('{page}') && t.includes('{total}'), 'the label needs {page} and {total}'),
    papers: z
      .array(z.strictObject({ title: z.string().min(1).max(300), bytes: z.instanceof(Uint8Array) }))
      .min(1)
      .max(MAX_ANNEX_PAPERS),
  })
  .refine((r) => r.papers.reduce((n, p) => n + p.bytes.byteLength, 0) <= MAX_ANNEX_BYTES, 'the papers are too large to print together');
export type PackAnnexRequest = z.infer<typeof PackAnnexRequest>;
