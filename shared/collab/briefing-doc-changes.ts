import * as Y from 'yjs';
import type { Briefing, Section } from '../briefing/model';
import { BRIEFING_SPEC, briefingRoots, listToArray, recordToMap, SECTION_SPEC, type RecordSpec } from './briefing-doc';
import { applyOrder, orderedElements } from './briefing-doc-order';
import { recordRemovals } from './attribution';

/**
 * Turns an editor's "the record is now this" into the smallest document change: a text field
 * gets the inserted and deleted characters only (so two people typing in one field both keep
 * their words), a list keeps the elements it still has, and a value is set only when it differs.
 * Call inside `doc.transact` so a change is one update and one undo step. What a change removes
 * (cut text, a talking point, a section) is recorded in that same transaction as removed by
 * this session (attribution.ts, `deletions`): Yjs keeps no author for a removal.
 */

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The one splice that turns `before` into `after`: common start and end kept, never splitting a surrogate pair. */
export function textSplice(before: string, after: string): { index: number; remove: number; insert: string } | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;
  return { index: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) };
}

export function updateText(text: Y.Text, value: string): void {
  const splice = textSplice(text.toString(), value);
  if (!splice) return;
  if (splice.remove > 0) text.delete(splice.index, splice.remove);
  if (splice.insert) text.insert(splice.index, splice.insert);
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

type Plain = Record<string, unknown>;

/** Changes `map` (laid out by `spec`) so it holds `next`, touching only what differs. */
export function updateRecord(map: Y.Map<unknown>, spec: RecordSpec, next: Plain): void {
  for (const [field, kind] of Object.entries(spec)) {
    const value = next[field];
    const current = map.get(field);
    if (value === undefined) {
      if (current !== undefined) map.delete(field);
      continue;
    }
    if (kind === 'value') {
      if (!same(current, value)) map.set(field, value);
    } else if (kind === 'text') {
      if (current instanceof Y.Text) updateText(current, String(value));
      else map.set(field, new Y.Text(String(value)));
    } else if (kind === 'strings' || kind === 'entries') {
      if (!(current instanceof Y.Array)) {
        const array = new Y.Array<unknown>();
        array.push([...(value as unknown[])]);
        map.set(field, array);
      } else if (kind === 'strings') updateStrings(current as Y.Array<string>, value as string[]);
      else updateEntries(current, value as unknown[]);
    } else if (!(current instanceof Y.Array)) {
      map.set(field, listToArray(kind.list, value as Plain[]));
    } else updateList(current as Y.Array<Y.Map<unknown>>, kind.list, kind.key, value as Plain[]);
  }
}

/** A set-like list of flags: removes what is gone, adds what is new, leaves the rest in place. */
function updateStrings(array: Y.Array<string>, next: readonly string[]): void {
  const wanted = new Set(next);
  for (let i = array.length - 1; i >= 0; i--) if (!wanted.has(array.get(i))) array.delete(i, 1);
  const have = new Set(array.toArray());
  for (const [i, value] of next.entries()) {
    if (have.has(value)) continue;
    array.insert(Math.min(i, array.length), [value]);
    have.add(value);
  }
}

/** An append-only history: appends the new entries; anything else rewrites it. */
function updateEntries(array: Y.Array<unknown>, next: readonly unknown[]): void {
  const current = array.toArray();
  if (current.length <= next.length && current.every((entry, i) => same(entry, next[i]))) {
    if (next.length > current.length) array.push(next.slice(current.length));
    return;
  }
  array.delete(0, array.length);
  array.push([...next]);
}

/**
 * An ordered list of records with ids: removed ids are deleted, new ones appended, kept ones
 * updated in place, and the order set through the elements' order keys: a moved element keeps
 * its Y.Map and its texts, so what a colleague types into it at the same time is kept.
 */
function updateList(array: Y.Array<Y.Map<unknown>>, spec: RecordSpec, key: string, next: readonly Plain[]): void {
  const wanted = new Set(next.map((element) => element[key]));
  const byId = new Map<unknown, Y.Map<unknown>>();
  const drop = new Set<Y.Map<unknown>>();
  for (const element of orderedElements(array)) {
    const id = element.get(key);
    // A copy left by a format 1 move (or an id given twice) goes; the first in list order stays.
    if (!wanted.has(id) || byId.has(id)) drop.add(element);
    else byId.set(id, element);
  }
  for (let i = array.length - 1; i >= 0; i--) if (drop.has(array.get(i))) array.delete(i, 1);
  const added = new Set<Y.Map<unknown>>();
  const order: Y.Map<unknown>[] = [];
  for (const element of next) {
    const id = element[key];
    const at = byId.get(id);
    if (at) {
      updateRecord(at, spec, element);
      order.push(at);
      byId.delete(id);
    } else if (!order.some((e) => e.get(key) === id)) {
      const map = recordToMap(spec, element);
      array.push([map]);
      added.add(map);
      order.push(map);
    }
  }
  applyOrder(array, order, added);
}

/** Makes the briefing's own part (header and general sections) equal `next`. */
export function updateBriefingHead(doc: Y.Doc, next: Briefing): void {
  updateRecord(briefingRoots(doc).briefing, BRIEFING_SPEC, next as unknown as Plain);
  recordRemovals(doc);
}

/** Makes one section equal `next` (its dataset-review flag is not the document's), adding it if new. */
export function updateSection(doc: Y.Doc, next: Section): void {
  const { datasetReview: _local, ...content } = next;
  delete (content as { targetIds?: unknown }).targetIds;
  const sections = briefingRoots(doc).sections;
  const map = sections.get(next.id);
  if (map) updateRecord(map, SECTION_SPEC, content as Plain);
  else sections.set(next.id, recordToMap(SECTION_SPEC, content as Plain));
  recordRemovals(doc);
}

/** Makes the whole document equal `next`: sections it does not have are removed. */
export function updateBriefingDoc(doc: Y.Doc, next: { briefing: Briefing; sections: readonly Section[] }): void {
  updateBriefingHead(doc, next.briefing);
  const sections = briefingRoots(doc).sections;
  const keep = new Set(next.sections.map((s) => s.id));
  for (const id of [...sections.keys()]) if (!keep.has(id)) sections.delete(id);
  for (const section of next.sections) updateSection(doc, section);
  recordRemovals(doc);
}
