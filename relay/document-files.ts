import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Database } from '@hocuspocus/extension-database';
import * as Y from 'yjs';
import { parseRelayDocumentName } from '../shared/collab/relay-protocol';
import { writeFileAtomic } from './atomic-file';

/*
 * Persistence of the Yjs documents: one file per document, `documents/<id>.<kind>.ydoc`, holding
 * the whole state as one Yjs update, written atomically (temp file + rename) by Hocuspocus's
 * database extension after its debounce. Names are checked before they become paths.
 *
 * A write merges the document's state into what the file holds (Yjs updates merge without loss)
 * instead of replacing it, one write per file at a time: a copy of the document that missed some
 * changes (one being unloaded while a member reconnected, see document-reload-guard.ts) can only
 * add to the file, never take back what another copy stored.
 */

export function documentPath(dataDir: string, documentName: string): string {
  const parsed = parseRelayDocumentName(documentName);
  if (!parsed) throw new Error(`not a relay document name: ${JSON.stringify(documentName)}`);
  return join(dataDir, 'documents', `${parsed.documentId}.${parsed.kind}.ydoc`);
}

export async function readDocumentFile(dataDir: string, documentName: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(documentPath(dataDir, documentName)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Merges `state` into the document's file (created if missing). */
export async function storeDocumentFile(dataDir: string, documentName: string, ...states: Uint8Array[]): Promise<void> {
  const stored = await readDocumentFile(dataDir, documentName);
  const all = stored ? [stored, ...states] : states;
  await writeFileAtomic(documentPath(dataDir, documentName), all.length === 1 ? all[0]! : Y.mergeUpdates(all));
}

export function documentFiles(dataDir: string): Database {
  // One write per file at a time: a merge reads the file, so two at once could drop one's part.
  const writing = new Map<string, Promise<void>>();
  const store = (documentName: string, states: Uint8Array[]): Promise<void> => {
    const next = (writing.get(documentName) ?? Promise.resolve()).catch(() => undefined).then(() => storeDocumentFile(dataDir, documentName, ...states));
    writing.set(documentName, next);
    void next.finally(() => {
      if (writing.get(documentName) === next) writing.delete(documentName);
    }).catch(() => undefined);
    return next;
  };
  return new Database({
    fetch: ({ documentName }) => readDocumentFile(dataDir, documentName),
    store: ({ documentName, state, document, instance }) => {
      // Hocuspocus debounces stores by name: a discarded copy's store can take the place of the
      // listed copy's. Its write then carries the listed copy's state too.
      const listed = instance?.documents.get(documentName);
      return store(documentName, listed && listed !== document ? [state, Y.encodeStateAsUpdate(listed)] : [state]);
    },
  });
}
