import * as Y from 'yjs';
import { briefingRoots } from '../../shared/collab/briefing-doc';
import { ORDER_KEY } from '../../shared/collab/briefing-doc-order';

/**
 * A briefing document as an app of document format 1 wrote it (lists in array order, no order
 * keys), from a current one: rebuilt without the keys, since deleting them would leave
 * tombstones a real format 1 document does not have.
 */
export function asFormatOne(update: Uint8Array): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  const legacy = new Y.Doc();
  const strip = (value: unknown): unknown => {
    if (value instanceof Y.Text) return new Y.Text(value.toString());
    if (value instanceof Y.Array) {
      const array = new Y.Array();
      array.push(value.toArray().map(strip));
      return array;
    }
    if (value instanceof Y.Map) {
      const map = new Y.Map();
      for (const [k, v] of value.entries()) if (k !== ORDER_KEY) map.set(k, strip(v));
      return map;
    }
    return value;
  };
  const from = briefingRoots(doc);
  const to = briefingRoots(legacy);
  legacy.transact(() => {
    to.meta.set('format', 1);
    to.meta.set('briefingId', from.meta.get('briefingId'));
    for (const [k, v] of from.briefing.entries()) to.briefing.set(k, strip(v));
    for (const [k, v] of from.sections.entries()) to.sections.set(k, strip(v) as Y.Map<unknown>);
  });
  return Y.encodeStateAsUpdate(legacy);
}
