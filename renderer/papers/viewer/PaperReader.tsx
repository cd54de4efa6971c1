import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { findInPages, type FindMatch } from '../../../shared/papers/find';
import type { ShownAnnotation } from '../../../shared/papers/colleague-annotations';
import { documentTextOf, pageOfOffset } from '../../../shared/papers/page-text';
import { useT } from '../../i18n/use-t';
import { offsetOf, type PageRange } from './page-highlights';
import { PdfViewer, type PdfViewerHandle } from './PdfViewer';
import { Thumbnails } from './Thumbnails';

export interface TextSelection {
  start: number;
  end: number;
  text: string;
}

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

/**
 * Reading a PDF: toolbar (thumbnails, zoom, go to page, find), the virtualised pages and the
 * highlight boxes for annotations and find matches. Keyboard: Ctrl+F finds, Enter and
 * Shift+Enter step through matches, + and - zoom, Page Up/Down and arrows scroll the pages.
 */
export function PaperReader({
  doc,
  pages,
  annotations,
  initialPage,
  initialQuery,
  focusAnnotation,
  onSelection,
  onMatch,
  onPageChange,
  goTo,
}: {
  doc: PDFDocumentProxy;
  pages: readonly string[];
  /** Own annotations and colleagues' shared ones (drawn with their author's name). */
  annotations: readonly ShownAnnotation[];
  initialPage?: number;
  initialQuery?: string;
  focusAnnotation?: string;
  onSelection: (selection: TextSelection | undefined) => void;
  /** The current find match, as text that can be annotated without a mouse. */
  onMatch?: (match: TextSelection | undefined) => void;
  onPageChange?: (page: number) => void;
  /** A page to jump to (changes each time the caller wants a jump). */
  goTo?: { page: number; seq: number };
}) {
  const t = useT();
  const viewer = useRef<PdfViewerHandle>(null);
  const findInput = useRef<HTMLInputElement>(null);
  const [zoom, setZoom] = useState(2);
  const [page, setPage] = useState(initialPage ?? 1);
  const [pageField, setPageField] = useState(String(initialPage ?? 1));
  const [thumbs, setThumbs] = useState(true);
  const [query, setQuery] = useState(initialQuery ?? '');
  const [matchIndex, setMatchIndex] = useState(0);
  const doc_ = useMemo(() => documentTextOf(pages), [pages]);
  const matches = useMemo<FindMatch[]>(() => (query.trim().length >= 2 ? findInPages(pages, query) : []), [pages, query]);

  const go = useCallback((n: number) => viewer.current?.goToPage(n), []);
  useEffect(() => {
    if (goTo) go(goTo.page);
  }, [goTo, go]);
  useEffect(() => {
    if (matches.length > 0 && initialQuery) {
      const first = matches.findIndex((m) => m.page >= (initialPage ?? 1));
      setMatchIndex(Math.max(0, first));
    }
  }, [matches, initialQuery, initialPage]);

  useEffect(() => {
    const m = matches[matchIndex];
    if (!m) return onMatch?.(undefined);
    const start = doc_.pageStarts[m.page - 1]! + m.start;
    const end = doc_.pageStarts[m.page - 1]! + m.end;
    onMatch?.({ start, end, text: doc_.text.slice(start, end) });
  }, [matches, matchIndex, doc_, onMatch]);

  const jumpedFor = useRef<string>(undefined);
  const step = (delta: number) => {
    if (matches.length === 0) return;
    const next = (matchIndex + delta + matches.length) % matches.length;
    setMatchIndex(next);
    go(matches[next]!.page);
  };

  const ranges = useMemo(() => {
    const byPage = new Map<number, PageRange[]>();
    const add = (p: number, r: PageRange) => byPage.set(p, [...(byPage.get(p) ?? []), r]);
    for (const a of annotations) {
      const pos = a.target.position;
      if (!pos) continue;
      const first = pageOfOffset(doc_.pageStarts, pos.start);
      const last = pageOfOffset(doc_.pageStarts, Math.max(pos.start, pos.end - 1));
      for (let p = first; p <= last; p++) {
        const base = doc_.pageStarts[p - 1]!;
        add(p, {
          key: a.id,
          start: pos.start - base,
          end: pos.end - base,
          className: `paper-mark color-${a.color}${a.id === focusAnnotation ? ' focused' : ''}${a.kind === 'note' ? ' has-note' : ''}${a.colleague ? ' colleague' : ''}`,
          title: (a.colleague ? `${a.colleague.author.name}: ${a.note}` : a.note) || undefined,
        });
      }
    }
    matches.forEach((m, i) => add(m.page, { key: `find-${i}`, start: m.start, end: m.end, className: `paper-find${i === matchIndex ? ' current' : ''}` }));
    return byPage;
  }, [annotations, doc_, matches, matchIndex, focusAnnotation]);

  const pageChanged = useCallback(
    (p: number) => {
      setPage(p);
      setPageField(String(p));
      onPageChange?.(p);
    },
    [onPageChange],
  );

  useEffect(() => {
    const read = () => {
      const sel = document.getSelection();
      if (!sel || sel.isCollapsed || sel.rangeCount === 0) return onSelection(undefined);
      const range = sel.getRangeAt(0);
      const at = (node: Node, offset: number) => {
        const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
        const pageEl = el?.closest<HTMLElement>('.paper-page');
        if (!pageEl) return undefined;
        const n = Number(pageEl.dataset.page);
        const g = viewer.current?.geometry(n);
        const local = g ? offsetOf(node, offset, g.runStarts) : undefined;
        return local === undefined ? undefined : doc_.pageStarts[n - 1]! + local;
      };
      const start = at(range.startContainer, range.startOffset);
      const end = at(range.endContainer, range.endOffset);
      if (start === undefined || end === undefined || end <= start) return onSelection(undefined);
      onSelection({ start, end, text: doc_.text.slice(start, end) });
    };
    document.addEventListener('selectionchange', read);
    return () => document.removeEventListener('selectionchange', read);
  }, [doc_, onSelection]);

  const onKeys = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
      event.preventDefault();
      findInput.current?.focus();
      findInput.current?.select();
      return;
    }
    if (event.target instanceof HTMLInputElement || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === '+' || event.key === '=') setZoom((z) => Math.min(ZOOMS.length - 1, z + 1));
    else if (event.key === '-') setZoom((z) => Math.max(0, z - 1));
  };

  return (
    <div className="paper-reader" onKeyDown={onKeys}>
      <div className="paper-toolbar" role="toolbar" aria-label={t('papers.viewer.toolbar')}>
        <button type="button" aria-pressed={thumbs} onClick={() => setThumbs((v) => !v)}>
          {t('papers.viewer.thumbnails')}
        </button>
        <span className="paper-zoom">
          <button type="button" onClick={() => setZoom((z) => Math.max(0, z - 1))} disabled={zoom === 0} aria-label={t('papers.viewer.zoomOut')}>
            −
          </button>
          <output aria-live="polite" aria-label={t('papers.viewer.zoom')}>
            {Math.round(ZOOMS[zoom]! * 100)}%
          </output>
          <button type="button" onClick={() => setZoom((z) => Math.min(ZOOMS.length - 1, z + 1))} disabled={zoom === ZOOMS.length - 1} aria-label={t('papers.viewer.zoomIn')}>
            +
          </button>
        </span>
        <form
          className="paper-goto"
          onSubmit={(event) => {
            event.preventDefault();
            const n = Number.parseInt(pageField, 10);
            if (Number.isFinite(n)) go(n);
          }}
        >
          <label>
            {t('papers.viewer.pageLabel')}{' '}
            <input inputMode="numeric" value={pageField} onChange={(e) => setPageField(e.target.value)} size={4} aria-label={t('papers.viewer.goToPage')} />
          </label>{' '}
          {t('papers.viewer.ofPages', { count: doc.numPages })}
        </form>
        <form
          className="paper-find-form"
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
          }}
        >
          <input
            ref={findInput}
            type="search"
            value={query}
            placeholder={t('papers.find.placeholder')}
            aria-label={t('papers.find.label')}
            onChange={(e) => {
              setQuery(e.target.value);
              setMatchIndex(0);
            }}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              // The first Enter shows the current match; the next ones step.
              if (jumpedFor.current !== query && matches[matchIndex]) {
                jumpedFor.current = query;
                go(matches[matchIndex].page);
              } else step(e.shiftKey ? -1 : 1);
            }}
          />
          <button type="button" onClick={() => step(-1)} disabled={matches.length === 0} aria-label={t('papers.find.previous')}>
            ↑
          </button>
          <button type="button" onClick={() => step(1)} disabled={matches.length === 0} aria-label={t('papers.find.next')}>
            ↓
          </button>
          <output aria-live="polite" data-testid="find-count">
            {query.trim().length >= 2 && (matches.length === 0 ? t('papers.find.none') : t('papers.find.count', { index: matchIndex + 1, count: matches.length }))}
          </output>
        </form>
      </div>
      <div className="paper-body">
        {thumbs && <Thumbnails doc={doc} current={page} onGo={go} />}
        <PdfViewer ref={viewer} doc={doc} scale={ZOOMS[zoom]!} ranges={ranges} onPageChange={pageChanged} initialPage={initialPage} />
      </div>
    </div>
  );
}
