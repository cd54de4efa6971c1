import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { PackDocument, PackPaper } from '../../../shared/pack/model';
import { paginate, type LayoutUnit, type Placement, type Split } from '../../../shared/pack/paginate';
import { SCRIPT_FACES, scriptsIn } from '../../../shared/pack/scripts';
import { flowUnits, isHeading, layoutRules, type FlowUnit, type PlacedUnit, type UnitSlice } from './flow';
import { PackPageFrame, type PageLabels } from './PackPages';
import { PackUnit, type UnitEnv } from './PackUnit';
import { planCut, slicesOf } from './split-unit';

/*
 * Lays the pack out on pages by measuring, so that preview page N is printed page N. Units are
 * rendered in chunks into a hidden copy of a page's body (same width, same fonts), every height
 * of a chunk is read in one pass after one layout (no read/write interleaving per unit), and
 * the work yields to the event loop between chunks so progress shows and Cancel is heard.
 * Linear in the number of units; the page breaking itself is paginate() in shared/. A passage
 * that does not fit where it falls is split at a line: the splitter renders it alone, finds the
 * line from the browser's line boxes and measures both parts, so nothing is ever cut.
 */

export interface PackLayout {
  units: FlowUnit[];
  /** What each page after the cover holds: units, parts of split units, headings repeated "(continued)". */
  pages: Placement<UnitSlice>[][];
  /** 1-based printed page (the cover is page 1) on which each chapter starts. */
  chapterPages: Map<string, number>;
  /** The title of the part each page (after the cover) belongs to, for its running header. */
  pageTitles: string[];
  oversized: number;
  /** Passages split over pages. */
  split: number;
}

const CHUNK = 120;
/** Chromium may break lines a hair differently when printing; keep this much room at each page's foot. */
const SAFETY_PX = 6;

/** Two lines of body text (10 pt at 1.4) and a unit's padding: what a heading keeps with it. */
const TWO_LINES_PX = 2 * (10 * 1.4 * 96) / 72 + 12;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function abortError(): DOMException {
  return new DOMException('The layout was cancelled.', 'AbortError');
}

/**
 * Loads the pack's text face in its styles before measuring, so heights are those printed: the
 * Latin faces, and the Thai, Lao, Khmer or Burmese face of each script the pack's text uses
 * (each is its own file, loaded only when asked for a letter of its script).
 */
async function fontsReady(doc: PackDocument): Promise<void> {
  if (typeof document === 'undefined' || !('fonts' in document)) return;
  const samples = scriptsIn(JSON.stringify(doc)).map((s) => SCRIPT_FACES[s].sample).join('');
  const fonts = ['400 11pt "Pack Sans"', '700 11pt "Pack Sans"', 'italic 400 11pt "Pack Sans"'];
  await Promise.all(fonts.map((font) => document.fonts.load(font, `A${samples}`).catch(() => [])));
  await document.fonts.ready;
}

export async function layOutPack(
  doc: PackDocument,
  env: Omit<UnitEnv, 'pageOf'>,
  labels: PageLabels,
  host: HTMLElement,
  signal: AbortSignal,
  onProgress: (fraction: number) => void,
): Promise<PackLayout> {
  const units = flowUnits(doc);
  // Every unit, then a "(continued)" copy of every heading, measured in the same passes.
  const headings = units.flatMap((unit, i) => (isHeading(unit) ? [i] : []));
  const measured: PlacedUnit[] = [...units.map((unit) => ({ unit })), ...headings.map((i) => ({ unit: units[i]!, continued: true }))];
  const heights = new Float64Array(measured.length);
  const container = document.createElement('div');
  container.className = 'pack-measure';
  container.setAttribute('aria-hidden', 'true');
  host.append(container);
  const root = createRoot(container);
  const unitEnv: UnitEnv = { ...env, pageOf: () => undefined };
  try {
    await fontsReady(doc);
    // A real page frame (header, footer, margins) tells how tall a page's body is.
    flushSync(() =>
      root.render(
        <PackPageFrame doc={doc} page={1} pages={1} labels={labels}>
          {null}
        </PackPageFrame>,
      ),
    );
    const pageHeight = container.querySelector<HTMLElement>('.pack-page-body')!.clientHeight - SAFETY_PX;
    for (let start = 0; start < measured.length; start += CHUNK) {
      if (signal.aborted) throw abortError();
      const chunk = measured.slice(start, start + CHUNK);
      flushSync(() => root.render(<MeasureFrame paper={doc.paper} units={chunk} env={unitEnv} />));
      const flow = container.querySelector<HTMLElement>('.pack-measure-flow')!;
      void flow.offsetHeight; // one layout for the chunk; fonts for new characters start loading here
      await document.fonts?.ready;
      const children = flow.children;
      for (let i = 0; i < children.length; i++) heights[start + i] = children[i]!.getBoundingClientRect().height;
      onProgress((0.85 * Math.min(start + CHUNK, measured.length)) / measured.length);
      await nextTask();
    }
    if (signal.aborted) throw abortError();
    const continuedHeight = new Map(headings.map((i, k) => [i, heights[units.length + k]!]));
    const rules = layoutRules(units);
    const layoutUnits: LayoutUnit[] = units.map((unit, i) => {
      const height = heights[i]!;
      const rule = rules[i]!;
      return { height, ...rule, ...(continuedHeight.has(i) ? { continuedHeight: continuedHeight.get(i)! } : {}), ...(rule.splittable ? { minHeight: Math.min(height, TWO_LINES_PX) } : {}) };
    });
    /** Renders one unit (or part) alone in the measuring page and returns its box. */
    const renderAlone = (placed: PlacedUnit): HTMLElement => {
      flushSync(() => root.render(<MeasureFrame paper={doc.paper} units={[placed]} env={unitEnv} />));
      return container.querySelector<HTMLElement>('.pack-measure-flow > .pack-unit')!;
    };
    let splits = 0;
    const splitter = (i: number, slice: UnitSlice | undefined, available: number): Split<UnitSlice> | undefined => {
      if (++splits % 40 === 0) onProgress(Math.min(0.95, 0.85 + splits / 4000));
      const unit = units[i]!;
      const element = renderAlone({ unit, ...(slice ? { slice } : {}) });
      let cut = planCut(element, available);
      // The text of k lines may fit where the part's padding does not: one line fewer, up to twice.
      for (let attempt = 0; cut && attempt < 3; attempt++) {
        const { head, tail } = slicesOf(cut.plan, slice);
        const headHeight = renderAlone({ unit, slice: head }).getBoundingClientRect().height;
        if (headHeight <= available) return { head, headHeight, tail, tailHeight: renderAlone({ unit, slice: tail }).getBoundingClientRect().height };
        cut = planCut(renderAlone({ unit, ...(slice ? { slice } : {}) }), available, cut.lines - 1);
      }
      return undefined;
    };
    const { pages, oversized, split } = paginate(layoutUnits, pageHeight, splitter);
    const chapterPages = new Map<string, number>();
    const pageTitles: string[] = [];
    let current = env.contentsTitle;
    pages.forEach((page, p) => {
      for (const placed of page) {
        const unit = units[placed.unit]!;
        if (unit.kind !== 'chapter-title' || placed.continued) continue;
        chapterPages.set(unit.chapter.id, p + 2);
        if (pageTitles.length === p) current = unit.chapter.running ?? unit.chapter.title;
      }
      pageTitles.push(current);
    });
    return { units, pages, chapterPages, pageTitles, oversized: oversized.length, split };
  } finally {
    root.unmount();
    container.remove();
  }
}

/** A page body as wide as a printed one that grows with its content, for measuring. */
function MeasureFrame({ paper, units, env }: { paper: PackPaper; units: PlacedUnit[]; env: UnitEnv }) {
  return (
    <div className={`pack-page paper-${paper} measuring`}>
      <div className="pack-page-body">
        <div className="pack-measure-flow">
          {units.map((placed, i) => (
            <div className="pack-unit" key={i}>
              <PackUnit unit={placed.unit} env={env} slice={placed.slice} continued={placed.continued} />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
