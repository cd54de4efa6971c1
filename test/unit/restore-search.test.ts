import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TAB_CHANNEL_NAME } from '../../renderer/collab/tab-channel';
import { setMigrating, setPlainMode } from '../../renderer/crypto/key-state';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { db } from '../../renderer/db/db';
import { makeStreamedBackup } from '../../renderer/features/backup/stream/backup-writer';
import { ANNOUNCED_PER_TASK, runRestore } from '../../renderer/features/backup/stream/restore-client';
import { createBriefingForMeeting } from '../../renderer/features/briefings/repo';
import { registerBriefingSearch } from '../../renderer/features/briefings/search-source';
import { SearchClient } from '../../renderer/features/search/client';
import { startSearchFeed } from '../../renderer/features/search/index-follower';
import { DOCS_PER_MESSAGE } from '../../renderer/features/search/intake';

/*
 * A restore of more sections than one message to the search worker holds: every record comes
 * back, the search drops the text the restore replaced and finds the restored sections, and
 * every replaced briefing is announced to the other tabs.
 */
const SECTIONS = DOCS_PER_MESSAGE * 2 + 50;
const BRIEFINGS = ANNOUNCED_PER_TASK + 3;

let stop: (() => void)[] = [];

beforeEach(async () => {
  setPlainMode();
  setMigrating([]);
  await Promise.all(db.tables.map((t) => t.clear()));
  await ensureBuiltinDataset(db);
});
afterEach(() => {
  stop.forEach((s) => s());
  stop = [];
});

/** Resolves once `check` holds, re-checking after each task (it waits for content, never for a time). */
async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('restoring a large backup', () => {
  it('restores every record, and search drops the replaced text and finds the restored sections', async () => {
    const id = await createBriefingForMeeting({ meetingId: 'asoen-36', title: 'Fisheries brief', delegation: 'MY', author: 'Aminah', classification: 'OFFICIAL' });
    const template = (await db.sections.where('briefingId').equals(id).first())!;
    const briefing = (await db.briefings.get(id))!;
    await db.briefings.bulkAdd(Array.from({ length: BRIEFINGS - 1 }, (_, i) => ({ ...briefing, id: `brief-${i}`, title: `Brief ${i}` })));
    await db.sections.bulkAdd(Array.from({ length: SECTIONS }, (_, i) => ({ ...template, id: `${id}:copy-${i}`, order: 1000 + i, objectives: `Seagrass copy${i} objectives` })));
    const sections = await db.sections.count();
    const made = await makeStreamedBackup(() => undefined);

    // The work changes after the backup: every section's text, and one briefing more.
    const later = new Date(Date.now() + 60_000).toISOString();
    await db.sections.toCollection().modify((s) => {
      s.objectives = `zeugma ${s.objectives}`;
      s.updatedAt = later;
    });
    await db.briefings.add({ ...briefing, id: 'brief-after', title: 'Brief after the backup' });

    const client = new SearchClient(true);
    stop.push(registerBriefingSearch((go) => go()), startSearchFeed(client), () => client.dispose());
    const hits = async (q: string) => (await client.query(q, 'en')).hits.map((h) => h.key);
    await until(async () => (await hits(`copy${SECTIONS - 1}`)).length > 0 && (await hits('zeugma')).length > 0);

    const announced: string[] = [];
    const channel = new BroadcastChannel(TAB_CHANNEL_NAME);
    channel.onmessage = (e: MessageEvent<{ kind: string; docId: string }>) => e.data.kind === 'replaced' && announced.push(e.data.docId);
    stop.push(() => channel.close());

    const outcome = await runRestore('restore', { kind: 'streamed', file: made.blob });
    expect(outcome.kind).toBe('ok');
    expect(await db.sections.count()).toBe(sections);
    expect(await db.briefings.count()).toBe(BRIEFINGS);
    expect(await db.briefings.get('brief-after')).toBeUndefined();
    expect((await db.sections.toArray()).filter((s) => s.objectives.startsWith('zeugma'))).toEqual([]);

    // Search follows: nothing of the replaced text is left, and the restored sections are found.
    await until(async () => (await hits('zeugma')).length === 0);
    expect(await hits(`copy${SECTIONS - 1}`)).toContain(`note:${id}:copy-${SECTIONS - 1}`);
    expect(await hits('copy0')).toContain(`note:${id}:copy-0`);
    // Every briefing replaced or restored is announced (the one made after the backup too).
    await vi.waitFor(() => expect(new Set(announced).size).toBe(BRIEFINGS + 1));
  });
});
