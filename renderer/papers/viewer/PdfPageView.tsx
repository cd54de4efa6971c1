import type { PDFDocumentProxy, RenderTask, TextLayer as TextLayerType } from 'pdfjs-dist';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { pageTextOf } from '../../../shared/papers/page-text';
import { runsOf } from '../pdf/extract-text';
import { pdfjs } from '../pdf/pdfjs';
import { boxesFor, type Box, type PageRange } from './page-highlights';

export interface PageGeometry {
  runs: HTMLElement[];
  runStarts: number[];
}

/**
 * One page: a canvas painted by pdf.js at the zoom and the screen's pixel ratio, the text
 * layer over it (selectable, findable, read by screen readers) and the highlight boxes. Only
 * pages near the viewport are mounted; unmounting cancels a render in flight and frees the page.
 */
export function PdfPageView({
  doc,
  number,
  scale,
  ranges,
  label,
  onGeometry,
  onSize,
}: {
  doc: PDFDocumentProxy;
  number: number;
  scale: number;
  ranges: readonly PageRange[];
  label: string;
  onGeometry?: (page: number, geometry: PageGeometry | undefined) => void;
  /** The page's own size at zoom 1, once known. */
  onSize?: (page: number, size: { width: number; height: number }) => void;
}) {
  const frame = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const textBox = useRef<HTMLDivElement>(null);
  const [geometry, setGeometry] = useState<PageGeometry>();
  const [boxes, setBoxes] = useState<Box[]>([]);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let render: RenderTask | undefined;
    let text: TextLayerType | undefined;
    const run = async () => {
      const lib = await pdfjs();
      const page = await doc.getPage(number);
      if (cancelled || !canvas.current || !textBox.current || !frame.current) return;
      const natural = page.getViewport({ scale: 1 });
      onSize?.(number, { width: natural.width, height: natural.height });
      const viewport = page.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      const el = canvas.current;
      el.width = Math.floor(viewport.width * ratio);
      el.height = Math.floor(viewport.height * ratio);
      el.style.width = `${Math.floor(viewport.width)}px`;
      el.style.height = `${Math.floor(viewport.height)}px`;
      frame.current.style.setProperty('--scale-factor', String(scale));
      frame.current.style.setProperty('--total-scale-factor', String(scale));
      frame.current.style.setProperty('--user-unit', '1');
      render = page.render({ canvas: el, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      const content = await page.getTextContent();
      if (cancelled) return;
      textBox.current.replaceChildren();
      text = new lib.TextLayer({ textContentSource: content, container: textBox.current, viewport });
      await text.render();
      if (cancelled) return;
      const runs = text.textDivs;
      runs.forEach((div, i) => (div.dataset.run = String(i)));
      const g = { runs, runStarts: pageTextOf(runsOf(content.items)).runStarts };
      setGeometry(g);
      onGeometry?.(number, g);
      await render.promise;
      // Tests and the bench wait for this rather than for time.
      frame.current?.setAttribute('data-rendered', 'true');
    };
    run().catch((error: unknown) => {
      if (cancelled || (error instanceof Error && error.name === 'RenderingCancelledException')) return;
      console.error(`page ${number} failed to render`, error);
      setFailed(true);
    });
    return () => {
      cancelled = true;
      render?.cancel();
      text?.cancel();
      onGeometry?.(number, undefined);
    };
  }, [doc, number, scale, onGeometry, onSize]);

  useLayoutEffect(() => {
    if (!geometry || !frame.current) return;
    setBoxes(boxesFor(ranges, geometry.runs, geometry.runStarts, frame.current));
  }, [ranges, geometry]);

  return (
    <div ref={frame} className="paper-page" data-page={number} role="region" aria-label={label}>
      <canvas ref={canvas} className="paper-canvas" aria-hidden="true" />
      <div ref={textBox} className="textLayer" />
      <div className="paper-marks" aria-hidden="true">
        {boxes.map((b) => (
          <PageMark key={b.key} box={b} />
        ))}
      </div>
      {failed && <p className="paper-page-failed">⚠</p>}
    </div>
  );
}

function PageMark({ box }: { box: Box }) {
  return (
    <div
      className={box.className}
      title={box.title}
      style={{ left: `${box.left * 100}%`, top: `${box.top * 100}%`, width: `${box.width * 100}%`, height: `${box.height * 100}%` }}
    />
  );
}
