import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setMigrating, setPlainMode, setUnlocked } from '../../renderer/crypto/key-state';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { db } from '../../renderer/db/db';
import { createBriefingForMeeting } from '../../renderer/features/briefings/repo';
import { registerBriefingSearch, ROWS_PER_STEP } from '../../renderer/features/briefings/search-source';
import { registeredSearchSources, type SearchSourceChange } from '../../renderer/features/search/sources';
import { newDataKey } from './database-fixtures';

/*
 * The briefing search source after an unlock: it reads (and so decrypts) nothing until the first
 * page has painted, then every briefing and section a step at a time; it follows edits by the
 * rows that changed, without decrypting the whole table to notice one.
 */
let unregister: (() => void) | undefined;
let start: (() => void) | undefined;

async function seed(): Promise<string> {
  setPlainMode();
  await ensureBuiltinDataset(db);
  const id = await createBriefingForMeeting({ meetingId: 'asoen-36', title: 'Fisheries brief', delegation: 'MY', author: 'Aminah', classification: 'OFFICIAL' });
  // More sections than one step reads, so the read takes several steps.
  const sections = await db.sections.where('briefingId').equals(id).toArray();
  const copies = Array.from({ length: ROWS_PER_STEP * 2 }, (_, i) => ({ ...sections[i % sections.length]!, id: `${id}:copy-${i}`, objectives: `Copy ${i} on mangroves` }));
  // Encrypted from here: the rows are rewritten under a data key, as after set-up.
  const rows = { briefings: await db.briefings.toArray(), sections: [...(await db.sections.toArray()), ...copies] };
  setUnlocked(await newDataKey());
  await db.briefings.bulkPut(rows.briefings);
  await db.sections.bulkPut(rows.sections);
  return id;
}

const source = (kind: string) => registeredSearchSources().find((s) => s.kind === kind)!;

beforeEach(async () => {
  setPlainMode();
  setMigrating([]);
  await Promise.all(db.tables.map((t) => t.clear()));
  start = undefined;
  unregister = registerBriefingSearch((go) => (start = go));
});
afterEach(() => {
  unregister?.();
  vi.restoreAllMocks();
  setPlainMode();
});

describe('briefing search source', () => {
  it('decrypts nothing until the first page has painted, then indexes every briefing and section', async () => {
    const id = await seed();
    const decrypt = vi.spyOn(crypto.subtle, 'decrypt');
    let notes: Awaited<ReturnType<ReturnType<typeof source>['load']>> | undefined;
    const loading = source('note').load().then((docs) => (notes = docs));
    const briefings = source('briefing').load();
    // A few turns of the event loop: nothing may be read while the first page is still coming.
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    expect(notes).toBeUndefined();
    expect(decrypt).not.toHaveBeenCalled();
    expect(start).toBeDefined();
    start!();
    await loading;
    const total = await db.sections.count();
    expect(notes).toHaveLength(total);
    expect(notes!.find((d) => d.id === `${id}:copy-3`)).toMatchObject({ kind: 'note', title: expect.stringContaining('Fisheries brief'), text: expect.arrayContaining(['Copy 3 on mangroves']) });
    expect((await briefings).map((d) => d.id)).toEqual([id]);
  });

  it('follows an edit by the section changed, and a removal by its id', async () => {
    const id = await seed();
    const changes: SearchSourceChange[] = [];
    const notes = source('note');
    const stop = notes.subscribe!((change) => changes.push(change!));
    const loading = notes.load();
    start!();
    await loading;
    await db.sections.update(`${id}:copy-5`, { objectives: 'Now about seagrass', updatedAt: '2030-01-01T00:00:00.000Z' });
    await vi.waitFor(() => expect(changes.length).toBeGreaterThan(0));
    expect(changes[0]!.upsert?.map((d) => d.id)).toEqual([`${id}:copy-5`]);
    expect(changes[0]!.upsert?.[0]?.text).toContain('Now about seagrass');
    await db.sections.delete(`${id}:copy-6`);
    await vi.waitFor(() => expect(changes.length).toBeGreaterThan(1));
    expect(changes[1]).toEqual({ upsert: [], remove: [`${id}:copy-6`] });
    stop();
  });

  it('an edit saved during the first read is not missed', async () => {
    const id = await seed();
    const changes: SearchSourceChange[] = [];
    const notes = source('note');
    const stop = notes.subscribe!((change) => changes.push(change!));
    const loading = notes.load();
    start!();
    await db.sections.update(`${id}:copy-70`, { objectives: 'Saved while indexing', updatedAt: '2030-01-01T00:00:00.000Z' });
    const docs = await loading;
    const inLoad = docs.find((d) => d.id === `${id}:copy-70`)!.text?.includes('Saved while indexing');
    if (!inLoad) await vi.waitFor(() => expect(changes.flatMap((c) => c.upsert ?? []).some((d) => d.id === `${id}:copy-70` && d.text?.includes('Saved while indexing'))).toBe(true));
    stop();
  });
});
