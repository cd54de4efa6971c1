import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import type * as Y from 'yjs';

/**
 * The order of a list in a briefing document (talking points, follow-ups, target assessments,
 * bilaterals, members, contacts). Each element is a Y.Map in a Y.Array that is only ever
 * appended to and deleted from; its place in the list is a fractional order key (`pos`, a
 * string that sorts between its neighbours) on the element itself. Moving an element sets its
 * key and nothing else, so a colleague typing in that talking point at the same moment keeps
 * every word (a delete and re-insert would drop the old Y.Text and the words typed into it), and
 * two people moving it at once end with one copy in one place (the last key written).
 *
 * Documents of format 1 have no keys: their elements are in array order. An element without a
 * key sorts just after the keyed element before it in the array (ties in array order), so a
 * list that is partly keyed (an element added by an older app) still has one order on every
 * machine. `migrateListOrder` keys them all (format 2).
 */
export const ORDER_KEY = 'pos';

type Element = Y.Map<unknown>;

/** The key to sort by: any string sorts (cheap, for reading 3,000 points on open). */
function sortKeyOf(element: Element): string | undefined {
  const pos = element.get(ORDER_KEY);
  return typeof pos === 'string' ? pos : undefined;
}

/** The key to place others around: only one the generator accepts (a peer could write anything; such an element is keyed again). */
function keyOf(element: Element): string | undefined {
  const pos = sortKeyOf(element);
  return pos !== undefined && isOrderKey(pos) ? pos : undefined;
}

/** Whether `pos` is a key the generator can place others around (a peer could write anything). */
export function isOrderKey(pos: string): boolean {
  if (pos.length === 0 || pos.length > 200) return false;
  try {
    generateKeyBetween(pos, null);
    return true;
  } catch {
    return false;
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The elements in list order. */
export function orderedElements(array: Y.Array<Element>): Element[] {
  const entries: { element: Element; key: string }[] = [];
  let previous = '';
  for (const element of array) {
    const key = sortKeyOf(element);
    if (key !== undefined) previous = key;
    entries.push({ element, key: key ?? previous });
  }
  // Array.prototype.sort is stable: equal keys keep their array order.
  entries.sort((a, b) => compare(a.key, b.key));
  return entries.map((e) => e.element);
}

/** Keys for `n` new elements of a fresh list. */
export function initialOrderKeys(n: number): string[] {
  return generateNKeysBetween(null, null, n);
}

/**
 * Keys every element of a list in its current order (format 1 to 2): keys only, no text touched.
 * `except`: elements just added, which are placed by `applyOrder` afterwards.
 */
export function migrateListOrder(array: Y.Array<Element>, except: ReadonlySet<Element> = new Set()): void {
  const elements = orderedElements(array).filter((e) => !except.has(e));
  if (!elements.some((e) => keyOf(e) === undefined)) return;
  // The same keys on every machine for the same list, so two apps migrating at once agree.
  initialOrderKeys(elements.length).forEach((key, i) => {
    if (elements[i]!.get(ORDER_KEY) !== key) elements[i]!.set(ORDER_KEY, key);
  });
}

/** Indexes of a longest strictly increasing subsequence of `values` (patience sorting). */
export function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < values[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const out = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i]!) out.add(i);
  return out;
}

/**
 * Gives the elements the order `wanted` (every element of the array, each once) by setting as
 * few keys as possible: the longest run already in order keeps its keys, the others (moved, or
 * `added` just now without a key) get keys between their new neighbours.
 */
export function applyOrder(array: Y.Array<Element>, wanted: readonly Element[], added: ReadonlySet<Element> = new Set()): void {
  if (added.size === 0) {
    const current = orderedElements(array);
    if (current.length === wanted.length && current.every((e, i) => e === wanted[i])) return;
  }
  migrateListOrder(array, added);
  const rank = new Map(orderedElements(array).filter((e) => !added.has(e)).map((e, i) => [e, i]));
  const kept = wanted.map((e, i) => ({ e, i })).filter(({ e }) => rank.has(e));
  const run = longestIncreasing(kept.map(({ e }) => rank.get(e)!));
  const stable = new Set<number>();
  // Equal keys (two elements keyed at once on two machines) cannot have a key put between them.
  let last: string | undefined;
  kept.forEach(({ e, i }, k) => {
    if (!run.has(k)) return;
    const key = keyOf(e)!;
    if (last !== undefined && key <= last) return;
    stable.add(i);
    last = key;
  });
  let before: string | null = null;
  for (let i = 0; i < wanted.length; i++) {
    if (stable.has(i)) {
      before = keyOf(wanted[i]!)!;
      continue;
    }
    let after: string | null = null;
    for (let j = i + 1; j < wanted.length; j++) {
      if (stable.has(j)) {
        after = keyOf(wanted[j]!)!;
        break;
      }
    }
    const key = generateKeyBetween(before, after);
    if (wanted[i]!.get(ORDER_KEY) !== key) wanted[i]!.set(ORDER_KEY, key);
    before = key;
  }
}
