import type { DBCoreTransaction } from 'dexie';

/*
 * Web Crypto is asynchronous, and IndexedDB commits a transaction as soon as it has no
 * request pending at the end of a task. Encrypting before a write, or decrypting a read in
 * the middle of `db.transaction(...)`, would let the transaction slip away under the caller.
 * So while the crypto work runs, cheap reads of a key that never exists keep the transaction
 * busy, and the result is handed back from inside one of their success callbacks, where the
 * transaction is active again and the caller's next request is accepted (Dexie.waitFor works
 * the same way).
 */
const NO_SUCH_KEY = ['\uffff', 'asean-delegate/keep-alive'];

interface IdbLike {
  objectStore(name: string): { get(key: unknown): { onsuccess: unknown; onerror: unknown } };
}

function isIdbTransaction(trans: DBCoreTransaction): trans is DBCoreTransaction & IdbLike {
  return typeof (trans as Partial<IdbLike>).objectStore === 'function';
}

export function keepAliveWhile<T>(trans: DBCoreTransaction, storeName: string, work: () => Promise<T>): Promise<T> {
  if (!isIdbTransaction(trans)) return work();
  return new Promise<T>((resolve, reject) => {
    let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
    const running = work();
    running.then(
      (value) => void (outcome = { ok: true, value }),
      (error: unknown) => void (outcome = { ok: false, error }),
    );
    let store: ReturnType<IdbLike['objectStore']>;
    try {
      store = trans.objectStore(storeName);
    } catch {
      // The transaction has already finished: nothing to keep alive, let the work say so.
      running.then(resolve, reject);
      return;
    }
    const settle = () => {
      if (outcome === undefined) return false;
      if (outcome.ok) resolve(outcome.value);
      else reject(outcome.error);
      return true;
    };
    const spin = () => {
      if (settle()) return;
      try {
        const request = store.get(NO_SUCH_KEY);
        request.onsuccess = spin;
        request.onerror = (event: Event) => {
          event.preventDefault();
          spin();
        };
      } catch {
        // The transaction ended (aborted elsewhere); hand the outcome over when it is known.
        running.then(resolve, reject);
      }
    };
    spin();
  });
}
