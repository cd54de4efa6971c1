import { useVirtualizer } from '@tanstack/react-virtual';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/use-t';

const THUMB_SCALE = 0.18;
const ROW = 180;

/** Small pages to jump by, virtualised like the pages themselves; the current one is marked. */
export function Thumbnails({ doc, current, onGo }: { doc: PDFDocumentProxy; current: number; onGo: (page: number) => void }) {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: doc.numPages, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 3, initialRect: { width: 160, height: 800 } });
  useEffect(() => {
    virtualizer.scrollToIndex(current - 1, { align: 'auto' });
  }, [current, virtualizer]);
  return (
    <nav ref={scroller} className="paper-thumbs" aria-label={t('papers.viewer.thumbnails')}>
      <ol style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => (
          <li key={item.key} style={{ transform: `translateY(${item.start}px)`, height: ROW }}>
            <button
              type="button"
              aria-current={item.index + 1 === current ? 'page' : undefined}
              aria-label={t('papers.viewer.goToPageN', { page: item.index + 1 })}
              onClick={() => onGo(item.index + 1)}
            >
              <Thumb doc={doc} number={item.index + 1} />
              <span>{item.index + 1}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function Thumb({ doc, number }: { doc: PDFDocumentProxy; number: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let task: RenderTask | undefined;
    let cancelled = false;
    void doc.getPage(number).then((page) => {
      if (cancelled || !canvas.current) return;
      const viewport = page.getViewport({ scale: THUMB_SCALE });
      canvas.current.width = Math.floor(viewport.width);
      canvas.current.height = Math.floor(viewport.height);
      task = page.render({ canvas: canvas.current, viewport });
      task.promise.catch(() => undefined);
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, number]);
  return <canvas ref={canvas} aria-hidden="true" />;
}
