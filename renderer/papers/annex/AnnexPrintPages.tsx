import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { pdfjs } from '../pdf/pdfjs';
import { annexCandidates, type AnnexCandidate } from './annex-papers';
import { renderAnnexPages, SHEETS, type AnnexPageImage } from './render-annex';

/**
 * The web-mode pack annex: the chosen papers' pages as print pages of the pack's sheet size,
 * each a picture of the paper's page with its text laid over it (selectable and searchable on
 * screen), stamped with the marking top and bottom and the pack's "Page X of Y". Placed after
 * the pack's own pages, the browser's print carries them in the same PDF. Calls `onReady` when
 * every page is drawn, so the caller can enable Print.
 */
export function AnnexPrintPages({
  meetingId,
  paperIds,
  firstPage,
  totalPages,
  marking,
  pageLabel,
  sheet = 'A4',
  onReady,
}: {
  meetingId: string;
  paperIds: readonly string[];
  firstPage: number;
  totalPages: number;
  marking: string;
  pageLabel: (page: number, total: number) => string;
  sheet?: keyof typeof SHEETS;
  onReady?: (pages: number) => void;
}) {
  const t = useT();
  const [pages, setPages] = useState<AnnexPageImage[]>([]);
  const [expected, setExpected] = useState<number>();
  const [failed, setFailed] = useState(false);
  const ids = paperIds.join(',');
  useEffect(() => {
    const controller = new AbortController();
    setPages([]);
    setFailed(false);
    void (async () => {
      const all = await annexCandidates(meetingId);
      const chosen: AnnexCandidate[] = ids
        .split(',')
        .flatMap((id) => all.filter((c) => c.paper.id === id));
      setExpected(chosen.reduce((n, c) => n + (c.version.pageCount ?? 0), 0));
      const collected: AnnexPageImage[] = [];
      await renderAnnexPages(chosen, SHEETS[sheet], (page) => {
        collected.push(page);
        setPages([...collected]);
      }, controller.signal);
      onReady?.(collected.length);
    })().catch((error: unknown) => {
      if (controller.signal.aborted) return;
      console.error('annex pages failed', error);
      setFailed(true);
    });
    return () => controller.abort();
    // onReady is a notification, not an input.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-render only when the choice changes
  }, [meetingId, ids, sheet]);

  return (
    <div className="annex-pages" data-ready={expected !== undefined && pages.length === expected ? 'true' : 'false'}>
      {expected !== undefined && pages.length < expected && !failed && (
        <p role="status" className="annex-progress no-print">
          {t('papers.annex.progress', { done: pages.length, total: expected })}
          <progress max={expected} value={pages.length} />
        </p>
      )}
      {failed && (
        <p role="alert" className="no-print">
          {t('papers.annex.failed')}
        </p>
      )}
      {pages.map((page, i) => (
        <AnnexSheet key={page.key} page={page} sheet={sheet} marking={marking} label={pageLabel(firstPage + i, totalPages)} />
      ))}
    </div>
  );
}

function AnnexSheet({ page, sheet, marking, label }: { page: AnnexPageImage; sheet: keyof typeof SHEETS; marking: string; label: string }) {
  const text = useRef<HTMLDivElement>(null);
  const size = SHEETS[sheet];
  useEffect(() => {
    const box = text.current;
    if (!box) return;
    let layer: { cancel(): void } | undefined;
    void pdfjs().then((lib) => {
      box.replaceChildren();
      box.style.setProperty('--scale-factor', String(page.viewport.scale));
      box.style.setProperty('--total-scale-factor', String(page.viewport.scale));
      const textLayer = new lib.TextLayer({ textContentSource: page.content, container: box, viewport: page.viewport });
      layer = textLayer;
      return textLayer.render();
    });
    return () => layer?.cancel();
  }, [page]);
  return (
    <section className={`annex-sheet sheet-${sheet.toLowerCase()}`} aria-label={`${page.paperTitle} — ${label}`}>
      <div className="annex-content" style={{ width: page.viewport.width, height: page.viewport.height, marginTop: (size.height - page.viewport.height) / 2 }}>
        <img src={page.image} alt="" width={page.viewport.width} height={page.viewport.height} />
        <div ref={text} className="textLayer annex-text" />
      </div>
      {marking && <div className="annex-marking top">{marking}</div>}
      {marking && <div className="annex-marking bottom">{marking}</div>}
      <div className="annex-number">{label}</div>
    </section>
  );
}
