import type { PackBlock, PackChapter, PackDocument, PackRow } from '../../../shared/pack/model';
import type { LayoutUnit } from '../../../shared/pack/paginate';

export type TableBlock = Extract<PackBlock, { kind: 'table' }>;

/** One piece of the pack's flow: the smallest thing a page break can fall before. */
export type FlowUnit =
  | { kind: 'contents-title' }
  | { kind: 'contents-group'; text: string }
  | { kind: 'contents-entry'; chapter: PackChapter }
  | { kind: 'chapter-title'; chapter: PackChapter }
  | { kind: 'block'; block: Exclude<PackBlock, TableBlock> }
  | { kind: 'table-head'; table: TableBlock }
  | { kind: 'table-row'; table: TableBlock; row: PackRow; header: number };

/**
 * The part of a split unit printed on one page: for each of the unit's text containers (in the
 * order they render, marked `data-slice`), the range of its visible characters; `first` and
 * `last` say whether the part holds the unit's start (number, label) and end (citations).
 */
export interface UnitSlice {
  ranges: [number, number][];
  first: boolean;
  last: boolean;
}

/** A flow unit as printed: whole, a part of it, or a heading repeated "(continued)". */
export interface PlacedUnit {
  unit: FlowUnit;
  slice?: UnitSlice;
  continued?: boolean;
}

/** The contents' id for an annexed paper's line (its page comes from the annex plan). */
export function annexEntryId(paperId: string): string {
  return `paper:${paperId}`;
}

/** The pack after the cover as a flat list of units (the cover is a page of its own). */
export function flowUnits(doc: PackDocument): FlowUnit[] {
  const units: FlowUnit[] = [{ kind: 'contents-title' }];
  for (const chapter of doc.chapters) {
    if (chapter.group) units.push({ kind: 'contents-group', text: chapter.group });
    units.push({ kind: 'contents-entry', chapter });
  }
  // Annexed papers are pages of their own after the pack's: a contents line each, no chapter.
  if (doc.papers) {
    units.push({ kind: 'contents-group', text: doc.papers.group });
    for (const paper of doc.papers.entries) units.push({ kind: 'contents-entry', chapter: { id: annexEntryId(paper.id), title: paper.title, level: 2, blocks: [] } });
  }
  for (const chapter of doc.chapters) {
    units.push({ kind: 'chapter-title', chapter });
    for (const block of chapter.blocks) {
      if (block.kind !== 'table') {
        units.push({ kind: 'block', block });
        continue;
      }
      const header = units.length;
      units.push({ kind: 'table-head', table: block });
      for (const row of block.rows) units.push({ kind: 'table-row', table: block, row, header });
    }
  }
  return units;
}

/** Units repeated "(continued)" at the top of a page that goes on with their matter. */
export function isHeading(unit: FlowUnit): boolean {
  return unit.kind === 'contents-title' || (unit.kind === 'block' && unit.block.kind === 'heading');
}

/** Units that may be split at a line: passages of text and table rows. */
export function isSplittable(unit: FlowUnit): boolean {
  if (unit.kind === 'table-row') return true;
  return unit.kind === 'block' && (unit.block.kind === 'markdown' || unit.block.kind === 'text' || unit.block.kind === 'field');
}

/** Break rules of each unit, to go with its measured height: `under` is the heading it continues. */
export function layoutRules(units: readonly FlowUnit[]): Omit<LayoutUnit, 'height'>[] {
  let heading: number | undefined;
  return units.map((unit, i) => {
    switch (unit.kind) {
      case 'contents-title':
        heading = i;
        return { keepWithNext: true };
      case 'contents-group':
        return { keepWithNext: true, ...(heading !== undefined ? { under: heading } : {}) };
      case 'contents-entry':
        return heading !== undefined ? { under: heading } : {};
      case 'chapter-title':
        heading = undefined;
        return unit.chapter.continuous ? { keepWithNext: true } : { breakBefore: true, keepWithNext: true };
      case 'table-head':
        return { keepWithNext: true, ...(heading !== undefined ? { under: heading } : {}) };
      case 'table-row':
        return { header: unit.header, splittable: true, ...(heading !== undefined ? { under: heading } : {}) };
      case 'block':
        if (unit.block.kind === 'heading') {
          heading = i;
          return { keepWithNext: true };
        }
        return { ...(isSplittable(unit) ? { splittable: true } : {}), ...(heading !== undefined ? { under: heading } : {}) };
    }
  });
}
