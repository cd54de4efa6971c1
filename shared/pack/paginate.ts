/*
 * Page breaking for the pack, on measured heights: pure and linear. The renderer measures each
 * flow unit once (a chapter title, a paragraph, a list item, a table row...) and this decides
 * which units go on which page. Rules: a unit that starts a chapter begins a new page; a unit
 * kept with the next (headings, table headers) moves along with it; a table row that lands on a
 * new page gets its table's header row repeated above it; a unit taller than a whole page gets a
 * page of its own, with the headings kept with it (it is the one case where content can be cut,
 * and it is reported).
 */

export interface LayoutUnit {
  height: number;
  /** Starts a new page (chapters). */
  breakBefore?: boolean;
  /** Must be on the same page as the unit after it (headings, a table's header row). */
  keepWithNext?: boolean;
  /** For a table row: the index of its table's header unit, repeated when the row starts a page. */
  header?: number;
}

export interface Pagination {
  /** Unit indices on each page, in order; a repeated header appears on each page it heads. */
  pages: number[][];
  /** Units taller than a page. */
  oversized: number[];
}

/** How far a chain of keep-with-next units is followed: headings rarely stack deeper. */
const MAX_KEEP_CHAIN = 6;

export function paginate(units: readonly LayoutUnit[], pageHeight: number): Pagination {
  const pages: number[][] = [];
  const oversized: number[] = [];
  let page: number[] = [];
  let used = 0;
  /** The page holds only units kept with what follows (headings): breaking would leave them alone. */
  let keptOnly = true;
  const newPage = () => {
    if (page.length > 0) pages.push(page);
    page = [];
    used = 0;
    keptOnly = true;
  };
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    if (unit.breakBefore) newPage();
    // The height that must fit together: this unit and the chain it is kept with.
    let needed = unit.height;
    let chainOversized = unit.height > pageHeight;
    for (let j = i, n = 0; units[j]?.keepWithNext && j + 1 < units.length && n < MAX_KEEP_CHAIN && !units[j + 1]!.breakBefore; j++, n++) {
      needed += units[j + 1]!.height;
      chainOversized ||= units[j + 1]!.height > pageHeight;
    }
    const repeatHeader = unit.header !== undefined && units[i - 1] !== undefined && i - 1 !== unit.header;
    // A passage no page can hold starts a page with its headings: breaking between them would leave the headings alone.
    if (used + needed > pageHeight && page.length > 0 && !(keptOnly && chainOversized)) {
      newPage();
    }
    if (page.length === 0 && repeatHeader && unit.header !== undefined) {
      page.push(unit.header);
      used += units[unit.header]!.height;
    }
    if (unit.height > pageHeight) oversized.push(i);
    page.push(i);
    used += unit.height;
    keptOnly &&= unit.keepWithNext === true;
  }
  newPage();
  return { pages, oversized };
}
