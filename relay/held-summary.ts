import * as Y from 'yjs';

/*
 * What a held change would do to the briefing, for the lead deciding on it (held-edits-api.ts):
 * which sections and fields it writes in, and a short preview of its words. Read by applying the
 * held update to a copy of the relay's document and looking at where each of its items landed
 * (an item's parent chain names the part: `sections` / section id / field, or `briefing` /
 * field). The record maps (`authors`, `deletions`, `meta`) are bookkeeping, not the briefing's
 * text, and are left out. Items that build on something neither the relay nor the held change
 * has stay pending in the copy and are not placed.
 */

export interface HeldPlace {
  /** The agenda-item section, or null for the briefing's header and general sections. */
  sectionId: string | null;
  /** The section's agenda title as the relay's copy has it (null when unknown). */
  sectionTitle: string | null;
  /** The field (`position`, `talkingPoints`, `keyMessages`…), or a root type's name outside the briefing layout. */
  field: string;
}

export interface HeldSummary {
  places: HeldPlace[];
  /** The held words, in order of their sessions, cut to `PREVIEW_MAX` characters. */
  preview: string;
}

export const PREVIEW_MAX = 160;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the root types of any kind, as Yjs types them
type AnyType = Y.AbstractType<any>;
const BOOKKEEPING = new Set(['authors', 'deletions', 'meta']);
/** Fields the app sets with every edit (when, and the carried-over review marks it clears): not where the words go. */
const STAMPS = new Set(['updatedAt', 'review']);

/** Summarises `update` as it would land on `current` (neither is modified). */
export function summariseHeld(current: Y.Doc, update: Uint8Array): HeldSummary {
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(current));
    Y.applyUpdate(copy, update);
    // The layout's roots as the types they are first: making one later would re-parent its items.
    for (const name of ['briefing', 'sections', ...BOOKKEEPING]) copy.getMap(name);
    const rootName = new Map<AnyType, string>();
    for (const [name, type] of copy.share) rootName.set(type, name);
    const places = new Map<string, HeldPlace>();
    const words: string[] = [];
    for (const struct of Y.decodeUpdate(update).structs) {
      if (!(struct instanceof Y.Item)) continue;
      const item = integrated(copy, struct.id);
      if (!item) continue;
      const path = pathOf(item, rootName);
      if (!path || BOOKKEEPING.has(path.root)) continue;
      const place = placeOf(copy, path);
      if (STAMPS.has(place.field)) continue;
      places.set(`${place.sectionId ?? ''}\0${place.field}`, place);
      // The held struct's own words (the copy may have merged it with the relay's part of a session).
      if (struct.content instanceof Y.ContentString && !item.deleted) words.push(struct.content.str);
    }
    const text = words.join('').replace(/\s+/g, ' ').trim();
    return { places: [...places.values()], preview: text.length > PREVIEW_MAX ? `${text.slice(0, PREVIEW_MAX - 1)}…` : text };
  } finally {
    copy.destroy();
  }
}

/** The copy's item at `id`, or undefined while it waits for what it builds on. */
function integrated(doc: Y.Doc, id: Y.ID): Y.Item | undefined {
  if (Y.getState(doc.store, id.client) <= id.clock) return undefined;
  const item = Y.getItem(doc.store, id);
  return item instanceof Y.Item ? item : undefined;
}

/** The root type's name and the map keys from it down to `item` (list positions left out). */
function pathOf(item: Y.Item, rootName: Map<AnyType, string>): { root: string; keys: string[] } | undefined {
  const keys: string[] = item.parentSub !== null ? [item.parentSub] : [];
  let parent = item.parent;
  for (let depth = 0; depth < 64; depth++) {
    if (!(parent instanceof Y.AbstractType)) return undefined;
    const holder = parent._item;
    if (holder === null) {
      const root = rootName.get(parent);
      return root === undefined ? undefined : { root, keys };
    }
    if (holder.parentSub !== null) keys.unshift(holder.parentSub);
    parent = holder.parent;
  }
  return undefined;
}

function placeOf(doc: Y.Doc, { root, keys }: { root: string; keys: string[] }): HeldPlace {
  if (root === 'sections' && keys.length > 0) {
    const sectionId = keys[0]!;
    const title = doc.getMap<Y.Map<unknown>>('sections').get(sectionId)?.get('agendaTitle');
    return { sectionId, sectionTitle: typeof title === 'string' ? title : null, field: keys[1] ?? 'section' };
  }
  if (root === 'briefing' && keys.length > 0) return { sectionId: null, sectionTitle: null, field: keys[0]! };
  return { sectionId: null, sectionTitle: null, field: root };
}
