import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Database } from '@hocuspocus/extension-database';
import { parseRelayDocumentName } from '../shared/collab/relay-protocol';
import { writeFileAtomic } from './atomic-file';

/*
 * Persistence of the Yjs documents: one file per document, `documents/<id>.<kind>.ydoc`, holding
 * the whole state as one Yjs update, written atomically (temp file + rename) by Hocuspocus's
 * database extension after its debounce. Names are checked before they become paths.
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

export function documentFiles(dataDir: string): Database {
  return new Database({
    fetch: ({ documentName }) => readDocumentFile(dataDir, documentName),
    store: ({ documentName, state }) => writeFileAtomic(documentPath(dataDir, documentName), state),
  });
}
