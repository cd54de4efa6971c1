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

/** The pack after the cover as a flat list of units (the cover is a page of its own). */
export function flowUnits(doc: PackDocument): FlowUnit[] {
  const units: FlowUnit[] = [{ kind: 'contents-title' }];
  for (const chapter of doc.chapters) {
    if (chapter.group) units.push({ kind: 'contents-group', text: chapter.group });
    units.push({ kind: 'contents-entry', chapter });
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

/** Break rules of each unit, to go with its measured height. */
export function layoutRule(unit: FlowUnit): Omit<LayoutUnit, 'height'> {
  switch (unit.kind) {
    case 'contents-title':
    case 'contents-group':
      return { keepWithNext: true };
    case 'chapter-title':
      return { breakBefore: true, keepWithNext: true };
    case 'table-head':
      return { keepWithNext: true };
    case 'table-row':
      return { header: unit.header };
    case 'block':
      return unit.block.kind === 'heading' ? { keepWithNext: true } : {};
    default:
      return {};
  }
}
