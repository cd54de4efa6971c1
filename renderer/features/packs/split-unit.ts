import type { UnitSlice } from './flow';

/*
 * Where a unit rendered in the measuring page may be split: at the start of a line, found from
 * the browser's own line boxes (Range rects), so the part printed on each page holds whole
 * lines and the rest starts exactly where the line did. Positions count visible characters of
 * each text container (`[data-slice]`), the way shared/markdown/slice.ts counts them.
 */

interface TextRun {
  node: Text;
  start: number;
}

interface Container {
  runs: TextRun[];
  length: number;
  /** Line boxes (top and bottom of the text on each line), relative to the unit's top, in order. */
  lines: { top: number; bottom: number }[];
}

function runsOf(element: Element): { runs: TextRun[]; length: number } {
  const runs: TextRun[] = [];
  let length = 0;
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (text.data.length === 0) continue;
    runs.push({ node: text, start: length });
    length += text.data.length;
  }
  return { runs, length };
}

function linesOf(runs: readonly TextRun[], origin: number): { top: number; bottom: number }[] {
  const rects: { top: number; bottom: number }[] = [];
  const range = document.createRange();
  for (const run of runs) {
    range.selectNodeContents(run.node);
    for (const rect of range.getClientRects()) if (rect.height > 0) rects.push({ top: rect.top - origin, bottom: rect.bottom - origin });
  }
  rects.sort((a, b) => a.top - b.top);
  // Fragments of one line (plain, bold, a link) overlap vertically: merge them.
  const lines: { top: number; bottom: number }[] = [];
  for (const rect of rects) {
    const line = lines[lines.length - 1];
    if (line && rect.top < line.bottom - 0.5 * Math.min(line.bottom - line.top, rect.bottom - rect.top)) line.bottom = Math.max(line.bottom, rect.bottom);
    else lines.push({ ...rect });
  }
  return lines;
}

/** The top of the character at `offset`, relative to the page (undefined for a character without a box). */
function charTop(runs: readonly TextRun[], offset: number, range: Range): number | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runs[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const run = runs[lo]!;
  const local = offset - run.start;
  range.setStart(run.node, local);
  range.setEnd(run.node, local + 1);
  const rect = range.getClientRects()[0];
  return rect && rect.height > 0 ? rect.top : undefined;
}

/** The first character offset whose box starts at or below y (page coordinates), or the length. */
function offsetBelow(container: Container, y: number): number {
  const range = document.createRange();
  // Below: the first character from `at` that has a box (a collapsed space has none) starts at or below y.
  const below = (at: number) => {
    for (let probe = at; probe < Math.min(container.length, at + 64); probe++) {
      const top = charTop(container.runs, probe, range);
      if (top !== undefined) return top >= y;
    }
    return true;
  };
  let lo = 0;
  let hi = container.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (below(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export interface CutPlan {
  /** Offsets in each container, relative to the part rendered, where the tail begins. */
  offsets: number[];
  lengths: number[];
}

/** Lines a part keeps at least on each side of a split. */
const MIN_LINES = 2;

/**
 * Plans a cut of the rendered unit `element` after `lines` lines of its tallest text container;
 * `lines` undefined picks the most lines whose text ends within `available` px. Undefined when
 * the unit has no text to split or fewer than two lines would stay on either side.
 */
export function planCut(element: HTMLElement, available: number, keepLines?: number): { plan: CutPlan; lines: number } | undefined {
  if (typeof document.createRange !== 'function' || typeof Range.prototype.getClientRects !== 'function') return undefined;
  const origin = element.getBoundingClientRect().top;
  const containers: Container[] = [...element.querySelectorAll('[data-slice]')].map((el) => {
    const { runs, length } = runsOf(el);
    return { runs, length, lines: linesOf(runs, origin) };
  });
  if (containers.length === 0) return undefined;
  const primary = containers.reduce((a, b) => (b.lines.length > a.lines.length ? b : a));
  const total = primary.lines.length;
  if (total < 2 * MIN_LINES) return undefined;
  let k = keepLines ?? primary.lines.filter((line) => line.bottom <= available).length;
  k = Math.min(k, total - MIN_LINES);
  if (k < MIN_LINES) return undefined;
  // The tail starts with the first character whose box is below the last kept line's text.
  const cutY = origin + primary.lines[k - 1]!.bottom - 0.5;
  const offsets = containers.map((c) => (c.length === 0 ? 0 : offsetBelow(c, cutY)));
  if (offsets.every((o) => o === 0)) return undefined;
  return { plan: { offsets, lengths: containers.map((c) => c.length) }, lines: k };
}

/** The head and tail slices of a plan, for a unit already cut to `current` (or whole). */
export function slicesOf(plan: CutPlan, current: UnitSlice | undefined): { head: UnitSlice; tail: UnitSlice } {
  const ranges = plan.lengths.map((length, i): [number, number] => current?.ranges[i] ?? [0, length]);
  return {
    head: { ranges: ranges.map(([from], i) => [from, from + plan.offsets[i]!]), first: current ? current.first : true, last: false },
    tail: { ranges: ranges.map(([from, to], i) => [from + plan.offsets[i]!, to]), first: false, last: current ? current.last : true },
  };
}
