import { useLiveQuery } from 'dexie-react-hooks';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useState } from 'react';
import type { Annotation, Paper, PaperVersion } from '../../../shared/papers/model';
import { db } from '../../db/db';
import { closePdf, openPdf, PdfOpenError, type PdfOpenProblem } from '../pdf/pdfjs';
import { versionBytes } from '../storage/papers-repo';

export interface PaperView {
  paper: Paper;
  versions: PaperVersion[];
}

/** The paper and its versions (newest last); null when there is no such paper. */
export function usePaper(id: string): PaperView | null | undefined {
  return useLiveQuery(async () => {
    const paper = await db.papers.get(id);
    if (!paper) return null;
    const versions = (await db.paperVersions.where('paperId').equals(id).toArray()).sort((a, b) => a.revision - b.revision);
    return { paper, versions };
  }, [id]);
}

export function usePageTexts(versionId: string | undefined): string[] | undefined {
  return useLiveQuery(async () => (versionId ? ((await db.paperTexts.get(versionId))?.pages ?? []) : undefined), [versionId]);
}

export function useAnnotations(paperId: string): Annotation[] | undefined {
  return useLiveQuery(() => db.annotations.where('paperId').equals(paperId).toArray(), [paperId]);
}

export type DocState = { state: 'loading' } | { state: 'ready'; doc: PDFDocumentProxy } | { state: 'failed'; problem: PdfOpenProblem | 'missing' };

/** Opens a stored version in pdf.js; the document is destroyed when the version changes or the view closes. */
export function usePdfDocument(versionId: string | undefined): DocState {
  const [state, setState] = useState<DocState>({ state: 'loading' });
  useEffect(() => {
    if (!versionId) return;
    let doc: PDFDocumentProxy | undefined;
    let live = true;
    setState({ state: 'loading' });
    void (async () => {
      const bytes = await versionBytes(versionId);
      if (!bytes) return live && setState({ state: 'failed', problem: 'missing' });
      try {
        doc = await openPdf(bytes);
        if (live) setState({ state: 'ready', doc });
        else closePdf(doc);
      } catch (error) {
        if (live) setState({ state: 'failed', problem: error instanceof PdfOpenError ? error.problem : 'damaged' });
      }
    })();
    return () => {
      live = false;
      if (doc) closePdf(doc);
    };
  }, [versionId]);
  return state;
}
