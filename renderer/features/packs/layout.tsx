import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { PackDocument, PackPaper } from '../../../shared/pack/model';
import { paginate, type LayoutUnit } from '../../../shared/pack/paginate';
import { flowUnits, layoutRule, type FlowUnit } from './flow';
import { PackPageFrame, type PageLabels } from './PackPages';
import { PackUnit, type UnitEnv } from './PackUnit';

/*
 * Lays the pack out on pages by measuring, so that preview page N is printed page N. Units are
 * rendered in chunks into a hidden copy of a page's body (same width, same fonts), every height
 * of a chunk is read in one pass after one layout (no read/write interleaving per unit), and
 * the work yields to the event loop between chunks so progress shows and Cancel is heard.
 * Linear in the number of units; the page breaking itself is paginate() in shared/.
 */

export interface PackLayout {
  units: FlowUnit[];
  /** Unit indices of each page after the cover. */
  pages: number[][];
  /** 1-based printed page (the cover is page 1) on which each chapter starts. */
  chapterPages: Map<string, number>;
  /** The title of the part each page (after the cover) belongs to, for its running header. */
  pageTitles: string[];
  oversized: number;
}

const CHUNK = 120;
/** Chromium may break lines a hair differently when printing; keep this much room at each page's foot. */
const SAFETY_PX = 6;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function abortError(): DOMException {
  return new DOMException('The layout was cancelled.', 'AbortError');
}

/** Loads the pack's text face in its styles before measuring, so heights are those printed. */
async function fontsReady(): Promise<void> {
  if (typeof document === 'undefined' || !('fonts' in document)) return;
  await Promise.all(['400 11pt "Pack Sans"', '700 11pt "Pack Sans"', 'italic 400 11pt "Pack Sans"'].map((font) => document.fonts.load(font).catch(() => [])));
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
  const heights = new Float64Array(units.length);
  const container = document.createElement('div');
  container.className = 'pack-measure';
  container.setAttribute('aria-hidden', 'true');
  host.append(container);
  const root = createRoot(container);
  const unitEnv: UnitEnv = { ...env, pageOf: () => undefined };
  try {
    await fontsReady();
    // A real page frame (header, footer, margins) tells how tall a page's body is.
    flushSync(() =>
      root.render(
        <PackPageFrame doc={doc} page={1} pages={1} labels={labels}>
          {null}
        </PackPageFrame>,
      ),
    );
    const pageHeight = container.querySelector<HTMLElement>('.pack-page-body')!.clientHeight - SAFETY_PX;
    for (let start = 0; start < units.length; start += CHUNK) {
      if (signal.aborted) throw abortError();
      const chunk = units.slice(start, start + CHUNK);
      flushSync(() => root.render(<MeasureFrame paper={doc.paper} units={chunk} env={unitEnv} />));
      const flow = container.querySelector<HTMLElement>('.pack-measure-flow')!;
      void flow.offsetHeight; // one layout for the chunk; fonts for new characters start loading here
      await document.fonts?.ready;
      const children = flow.children;
      for (let i = 0; i < children.length; i++) heights[start + i] = children[i]!.getBoundingClientRect().height;
      onProgress(Math.min(start + CHUNK, units.length) / units.length);
      await nextTask();
    }
    if (signal.aborted) throw abortError();
    const layoutUnits: LayoutUnit[] = units.map((unit, i) => ({ height: heights[i]!, ...layoutRule(unit) }));
    const { pages, oversized } = paginate(layoutUnits, pageHeight);
    const chapterPages = new Map<string, number>();
    const pageTitles: string[] = [];
    let current = env.contentsTitle;
    pages.forEach((page, p) => {
      for (const i of page) {
        const unit = units[i]!;
        if (unit.kind !== 'chapter-title') continue;
        chapterPages.set(unit.chapter.id, p + 2);
        if (pageTitles.length === p) current = unit.chapter.title;
      }
      pageTitles.push(current);
    });
    return { units, pages, chapterPages, pageTitles, oversized: oversized.length };
  } finally {
    root.unmount();
    container.remove();
  }
}

/** A page body as wide as a printed one that grows with its content, for measuring. */
function MeasureFrame({ paper, units, env }: { paper: PackPaper; units: FlowUnit[]; env: UnitEnv }) {
  return (
    <div className={`pack-page paper-${paper} measuring`}>
      <div className="pack-page-body">
        <div className="pack-measure-flow">
          {units.map((unit, i) => (
            <div className="pack-unit" key={i}>
              <PackUnit unit={unit} env={env} />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
