import Dexie from 'dexie';
import { PAPER_CHUNK_BYTES, type PaperChunk } from '../../../shared/papers/model';
import { db as appDb, type DelegateDatabase } from '../../db/db';

/*
 * A paper's bytes, stored and read a piece at a time (table paperChunks, key [blobId+index]).
 * Each piece is a row of its own, so the encryption middleware seals and opens one piece, never
 * the whole file: writing, reading, backing up and restoring a 300-page paper holds one piece of
 * plaintext and its ciphertext at a time. A reader that needs the whole file gets a Blob of the
 * pieces (the browser's blob storage, not the page's heap).
 *
 * Call these inside a transaction over paperChunks (and paperBlobs for the older rows) when the
 * write must be atomic with others: reading a Blob is no IndexedDB request, so it is waited for
 * with Dexie.waitFor to keep the transaction alive.
 */

/** Writes a version's bytes as pieces, one after another (each sealed before the next is read). */
export async function writeChunks(blobId: string, source: Uint8Array | Blob, database: DelegateDatabase = appDb): Promise<void> {
  const size = source instanceof Blob ? source.size : source.byteLength;
  let index = 0;
  for (let at = 0; at < size || index === 0; at += PAPER_CHUNK_BYTES, index++) {
    const end = Math.min(size, at + PAPER_CHUNK_BYTES);
    const bytes = source instanceof Blob ? new Uint8Array(await Dexie.waitFor(source.slice(at, end).arrayBuffer())) : source.slice(at, end);
    // slice, not subarray: a stored view would carry the whole buffer under it (structured clone keeps it).
    await database.paperChunks.add({ blobId, index, bytes } satisfies PaperChunk);
  }
}

/** How many pieces a version has (0: none stored, or still one row of an older schema). */
export const chunkCount = (blobId: string, database: DelegateDatabase = appDb): Promise<number> => database.paperChunks.where('blobId').equals(blobId).count();

/** Hands over a version's pieces in order, one at a time; false if it has none. */
export async function eachChunk(blobId: string, onPiece: (bytes: Uint8Array, index: number, last: boolean) => Promise<void> | void, database: DelegateDatabase = appDb): Promise<boolean> {
  const count = await chunkCount(blobId, database);
  for (let index = 0; index < count; index++) {
    const row = await database.paperChunks.get([blobId, index]);
    if (!row) throw new Error(`piece ${index} of ${blobId} is missing`);
    await onPiece(row.bytes, index, index === count - 1);
  }
  return count > 0;
}

/** A version's bytes as a Blob of its pieces (or its row of an older schema not yet converted). */
export async function versionBlob(versionId: string, database: DelegateDatabase = appDb): Promise<Blob | undefined> {
  const type = (await database.paperVersions.get(versionId))?.type ?? '';
  const pieces: Blob[] = [];
  const found = await eachChunk(versionId, (bytes) => void pieces.push(new Blob([bytes as Uint8Array<ArrayBuffer>])), database);
  if (found) return new Blob(pieces, { type });
  return (await database.paperBlobs.get(versionId))?.blob;
}

export async function deleteChunks(blobIds: readonly string[], database: DelegateDatabase = appDb): Promise<void> {
  for (const id of blobIds) await database.paperChunks.where('blobId').equals(id).delete();
}

/**
 * Schema 12's conversion: every paper stored as one row (paperBlobs) becomes pieces. One paper
 * per transaction, its old row deleted in the transaction that writes its pieces: stopped at any
 * point, each paper is either whole in its old row or whole in pieces, and the next start goes
 * on with the rest. Runs once the rows can be read (after unlock, or at start without a
 * passphrase), not in Dexie's upgrade: that runs before the key is in memory. Returns how many
 * papers it converted; `afterEach` lets tests stop it half-way.
 */
export async function chunkStoredPapers(database: DelegateDatabase = appDb, afterEach?: (versionId: string) => void | Promise<void>): Promise<number> {
  let converted = 0;
  for (;;) {
    const [versionId] = (await database.paperBlobs.toCollection().limit(1).primaryKeys()) as string[];
    if (versionId === undefined) return converted;
    await database.transaction('rw', database.paperBlobs, database.paperChunks, async () => {
      const row = await database.paperBlobs.get(versionId);
      if (!row) return;
      await deleteChunks([versionId], database);
      await writeChunks(versionId, row.blob, database);
      await database.paperBlobs.delete(versionId);
    });
    converted += 1;
    await afterEach?.(versionId);
  }
}
