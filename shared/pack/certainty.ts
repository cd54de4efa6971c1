import { CERTAINTY_LEVELS, type Certainty, type CertaintyLevel, type CertaintyNote } from '../model';
import { fieldNotes } from '../model/certainty-paths';
import type { PackContext } from './compose-context';
import type { PackBlock, PackCertainty, PackChapter } from './model';

export { fieldNotes };

/*
 * How sure the printed facts are, as the dataset's publisher said (per record and per field):
 * the mark printed after a fact and the line under it. Verified facts get a discreet mark and
 * only the publisher's note; a partial or unverified fact its note and the sources that support
 * it; a conflict its note and the sources on each side, numbered as the pack's sources list
 * numbers them (or by title when that list is left out). A legend is printed once, before the
 * first fact with a mark.
 */

/** The worse of two levels wins when one printed fact covers several fields (dates: start and end). */
const RANK: Record<CertaintyLevel, number> = { verified: 0, partial: 1, unverified: 2, conflicting: 3 };

/** The sources a note names, as the pack refers to them: "[1, 3]" where the sources are listed, else their titles. */
function sourcesText(ctx: PackContext, ids: readonly string[]): string {
  const known = ids.filter((id) => ctx.sourceById.has(id));
  const unknown = ids.filter((id) => !ctx.sourceById.has(id));
  const named = ctx.numbers.printed
    ? [...(known.length > 0 ? [`[${ctx.numbers.cite(known.map((sourceId) => ({ sourceId }))).join(', ')}]`] : [])]
    : known.map((id) => `“${ctx.text(ctx.sourceById.get(id)!.title)}”`);
  return [...named, ...unknown].join('; ');
}

function noteDetail(ctx: PackContext, note: CertaintyNote): string {
  const parts: string[] = [];
  const text = ctx.text(note.note).trim();
  if (text) parts.push(/[.!?…]$/u.test(text) ? text : `${text}.`);
  if (note.level !== 'verified') {
    if (note.supportedBy && note.supportedBy.length > 0) parts.push(ctx.t('certainty.supportedBy', { sources: sourcesText(ctx, note.supportedBy) }));
    if (note.contradictedBy && note.contradictedBy.length > 0) parts.push(ctx.t('certainty.contradictedBy', { sources: sourcesText(ctx, note.contradictedBy) }));
  }
  return parts.join(' ');
}

/** The mark and line for one printed fact from the notes about it; undefined when the publisher said nothing. */
export function packCertainty(ctx: PackContext, notes: readonly (CertaintyNote | undefined)[]): PackCertainty | undefined {
  const given = notes.filter((n): n is CertaintyNote => n !== undefined);
  if (given.length === 0) return undefined;
  const level = given.reduce<CertaintyLevel>((worst, n) => (RANK[n.level] > RANK[worst] ? n.level : worst), 'verified');
  const detail = given.map((n) => noteDetail(ctx, n)).filter(Boolean).join(' ');
  return { level, mark: ctx.t(`certainty.${level}`), ...(detail ? { detail } : {}) };
}

/** `{ certainty }` to spread into a block or row, or nothing. */
export function withCertainty(certainty: PackCertainty | undefined): { certainty?: PackCertainty } {
  return certainty ? { certainty } : {};
}

/** The record's own certainty (its title line, its row). */
export function recordCertainty(ctx: PackContext, certainty: Certainty | undefined): { certainty?: PackCertainty } {
  return withCertainty(packCertainty(ctx, [certainty?.record]));
}

/** The certainty of the named fields of a record (the dates: `startDate`, `endDate`). */
export function fieldCertainty(ctx: PackContext, certainty: Certainty | undefined, paths: readonly string[]): { certainty?: PackCertainty } {
  return withCertainty(packCertainty(ctx, fieldNotes(certainty, paths)));
}

function blockHasCertainty(block: PackBlock): boolean {
  if (block.kind === 'table') return block.rows.some((r) => r.certainty !== undefined);
  return 'certainty' in block && block.certainty !== undefined;
}

export function certaintyLegend(ctx: PackContext): PackBlock {
  return {
    kind: 'certainty-legend',
    title: ctx.t('certainty.legend'),
    entries: CERTAINTY_LEVELS.map((level) => ({ level, mark: ctx.t(`certainty.${level}`), meaning: ctx.t(`certainty.legend.${level}`) })),
    unmarked: ctx.t('certainty.legend.unmarked'),
  };
}

/** The chapters with the legend put first in the first chapter (in print order) that has a fact with a mark; unchanged when none has. */
export function withCertaintyLegend(ctx: PackContext, chapters: readonly PackChapter[]): PackChapter[] {
  const at = chapters.findIndex((c) => c.blocks.some(blockHasCertainty));
  if (at < 0) return [...chapters];
  return chapters.map((c, i) => (i === at ? { ...c, blocks: [certaintyLegend(ctx), ...c.blocks] } : c));
}
