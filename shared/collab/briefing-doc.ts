import * as Y from 'yjs';
import type { Briefing, Section } from '../briefing/model';
import { initialOrderKeys, migrateListOrder, ORDER_KEY, orderedElements } from './briefing-doc-order';

/**
 * A briefing's content as one Yjs document: the source of truth for every briefing, shared or
 * not. The `briefings` and `sections` rows that lists, search and packs read are projected from
 * it (see `readBriefingDoc`). Layout (format version `BRIEFING_DOC_FORMAT`):
 *
 * - `meta` Y.Map: `format` (number), `briefingId` (string).
 * - `briefing` Y.Map: the briefing's header and general sections, keys as in `Briefing`.
 * - `sections` Y.Map: section id -> Y.Map with the keys of `Section` (minus `datasetReview`,
 *   which a dataset update sets on this machine's rows only: it is not the delegation's text).
 *
 * Within a record, free text is a `Y.Text` (character-level merge), a choice from a list
 * (status, marking, assessment, dates) a plain value (last writer wins), an ordered list of
 * things a `Y.Array` of `Y.Map`s that each carry a stable id and (format 2) an order key, so a
 * move changes a key and never re-creates the element (`briefing-doc-order.ts`), `review` a
 * `Y.Array` of strings and `statusHistory` a `Y.Array` of plain entries (appended to only).
 * Format 1 documents (lists in array order) are read as they are and keyed by `migrateBriefingDoc`.
 */
export const BRIEFING_DOC_FORMAT = 2;

export type FieldKind = 'text' | 'value' | 'strings' | 'entries' | ListOf;
export interface ListOf {
  list: RecordSpec;
  /** The field that identifies an element (`id`, or `targetId` for target assessments). */
  key: string;
}
export type RecordSpec = Readonly<Record<string, FieldKind>>;

const TALKING_POINT: RecordSpec = { id: 'value', text: 'text' };

export const SECTION_SPEC: RecordSpec = {
  id: 'value',
  briefingId: 'value',
  agendaItemId: 'value',
  order: 'value',
  agendaTitle: 'value',
  objectives: 'text',
  position: 'text',
  redLines: 'text',
  fallback: 'text',
  talkingPoints: { list: TALKING_POINT, key: 'id' },
  background: 'text',
  targets: { list: { targetId: 'value', assessment: 'value', evidence: 'text', assessedAt: 'value' }, key: 'targetId' },
  followUps: { list: { id: 'value', what: 'text', owner: 'text', due: 'value' }, key: 'id' },
  privateNotes: 'text',
  review: 'strings',
  updatedAt: 'value',
};

export const BRIEFING_SPEC: RecordSpec = {
  id: 'value',
  meetingId: 'value',
  title: 'text',
  delegation: 'value',
  author: 'text',
  classification: 'value',
  status: 'value',
  statusHistory: 'entries',
  keyMessages: 'text',
  bilaterals: { list: { id: 'value', counterpart: 'text', objectives: 'text', talkingPoints: { list: TALKING_POINT, key: 'id' } }, key: 'id' },
  // `covers` is a multiple choice of agenda items: one value, last writer wins.
  members: { list: { id: 'value', name: 'text', role: 'text', covers: 'value' }, key: 'id' },
  contacts: { list: { id: 'value', name: 'text', role: 'text', phone: 'text', email: 'text' }, key: 'id' },
  logistics: 'text',
  startedFrom: 'value',
  review: 'strings',
  createdAt: 'value',
  updatedAt: 'value',
};

export interface BriefingRoots {
  meta: Y.Map<unknown>;
  briefing: Y.Map<unknown>;
  sections: Y.Map<Y.Map<unknown>>;
}

export function briefingRoots(doc: Y.Doc): BriefingRoots {
  return { meta: doc.getMap('meta'), briefing: doc.getMap('briefing'), sections: doc.getMap('sections') };
}

type Plain = Record<string, unknown>;

/** A Y.Map holding `value` laid out by `spec` (not yet in a document: integrate it by inserting it). */
export function recordToMap(spec: RecordSpec, value: Plain): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  writeRecord(map, spec, value);
  return map;
}

/** Sets every field of `value` on `map` (a document's root map, or one not yet integrated). */
export function writeRecord(map: Y.Map<unknown>, spec: RecordSpec, value: Plain): void {
  for (const [field, kind] of Object.entries(spec)) {
    const v = value[field];
    if (v === undefined) continue;
    if (kind === 'text') map.set(field, new Y.Text(String(v)));
    else if (kind === 'value') map.set(field, v);
    else if (kind === 'strings' || kind === 'entries') {
      const array = new Y.Array<unknown>();
      array.push([...(v as unknown[])]);
      map.set(field, array);
    } else map.set(field, listToArray(kind.list, v as Plain[]));
  }
}

/** A new list's Y.Array, each element with its order key. */
export function listToArray(spec: RecordSpec, elements: readonly Plain[]): Y.Array<Y.Map<unknown>> {
  const keys = initialOrderKeys(elements.length);
  const array = new Y.Array<Y.Map<unknown>>();
  array.push(
    elements.map((element, i) => {
      const map = recordToMap(spec, element);
      map.set(ORDER_KEY, keys[i]);
      return map;
    }),
  );
  return array;
}

/** The plain record a Y.Map laid out by `spec` holds. Absent values stay absent; list elements with an id seen before are dropped. */
export function mapToRecord(spec: RecordSpec, map: Y.Map<unknown>): Plain {
  const out: Plain = {};
  for (const [field, kind] of Object.entries(spec)) {
    const v = map.get(field);
    if (v === undefined) continue;
    if (kind === 'text') out[field] = (v as Y.Text).toString();
    else if (kind === 'value') out[field] = v;
    else if (kind === 'strings') out[field] = [...new Set((v as Y.Array<string>).toArray())];
    else if (kind === 'entries') out[field] = (v as Y.Array<unknown>).toArray();
    else {
      // In format 1 two people moving one element at once each re-inserted it: keep the first copy.
      const seen = new Set<unknown>();
      const list: Plain[] = [];
      for (const element of orderedElements(v as Y.Array<Y.Map<unknown>>)) {
        const id = element.get(kind.key);
        if (seen.has(id)) continue;
        seen.add(id);
        list.push(mapToRecord(kind.list, element));
      }
      out[field] = list;
    }
  }
  return out;
}

/** A section as the document has it (without the machine-local dataset-review flag). */
export function readSection(map: Y.Map<unknown>): Section {
  return mapToRecord(SECTION_SPEC, map) as unknown as Section;
}

export function readBriefing(doc: Y.Doc): Briefing {
  return mapToRecord(BRIEFING_SPEC, briefingRoots(doc).briefing) as unknown as Briefing;
}

/** The whole briefing as rows, sections in their order. */
export function readBriefingDoc(doc: Y.Doc): { briefing: Briefing; sections: Section[] } {
  const sections = [...briefingRoots(doc).sections.values()].map(readSection);
  sections.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
  return { briefing: readBriefing(doc), sections };
}

/** Whether the document holds a briefing at all (an empty doc is one never written). */
export function hasBriefing(doc: Y.Doc): boolean {
  return briefingRoots(doc).briefing.has('id');
}

/** Writes a whole briefing into an empty document, in one transaction. */
export function seedBriefingDoc(doc: Y.Doc, briefing: Briefing, sections: readonly Section[], origin: unknown = null): void {
  const roots = briefingRoots(doc);
  doc.transact(() => {
    roots.meta.set('format', BRIEFING_DOC_FORMAT);
    roots.meta.set('briefingId', briefing.id);
    writeRecord(roots.briefing, BRIEFING_SPEC, briefing as unknown as Plain);
    for (const section of sections) roots.sections.set(section.id, recordToMap(SECTION_SPEC, withoutLocal(section)));
  }, origin);
}

/**
 * Brings a format 1 document to format 2: every list's elements get order keys in their current
 * order. Only keys are written (the same on every machine for the same list, so two apps doing
 * it at once agree), no text is touched. Returns whether anything changed. Call in a transaction.
 */
export function migrateBriefingDoc(doc: Y.Doc): boolean {
  const roots = briefingRoots(doc);
  const format = roots.meta.get('format');
  if (typeof format === 'number' && format >= BRIEFING_DOC_FORMAT) return false;
  if (!hasBriefing(doc)) return false;
  keyLists(roots.briefing, BRIEFING_SPEC);
  for (const section of roots.sections.values()) keyLists(section, SECTION_SPEC);
  roots.meta.set('format', BRIEFING_DOC_FORMAT);
  return true;
}

function keyLists(map: Y.Map<unknown>, spec: RecordSpec): void {
  for (const [field, kind] of Object.entries(spec)) {
    if (typeof kind === 'string') continue;
    const array = map.get(field);
    if (!(array instanceof Y.Array)) continue;
    migrateListOrder(array as Y.Array<Y.Map<unknown>>);
    for (const element of array as Y.Array<Y.Map<unknown>>) keyLists(element, kind.list);
  }
}

/** The document state of a briefing built from its rows (conversion of briefings made before documents). */
export function briefingDocUpdate(briefing: Briefing, sections: readonly Section[]): Uint8Array {
  const doc = new Y.Doc();
  seedBriefingDoc(doc, briefing, sections);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

function withoutLocal(section: Section): Plain {
  const { datasetReview: _local, ...rest } = section as Section & { targetIds?: unknown };
  delete (rest as { targetIds?: unknown }).targetIds;
  return rest as Plain;
}

/** What a transaction changed: the briefing's own part, and which sections (by id). */
export interface ChangedParts {
  briefing: boolean;
  sections: Set<string>;
}

export function changedParts(doc: Y.Doc, changed: Iterable<Y.AbstractType<unknown>>, changedKeys?: (type: Y.AbstractType<unknown>) => Iterable<string | null>): ChangedParts {
  const roots = briefingRoots(doc);
  const parts: ChangedParts = { briefing: false, sections: new Set() };
  for (const type of changed) {
    if (type === (roots.sections as Y.AbstractType<unknown>)) {
      for (const key of changedKeys?.(type) ?? []) if (key !== null) parts.sections.add(key);
      continue;
    }
    let current: Y.AbstractType<unknown> | null = type;
    while (current) {
      if (current === (roots.briefing as Y.AbstractType<unknown>)) {
        parts.briefing = true;
        break;
      }
      const item: Y.Item | null = current._item;
      if (!item) break;
      const parent = item.parent as Y.AbstractType<unknown>;
      if (parent === (roots.sections as Y.AbstractType<unknown>)) {
        if (item.parentSub !== null) parts.sections.add(item.parentSub);
        break;
      }
      current = parent;
    }
  }
  return parts;
}

/** What one Yjs transaction changed. */
export function transactionParts(doc: Y.Doc, transaction: Y.Transaction): ChangedParts {
  return changedParts(doc, transaction.changed.keys() as Iterable<Y.AbstractType<unknown>>, (type) => transaction.changed.get(type as never) ?? []);
}

const BASE64_CHUNK = 0x8000;

/** A Yjs update as base64, for JSON files (exports, backups). */
export function updateToBase64(update: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < update.length; i += BASE64_CHUNK) binary += String.fromCharCode(...update.subarray(i, i + BASE64_CHUNK));
  return btoa(binary);
}

export function base64ToUpdate(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
