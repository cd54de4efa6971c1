import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import * as Y from 'yjs';
import { parseRelayDocumentName } from '../shared/collab/relay-protocol';
import { writeFileAtomic } from './atomic-file';
import { documentHolds, type HeldSession } from './edit-split';

/*
 * Colleagues' changes a member uploaded that the relay did not have (edit-split.ts): kept beside
 * the document files, `held/<id>.<kind>.json`, one entry per member who uploaded them (merged
 * when the same member uploads more), never applied until the lead accepts them (members API) or
 * until the document holds them all because the colleague came back with them (then dropped).
 * Written atomically, one write per file at a time.
 */

const heldEntrySchema = z.object({
  heldId: z.string(),
  uploadedBy: z.string(),
  sessions: z.array(z.object({ client: z.number().int().nonnegative(), memberId: z.string().nullable() })),
  items: z.number().int().nonnegative(),
  at: z.string(),
  /** The held Yjs update, base64. */
  update: z.string(),
});
export type HeldEntry = z.infer<typeof heldEntrySchema>;
const heldFileSchema = z.object({ version: z.literal(1), held: z.array(heldEntrySchema) });

export class HeldEdits {
  private readonly cache = new Map<string, HeldEntry[]>();
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(
    private readonly dataDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private path(documentName: string): string {
    const parsed = parseRelayDocumentName(documentName);
    if (!parsed) throw new Error(`not a relay document name: ${JSON.stringify(documentName)}`);
    return join(this.dataDir, 'held', `${parsed.documentId}.${parsed.kind}.json`);
  }

  private exclusive<T>(documentName: string, task: () => Promise<T>): Promise<T> {
    const next = (this.locks.get(documentName) ?? Promise.resolve()).then(task, task);
    this.locks.set(documentName, next.catch(() => undefined));
    return next;
  }

  private async read(documentName: string): Promise<HeldEntry[]> {
    const cached = this.cache.get(documentName);
    if (cached) return cached;
    let entries: HeldEntry[] = [];
    try {
      entries = heldFileSchema.parse(JSON.parse(await readFile(this.path(documentName), 'utf8'))).held;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    this.cache.set(documentName, entries);
    return entries;
  }

  private async write(documentName: string, entries: HeldEntry[]): Promise<void> {
    this.cache.set(documentName, entries);
    await writeFileAtomic(this.path(documentName), `${JSON.stringify({ version: 1, held: entries })}\n`);
  }

  /** What is held for a document (a copy). */
  list(documentName: string): Promise<HeldEntry[]> {
    return this.exclusive(documentName, async () => [...(await this.read(documentName))]);
  }

  /** Holds `update` as uploaded by `uploadedBy` (merged into what that member uploaded before). */
  add(documentName: string, uploadedBy: string, part: { update: Uint8Array; sessions: HeldSession[] }): Promise<HeldEntry> {
    return this.exclusive(documentName, async () => {
      const entries = await this.read(documentName);
      const earlier = entries.find((e) => e.uploadedBy === uploadedBy);
      const update = earlier ? Y.mergeUpdates([decode(earlier.update), part.update]) : part.update;
      const sessions = [...(earlier?.sessions ?? [])];
      for (const session of part.sessions) if (!sessions.some((s) => s.client === session.client)) sessions.push(session);
      const entry: HeldEntry = {
        heldId: earlier?.heldId ?? randomBytes(12).toString('base64url'),
        uploadedBy,
        sessions,
        items: Y.decodeUpdate(update).structs.filter((s) => !(s instanceof Y.Skip)).length,
        at: this.now().toISOString(),
        update: Buffer.from(update).toString('base64'),
      };
      await this.write(documentName, [...entries.filter((e) => e !== earlier), entry]);
      return entry;
    });
  }

  /** Removes a held entry (declined, or accepted and applied); answers it, or undefined if there is none. */
  remove(documentName: string, heldId: string): Promise<HeldEntry | undefined> {
    return this.exclusive(documentName, async () => {
      const entries = await this.read(documentName);
      const found = entries.find((e) => e.heldId === heldId);
      if (found) await this.write(documentName, entries.filter((e) => e !== found));
      return found;
    });
  }

  /** Drops what `doc` now holds entirely (the colleague came back with it); answers how many were dropped. */
  dropContained(documentName: string, doc: Y.Doc): Promise<number> {
    return this.exclusive(documentName, async () => {
      const entries = await this.read(documentName);
      if (entries.length === 0) return 0;
      const kept = entries.filter((e) => !documentHolds(doc, decode(e.update)));
      if (kept.length !== entries.length) await this.write(documentName, kept);
      return entries.length - kept.length;
    });
  }
}

export function heldUpdate(entry: HeldEntry): Uint8Array {
  return decode(entry.update);
}

function decode(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, 'base64'));
}
