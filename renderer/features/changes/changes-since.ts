import * as Y from 'yjs';
import { briefingRoots, BRIEFING_SPEC, mapToRecord, SECTION_SPEC, type RecordSpec } from '../../../shared/collab/briefing-doc';
import { diffWords, type DiffPart } from '../../../shared/papers/diff';
import { authorKey, authorOfClient, clientsSince, deleterLookup, deletersSince, stateVectorOf, type DeleterLookup, type EditAuthor } from '../../../shared/collab/attribution';

/**
 * "What changed since I last looked", by author. The baseline is the briefing document's whole
 * state when I last marked it as seen (an update; its state vector says what I had seen). Now
 * against then: every field whose text or value differs, with a word diff, and who wrote it —
 * the Yjs client ids of what was written after the baseline, mapped to members through the
 * document's `authors` map. Pure: the view and the tests call it with two states.
 */

/** The briefing's general part (header, key messages, logistics…), listed like a section. */
export const GENERAL = 'general';

export interface FieldChange {
  /** A field of `Section` (or of `Briefing` for the general part). */
  field: string;
  parts: DiffPart[];
  /** Who wrote what is new in it and who removed what is gone (recorded by each session: attribution.ts); empty for changes made before that was recorded. */
  authors: EditAuthor[];
}

export interface SectionChange {
  /** A section id, or `GENERAL`. */
  sectionId: string;
  /** The agenda item's title (current, or as seen for a section that is gone). */
  title: string;
  agendaItemId?: string;
  state: 'changed' | 'added' | 'removed';
  fields: FieldChange[];
}

export interface AuthorChanges {
  /** undefined: a change whose writer is not recorded (made before attribution, or removals before deletions were recorded). */
  author: EditAuthor | undefined;
  sections: SectionChange[];
}

/** Fields that are bookkeeping, not the delegation's words. */
const SKIP = new Set(['id', 'briefingId', 'agendaItemId', 'order', 'updatedAt', 'createdAt', 'review', 'statusHistory', 'startedFrom', 'meetingId']);

/** A field's value as text to compare and diff: text as it is, lists one element per line. */
function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  // One element per line, each ending with its line break so that an element added at the end is only an insertion.
  if (Array.isArray(value)) return value.map((v) => `${typeof v === 'object' && v !== null ? listLine(v as Record<string, unknown>) : String(v)}\n`).join('');
  return String(value);
}

function listLine(element: Record<string, unknown>): string {
  return Object.entries(element)
    .filter(([key, v]) => key !== 'id' && key !== 'assessedAt' && v !== undefined && v !== '')
    .map(([, v]) => (Array.isArray(v) ? v.map((x) => asText((x as { text?: unknown }).text ?? x)).join(' / ') : String(v)))
    .join(' — ');
}

function diffRecord(spec: RecordSpec, now: Y.Map<unknown> | undefined, then: Y.Map<unknown> | undefined, seen: Map<number, number>, doc: Y.Doc, deleterOf: DeleterLookup): FieldChange[] {
  const a = then ? mapToRecord(spec, then) : {};
  const b = now ? mapToRecord(spec, now) : {};
  const out: FieldChange[] = [];
  for (const field of Object.keys(spec)) {
    if (SKIP.has(field)) continue;
    const before = asText(a[field]);
    const after = asText(b[field]);
    if (before === after) continue;
    const clients = new Set<number>();
    const value = now?.get(field);
    if (value instanceof Y.AbstractType) clientsSince(value as Y.AbstractType<unknown>, seen, clients);
    const item = now?._map.get(field);
    if (item && !item.deleted && item.id.clock >= (seen.get(item.id.client) ?? 0)) clients.add(item.id.client);
    // Who removed what was there: a section or talking point deleted, text cut, a value replaced.
    const old = then?.get(field);
    if (old instanceof Y.AbstractType) deletersSince(old as Y.AbstractType<unknown>, deleterOf, clients);
    const oldItem = then?._map.get(field);
    if (oldItem && !oldItem.deleted) for (const by of deleterOf(oldItem.id, oldItem.length)) clients.add(by);
    const authors = new Map<string, EditAuthor>();
    for (const client of clients) {
      const author = authorOfClient(doc, client);
      if (author) authors.set(authorKey(author), author);
    }
    out.push({ field, parts: diffWords(before, after), authors: [...authors.values()] });
  }
  return out;
}

/** Every section (and the general part) that differs from the baseline, in the briefing's order. */
export function changesSince(doc: Y.Doc, baseline: Uint8Array): SectionChange[] {
  const then = new Y.Doc();
  Y.applyUpdate(then, baseline);
  const seen = stateVectorOf(baseline);
  const removals = deleterLookup(doc);
  const nowRoots = briefingRoots(doc);
  const thenRoots = briefingRoots(then);
  const out: SectionChange[] = [];
  const general = diffRecord(BRIEFING_SPEC, nowRoots.briefing, thenRoots.briefing, seen, doc, removals);
  if (general.length > 0) out.push({ sectionId: GENERAL, title: String(nowRoots.briefing.get('title') ?? ''), state: 'changed', fields: general });
  const ids = new Set([...nowRoots.sections.keys(), ...thenRoots.sections.keys()]);
  const sections: (SectionChange & { order: number })[] = [];
  for (const id of ids) {
    const now = nowRoots.sections.get(id);
    const before = thenRoots.sections.get(id);
    const fields = diffRecord(SECTION_SPEC, now, before, seen, doc, removals);
    if (fields.length === 0 && now && before) continue;
    const source = now ?? before!;
    const agendaItemId = source.get('agendaItemId');
    sections.push({
      sectionId: id,
      title: String(source.get('agendaTitle') ?? ''),
      ...(typeof agendaItemId === 'string' ? { agendaItemId } : {}),
      state: !before ? 'added' : !now ? 'removed' : 'changed',
      fields,
      order: Number(source.get('order') ?? 0),
    });
  }
  sections.sort((x, y) => x.order - y.order || (x.sectionId < y.sectionId ? -1 : 1));
  then.destroy();
  return [...out, ...sections.map(({ order: _o, ...rest }) => rest)];
}

/**
 * The same changes grouped by author: each author with the sections and fields they wrote in
 * (a field two people wrote in is listed under both), then the changes nobody is recorded for.
 * `me` (my member id, or null) is listed last among the authors.
 */
export function changesByAuthor(changes: readonly SectionChange[], me?: EditAuthor): AuthorChanges[] {
  const groups = new Map<string, AuthorChanges>();
  const add = (author: EditAuthor | undefined, section: SectionChange, field: FieldChange) => {
    const key = authorKey(author);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { author, sections: [] }));
    let entry = group.sections.find((s) => s.sectionId === section.sectionId);
    if (!entry) group.sections.push((entry = { ...section, fields: [] }));
    entry.fields.push(field);
  };
  for (const section of changes) {
    for (const field of section.fields) {
      if (field.authors.length === 0) add(undefined, section, field);
      for (const author of field.authors) add(author, section, field);
    }
  }
  const mine = me ? authorKey(me) : undefined;
  const rank = (g: AuthorChanges) => (!g.author ? 2 : authorKey(g.author) === mine ? 1 : 0);
  return [...groups.values()].sort((a, b) => rank(a) - rank(b) || (a.author?.name ?? '').localeCompare(b.author?.name ?? ''));
}
