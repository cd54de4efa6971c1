import { useVirtualizer } from '@tanstack/react-virtual';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useT } from '../../i18n/use-t';
import type { PageRange } from './page-highlights';
import { PdfPageView, type PageGeometry } from './PdfPageView';

export interface PdfViewerHandle {
  goToPage(page: number): void;
  /** The geometry of a mounted page (to turn a selection into offsets). */
  geometry(page: number): PageGeometry | undefined;
}

const GAP = 16;

/**
 * The pages of a paper in one scrolling column, virtualised: only the pages in view and one
 * either side are mounted and painted, so a 300-page paper shows its first page as soon as
 * that one page is drawn. Every page is assumed to have page 1's size until it is measured.
 */
export const PdfViewer = forwardRef<PdfViewerHandle, {
  doc: PDFDocumentProxy;
  scale: number;
  /** Ranges to draw per page (1-based page number). */
  ranges: ReadonlyMap<number, PageRange[]>;
  onPageChange?: (page: number) => void;
  initialPage?: number;
}>(function PdfViewer({ doc, scale, ranges, onPageChange, initialPage }, ref) {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const [base, setBase] = useState<{ width: number; height: number }>();
  const geometries = useRef(new Map<number, PageGeometry>());

  useEffect(() => {
    let live = true;
    void doc.getPage(1).then((page) => {
      const v = page.getViewport({ scale: 1 });
      if (live) setBase({ width: v.width, height: v.height });
    });
    return () => {
      live = false;
    };
  }, [doc]);

  // Pages of another size (a landscape table in a portrait report) are known once mounted.
  const sizes = useRef(new Map<number, { width: number; height: number }>());
  const [sizeVersion, setSizeVersion] = useState(0);
  const sizeOf = (page: number) => sizes.current.get(page) ?? base ?? { width: 595, height: 842 };
  const pageHeight = (base?.height ?? 842) * scale;
  const virtualizer = useVirtualizer({
    count: doc.numPages,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => sizeOf(index + 1).height * scale + GAP,
    overscan: 1,
    initialRect: { width: 900, height: 800 },
  });
  useEffect(() => virtualizer.measure(), [pageHeight, sizeVersion, virtualizer]);
  const onSize = useCallback(
    (page: number, size: { width: number; height: number }) => {
      const known = sizes.current.get(page) ?? base;
      if (known && known.width === size.width && known.height === size.height) return;
      sizes.current.set(page, size);
      setSizeVersion((v) => v + 1);
    },
    [base],
  );
  const widest = Math.max(base?.width ?? 595, ...[...sizes.current.values()].map((s) => s.width));

  const items = virtualizer.getVirtualItems();
  const current = (() => {
    const offset = virtualizer.scrollOffset ?? 0;
    const visible = items.find((i) => i.end > offset + 40);
    return (visible?.index ?? 0) + 1;
  })();
  useEffect(() => onPageChange?.(current), [current, onPageChange]);

  const started = useRef(false);
  useEffect(() => {
    if (started.current || !base) return;
    started.current = true;
    if (initialPage && initialPage > 1) virtualizer.scrollToIndex(initialPage - 1, { align: 'start' });
  }, [base, initialPage, virtualizer]);

  useImperativeHandle(
    ref,
    () => ({
      goToPage: (page: number) => virtualizer.scrollToIndex(Math.max(0, Math.min(doc.numPages - 1, page - 1)), { align: 'start' }),
      geometry: (page: number) => geometries.current.get(page),
    }),
    [doc, virtualizer],
  );

  const onGeometry = useCallback((page: number, g: PageGeometry | undefined) => {
    if (g) geometries.current.set(page, g);
    else geometries.current.delete(page);
  }, []);

  return (
    <div ref={scroller} className="paper-scroller" tabIndex={0} aria-label={t('papers.viewer.pages', { count: doc.numPages })}>
      <div className="paper-column" style={{ height: virtualizer.getTotalSize(), width: widest * scale }}>
        {base &&
          items.map((item) => (
            <div key={item.key} className="paper-slot" data-index={item.index} style={{ transform: `translateY(${item.start}px)`, height: sizeOf(item.index + 1).height * scale }}>
              <PdfPageView
                doc={doc}
                number={item.index + 1}
                scale={scale}
                ranges={ranges.get(item.index + 1) ?? NONE}
                label={t('papers.viewer.page', { page: item.index + 1, count: doc.numPages })}
                onGeometry={onGeometry}
                onSize={onSize}
              />
            </div>
          ))}
      </div>
    </div>
  );
});

const NONE: PageRange[] = [];
