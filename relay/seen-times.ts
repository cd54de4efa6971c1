import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { RELAY_ID } from '../shared/collab/relay-protocol';
import { writeFileAtomic } from './atomic-file';

/*
 * When members were seen, apart from the member list (`briefings/<id>.seen.json`): every relay
 * instance records these as connections open and close, while only member changes rewrite the
 * member list, so recording a last-seen time can never undo a removal. Keyed by token hash: an
 * invitation counts as used once its token has connected, and a re-issued token starts unused.
 * Before writing, the file on disk is merged in (earliest first-seen, latest last-seen), so
 * instances sharing a data folder keep each other's times.
 */

const seenFileSchema = z.record(z.string(), z.object({ memberId: z.string(), firstSeenAt: z.string(), lastSeenAt: z.string() }));
type SeenFile = z.infer<typeof seenFileSchema>;

interface Entry {
  seen: SeenFile;
  writing: Promise<void> | undefined;
  dirty: boolean;
}

export class SeenTimes {
  private readonly entries = new Map<string, Entry>();
  private closed = false;

  constructor(
    private readonly dataDir: string,
    private readonly log: (line: string) => void,
  ) {}

  private path(documentId: string): string {
    if (!RELAY_ID.test(documentId)) throw new Error('not a relay document id');
    return join(this.dataDir, 'briefings', `${documentId}.seen.json`);
  }

  private async readDisk(documentId: string): Promise<SeenFile> {
    try {
      return seenFileSchema.parse(JSON.parse(await readFile(this.path(documentId), 'utf8')));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.log(`ignoring unreadable ${documentId}.seen.json: ${(error as Error).message}`);
      return {};
    }
  }

  private entry(documentId: string): Entry {
    let entry = this.entries.get(documentId);
    if (!entry) {
      entry = { seen: {}, writing: undefined, dirty: false };
      this.entries.set(documentId, entry);
    }
    return entry;
  }

  /** Merges what is on disk (another instance's times) into memory. */
  private async refresh(documentId: string): Promise<Entry> {
    const entry = this.entry(documentId);
    for (const [hash, disk] of Object.entries(await this.readDisk(documentId))) {
      const mine = entry.seen[hash];
      entry.seen[hash] = mine
        ? { memberId: mine.memberId, firstSeenAt: min(mine.firstSeenAt, disk.firstSeenAt), lastSeenAt: max(mine.lastSeenAt, disk.lastSeenAt) }
        : disk;
    }
    return entry;
  }

  /** When this token first connected, or undefined if never (here or, per the shared file, on another instance). */
  async firstSeen(documentId: string, tokenHash: string): Promise<string | undefined> {
    const known = this.entries.get(documentId)?.seen[tokenHash];
    if (known) return known.firstSeenAt;
    return (await this.refresh(documentId)).seen[tokenHash]?.firstSeenAt;
  }

  /** Each member's latest time over all their tokens. */
  async lastSeen(documentId: string): Promise<Map<string, string>> {
    const latest = new Map<string, string>();
    for (const { memberId, lastSeenAt } of Object.values((await this.refresh(documentId)).seen)) {
      latest.set(memberId, max(latest.get(memberId) ?? lastSeenAt, lastSeenAt));
    }
    return latest;
  }

  /** Best effort: a failed write is logged, and the next one carries the time. */
  async record(documentId: string, memberId: string, tokenHash: string, at: string): Promise<void> {
    if (this.closed) return;
    const entry = this.entry(documentId);
    const known = entry.seen[tokenHash];
    entry.seen[tokenHash] = { memberId, firstSeenAt: known?.firstSeenAt ?? at, lastSeenAt: at };
    await this.save(documentId, entry).catch((error: Error) => this.log(`could not record last seen for ${documentId}: ${error.message}`));
  }

  private save(documentId: string, entry: Entry): Promise<void> {
    if (entry.writing) {
      entry.dirty = true;
      return entry.writing;
    }
    const write = async (): Promise<void> => {
      do {
        entry.dirty = false;
        await this.refresh(documentId);
        await writeFileAtomic(this.path(documentId), `${JSON.stringify(entry.seen, null, 2)}\n`);
      } while (entry.dirty);
    };
    entry.writing = write().finally(() => {
      entry.writing = undefined;
    });
    return entry.writing;
  }

  /** Waits for writes in flight, then records nothing more (the relay is stopping). */
  async close(): Promise<void> {
    await Promise.all([...this.entries.values()].map((entry) => entry.writing?.catch(() => undefined)));
    this.closed = true;
  }
}

const min = (a: string, b: string): string => (Date.parse(a) <= Date.parse(b) ? a : b);
const max = (a: string, b: string): string => (Date.parse(a) >= Date.parse(b) ? a : b);
