import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { parseRelayDocumentName } from '../shared/collab/relay-protocol';
import { writeFileAtomic } from './atomic-file';

/*
 * Per document, the sessions (Yjs client ids) with no authors entry and the member who uploaded
 * each first (authorship-extension.ts: `sender.unattributedOwn`), kept beside the document files
 * as `sessions/<id>.<kind>.json` so that a relay restart does not forget them: an older app's
 * next edits under its own unnamed session are applied, not held for the lead. Read when the
 * document is first checked, written atomically (one write per file at a time) when it gains an
 * entry. An entry is never changed: the first uploader stays the first.
 */

const fileSchema = z.object({
  version: z.literal(1),
  sessions: z.array(z.object({ client: z.number().int().nonnegative(), memberId: z.string() })),
});

export class SessionUploaders {
  private readonly cache = new Map<string, Promise<Map<number, string>>>();
  private readonly writing = new Map<string, Promise<unknown>>();

  constructor(private readonly dataDir: string) {}

  private path(documentName: string): string {
    const parsed = parseRelayDocumentName(documentName);
    if (!parsed) throw new Error(`not a relay document name: ${JSON.stringify(documentName)}`);
    return join(this.dataDir, 'sessions', `${parsed.documentId}.${parsed.kind}.json`);
  }

  /** The document's first uploaders (the same map each call: add entries through `record`). */
  firsts(documentName: string): Promise<Map<number, string>> {
    let loaded = this.cache.get(documentName);
    if (!loaded) {
      loaded = this.read(documentName);
      this.cache.set(documentName, loaded);
      loaded.catch(() => this.cache.delete(documentName));
    }
    return loaded;
  }

  private async read(documentName: string): Promise<Map<number, string>> {
    try {
      const file = fileSchema.parse(JSON.parse(await readFile(this.path(documentName), 'utf8')));
      return new Map(file.sessions.map((s) => [s.client, s.memberId]));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
      throw error;
    }
  }

  /** Records `memberId` as the first uploader of each of `clients` not known yet; writes if any was new. */
  async record(documentName: string, clients: readonly number[], memberId: string): Promise<void> {
    const firsts = await this.firsts(documentName);
    const fresh = clients.filter((client) => !firsts.has(client));
    if (fresh.length === 0) return;
    for (const client of fresh) firsts.set(client, memberId);
    const write = async () => {
      const sessions = [...firsts].map(([client, by]) => ({ client, memberId: by }));
      await writeFileAtomic(this.path(documentName), `${JSON.stringify({ version: 1, sessions })}\n`);
    };
    const next = (this.writing.get(documentName) ?? Promise.resolve()).then(write, write);
    this.writing.set(documentName, next.catch(() => undefined));
    await next;
  }
}
