/*
 * Drawing ranges of a page's text (annotations, find matches) over the pdf.js text layer. A
 * page's text offsets map to text runs (one span per run, in order, see page-text.ts); the
 * browser measures the covered part of each span, and the boxes are kept as fractions of the
 * page so they survive zoom.
 */

export interface PageRange {
  start: number;
  end: number;
  /** Class names for the box, e.g. "paper-mark color-yellow". */
  className: string;
  key: string;
  title?: string;
}

export interface Box {
  key: string;
  className: string;
  title?: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

export function boxesFor(ranges: readonly PageRange[], runs: readonly HTMLElement[], runStarts: readonly number[], page: HTMLElement): Box[] {
  const frame = page.getBoundingClientRect();
  if (frame.width === 0 || frame.height === 0) return [];
  const boxes: Box[] = [];
  for (const range of ranges) {
    runs.forEach((span, i) => {
      const node = span.firstChild;
      if (!node || node.nodeType !== Node.TEXT_NODE) return;
      const from = runStarts[i]!;
      const length = node.textContent?.length ?? 0;
      const start = Math.max(range.start, from);
      const end = Math.min(range.end, from + length);
      if (start >= end) return;
      const dom = document.createRange();
      dom.setStart(node, start - from);
      dom.setEnd(node, end - from);
      for (const rect of dom.getClientRects()) {
        boxes.push({
          key: `${range.key}:${i}:${boxes.length}`,
          className: range.className,
          title: range.title,
          left: (rect.left - frame.left) / frame.width,
          top: (rect.top - frame.top) / frame.height,
          width: rect.width / frame.width,
          height: rect.height / frame.height,
        });
      }
    });
  }
  return boxes;
}

/** The page-text offset of a point in the text layer (a selection's end), or undefined outside it. */
export function offsetOf(node: Node, offset: number, runStarts: readonly number[]): number | undefined {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const span = element?.closest<HTMLElement>('[data-run]');
  if (!span) return undefined;
  const run = Number(span.dataset.run);
  const start = runStarts[run];
  if (start === undefined) return undefined;
  return node.nodeType === Node.TEXT_NODE ? start + offset : start + (offset > 0 ? (span.textContent?.length ?? 0) : 0);
}
