import * as Y from 'yjs';

/*
 * The walk both authorship checks make (the content's record of who wrote and removed what,
 * relay/edit-authorship-check.ts, and the comments, comments-authorship.ts): apply an update to a
 * probe in a transaction of its own, judge each transaction it makes, answer yes or the refusal;
 * and the items a transaction wrote, client by client. Pure: the relay passes a probe document
 * that mirrors the stored one, and throws it away after a refusal.
 */

/** Thrown by a judge to refuse the update. */
export class Refused<R extends string> extends Error {
  constructor(
    readonly refusal: R,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/**
 * The value a map entry holds as Y.Map.get reads it. Y.Map.set writes one value per item, but an
 * update can carry an item holding several: readers see its last while a check reading its first
 * would judge another (a valid entry first, one in a colleague's name after it). Refused as
 * malformed, so every check judges exactly what readers will read.
 */
export function entryValue(item: Y.Item): unknown {
  const values = item.content.getContent();
  if (values.length !== 1) throw new Refused('malformed', 'a map entry holding more than one value');
  return values[0];
}

export type CheckVerdict<R extends string> = { ok: true } | { ok: false; refusal: R | 'malformed'; detail: string };

const CHECKING = Symbol('authorship-check');

/** Applies `update` to `probe`, calling `judge` after each transaction it makes; a `Refused` thrown there refuses it. */
export function judgeUpdate<R extends string>(probe: Y.Doc, update: Uint8Array, judge: (transaction: Y.Transaction) => void): CheckVerdict<R> {
  let verdict: CheckVerdict<R> = { ok: true };
  const onTransaction = (transaction: Y.Transaction) => {
    if (transaction.origin !== CHECKING) return;
    try {
      judge(transaction);
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      verdict = { ok: false, refusal: error.refusal as R, detail: error.detail };
    }
  };
  probe.on('afterTransaction', onTransaction);
  try {
    Y.applyUpdate(probe, update, CHECKING);
  } catch {
    verdict = { ok: false, refusal: 'malformed', detail: 'not a Yjs update' };
  } finally {
    probe.off('afterTransaction', onTransaction);
  }
  return verdict;
}

/** What `transaction` wrote: each client whose clock moved, with its clock before and after. */
export function* writtenClients(transaction: Y.Transaction): Generator<{ client: number; start: number; end: number }> {
  for (const [client, end] of transaction.afterState) {
    const start = transaction.beforeState.get(client) ?? 0;
    if (end !== start) yield { client, start, end };
  }
}

/** The structs `client` has in `probe` from clock `start` up to `end`. */
export function* structsBetween(probe: Y.Doc, client: number, start: number, end: number): Generator<Y.AbstractStruct> {
  const structs = probe.store.clients.get(client) ?? [];
  for (let i = Y.findIndexSS(structs, start); i < structs.length && structs[i]!.id.clock < end; i++) yield structs[i]!;
}
