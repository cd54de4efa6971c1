/*
 * Page breaking for the pack, on measured heights: pure and linear. The renderer measures each
 * flow unit once (a chapter title, a paragraph, a list item, a table row...) and this decides
 * which units go on which page. Rules:
 * - a unit that starts a chapter begins a new page;
 * - a unit kept with the next (headings, table headers) moves along with it, and never ends a
 *   page: a heading goes with at least the first two lines of what follows;
 * - a unit that does not fit in what is left of a page is split at a line (the renderer's
 *   splitter says where; it keeps two lines on each side), so nothing is ever cut and no page is
 *   left half empty because the next passage was long; one that cannot be split (too short,
 *   a figure) moves to the next page;
 * - a page that continues the matter of a heading begins with that heading again, marked
 *   "(continued)"; a table row that starts a page gets its table's header row above it.
 * A chain of headings too tall to share a page with what follows is broken: the headings nearest
 * the matter go with it. Only a unit that cannot be split and is taller than a whole page is
 * cut; it is reported.
 */

export interface LayoutUnit {
  height: number;
  /** Starts a new page (chapters). */
  breakBefore?: boolean;
  /** Must be on the same page as the unit after it (headings, a table's header row). */
  keepWithNext?: boolean;
  /** For a table row: the index of its table's header unit, repeated when the row starts a page. */
  header?: number;
  /** The heading this unit is under, repeated "(continued)" above it when it starts a page. */
  under?: number;
  /** For a heading: the height of its "(continued)" copy. */
  continuedHeight?: number;
  /** May be split at a line; `minHeight` is the height of its first two lines. */
  splittable?: boolean;
  minHeight?: number;
}

/** One thing on a page: a unit, a part of a split unit (`slice`), or a heading repeated "(continued)". */
export interface Placement<S> {
  unit: number;
  slice?: S;
  continued?: true;
}

export interface Split<S> {
  head: S;
  headHeight: number;
  tail: S;
  tailHeight: number;
}

/**
 * Splits unit `unit` (or the part `slice` of it still to place) so its first part is at most
 * `available` tall; undefined when it cannot (fewer than two lines would stay on either side).
 */
export type Splitter<S> = (unit: number, slice: S | undefined, available: number) => Split<S> | undefined;

export interface Pagination<S> {
  pages: Placement<S>[][];
  /** Units taller than a page that could not be split. */
  oversized: number[];
  /** Units split over two or more pages. */
  split: number;
}

/** How far a chain of keep-with-next units is followed: headings rarely stack deeper. */
const MAX_KEEP_CHAIN = 6;

export function paginate<S = never>(units: readonly LayoutUnit[], pageHeight: number, splitter?: Splitter<S>): Pagination<S> {
  const pages: Placement<S>[][] = [];
  const oversized: number[] = [];
  let splitCount = 0;
  let page: Placement<S>[] = [];
  let heights: number[] = [];
  let used = 0;
  /** Units on the current page, repeated ones included. */
  const onPage = new Set<number>();
  /** The unit the current page was opened for (moving it again would not help). */
  let openedFor = -1;
  const place = (placement: Placement<S>, height: number) => {
    page.push(placement);
    heights.push(height);
    used += height;
    onPage.add(placement.unit);
  };
  const flush = () => {
    if (page.length > 0) pages.push(page);
    page = [];
    heights = [];
    used = 0;
    onPage.clear();
  };
  const repeatHeading = (under: number | undefined) => {
    if (under !== undefined && !onPage.has(under)) place({ unit: under, continued: true }, units[under]!.continuedHeight ?? units[under]!.height);
  };
  /** What a page opened for unit i holds above it: its heading "(continued)", its table's header. */
  const opening = (i: number) => {
    const unit = units[i]!;
    repeatHeading(unit.under);
    if (unit.header !== undefined && !onPage.has(unit.header)) place({ unit: unit.header }, units[unit.header]!.height);
    openedFor = i;
  };
  /**
   * Starts a new page for unit i; headings and table headers left at the foot of the old one come
   * along, as many as leave `room` for what follows them (all of them unless told).
   */
  const newPage = (i: number, room = Infinity) => {
    let keep = page.length;
    let carriedHeight = 0;
    while (keep > 0 && units[page[keep - 1]!.unit]!.keepWithNext && page[keep - 1]!.slice === undefined && carriedHeight + heights[keep - 1]! <= room) carriedHeight += heights[--keep]!;
    const carried = page.splice(keep);
    const carriedHeights = heights.splice(keep);
    flush();
    if (carried.length > 0 && !carried[0]!.continued) repeatHeading(units[carried[0]!.unit]!.under);
    carried.forEach((c, k) => place(c, carriedHeights[k]!));
    opening(i);
  };

  /** Whether, from placement k down, the page holds only headings that could not all come along: breaking there leaves something behind. */
  const keptOnly = (k: number, room: number) => {
    let carried = 0;
    while (k >= 0 && page[k]!.slice === undefined && units[page[k]!.unit]!.keepWithNext && carried + heights[k]! <= room) carried += heights[k--]!;
    return k >= 0;
  };

  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    if (unit.breakBefore) {
      flush();
      openedFor = i;
    }
    // The height that must fit together: this unit and the chain it is kept with (the last of
    // which needs only its first two lines when it can be split).
    let needed = unit.height;
    for (let j = i, n = 0; units[j]?.keepWithNext && j + 1 < units.length && n < MAX_KEEP_CHAIN && !units[j + 1]!.breakBefore; j++, n++) {
      const next = units[j + 1]!;
      needed += next.keepWithNext || !next.splittable ? next.height : Math.min(next.height, next.minHeight ?? next.height);
    }
    // Moving on helps only from a page with more than headings (they would come along).
    const movable = () => openedFor !== i && page.some((p) => !p.continued && !units[p.unit]!.keepWithNext);
    // A unit that can be split takes what is left of the page (below); anything else that does not fit moves on.
    if (needed > pageHeight - used && !(unit.splittable && !unit.keepWithNext) && movable()) newPage(i);
    let slice: S | undefined;
    let height = unit.height;
    for (;;) {
      const room = pageHeight - used;
      if (height <= room) {
        place(slice === undefined ? { unit: i } : { unit: i, slice }, height);
        break;
      }
      const parts = unit.splittable && splitter ? splitter(i, slice, room) : undefined;
      if (parts) {
        if (slice === undefined) splitCount++;
        place({ unit: i, slice: parts.head }, parts.headHeight);
        slice = parts.tail;
        height = parts.tailHeight;
        flush();
        opening(i);
        continue;
      }
      if (movable()) {
        newPage(i);
        continue;
      }
      // Headings stacked above a unit that cannot share a page with all of them (a chain taller
      // than a page): the chain is broken, and the headings nearest the unit that fit go with it.
      if (openedFor !== i && page.length > 0 && height <= pageHeight && keptOnly(page.length - 1, pageHeight - height)) {
        newPage(i, pageHeight - height);
        continue;
      }
      oversized.push(i);
      place(slice === undefined ? { unit: i } : { unit: i, slice }, height);
      break;
    }
  }
  flush();
  return { pages, oversized, split: splitCount };
}
