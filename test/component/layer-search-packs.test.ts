/**
 * Search and packs with a national layer installed beside the ASEAN dataset (both through the
 * dataset engine, as a delegate installs them): the search index the app builds from the
 * database finds the layer's records, in English and Malay, beside the base's, and loses them
 * when the layer is undone; a pack for the ASEAN meeting carries the layer's agenda item (its
 * brief, its line in the programme) and, once the base withdraws what the item refers to, still
 * prints it, marked in the programme.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBriefing } from '../../shared/briefing/create';

import { composePack } from '../../shared/pack/compose';
import { PACK_PARTS, type PackDocument } from '../../shared/pack/model';
import { SearchIndex } from '../../shared/search';
import { db } from '../../renderer/db/db';
import { resetSyncEngine, undoLastUpdate } from '../../renderer/datasets/dataset-updates';

import { loadPackInput } from '../../renderer/features/packs/load';
import { loadReferenceDocs } from '../../renderer/features/search/reference-docs';
import { JOINT_STATEMENT, LAYER_ID, baseWithoutAhaCentre, baseWithoutJointStatement, layerBundle } from '../unit/layer-fixtures';
import { taggedFormat } from '../unit/pack-fixtures';
import { apply, bundleOf, ministry, preview, putBriefing, setUp } from './sync-engine-fixtures';

vi.setConfig({ testTimeout: 60_000 });
afterEach(() => resetSyncEngine());

const ITEM = "Malaysia's bilateral with the ASOEN chair (delegation's own item)";

/** The index the app's search worker builds: every reference record in the database. */
async function searchIndex(): Promise<SearchIndex> {
  const index = new SearchIndex();
  index.addAll(await loadReferenceDocs(db));
  return index;
}

const top = (index: SearchIndex, query: string, n = 5) => index.search(query, { limit: n }).hits.map((h) => `${h.kind}:${h.id}`);

describe('search with a layer installed', () => {
  it('finds the layer’s records beside the base’s, in English and Malay, and no longer once the layer is undone', async () => {
    await setUp();
    const before = await searchIndex();
    expect(top(before, 'bilateral ASOEN chair', 10).some((k) => k.endsWith(':my-bilateral-asoen-36'))).toBe(false);

    await apply(await preview(await layerBundle(await ministry())));
    const index = await searchIndex();
    expect(index.size).toBe(before.size + 7); // 1 body, 2 meetings, 1 agenda item, 1 source, 2 contacts
    expect(top(index, 'bilateral ASOEN chair', 3)[0]).toMatch(/:my-bilateral-asoen-36$/);
    expect(top(index, 'Pertemuan dua hala Malaysia', 3)[0]).toMatch(/:my-bilateral-asoen-36$/);
    expect(top(index, 'NRES-ASEAN', 3)[0]).toMatch(/:my-nres-asean-desk$/);
    expect(top(index, 'persediaan kebangsaan ASOEN-36', 3)[0]).toMatch(/:my-prep-asoen-36$/);
    expect(top(index, 'Nurul Aina', 3)[0]).toBe('contact:my-nres-asoen-focal-point');
    // The base's records are found as before.
    expect(top(index, 'ASOEN-36', 10)).toContainEqual(expect.stringMatching(/:asoen-36$/));

    // A base update dropping a body the layer names leaves the layer's meeting findable.
    const builtin = await setUp();
    await apply(await preview(await bundleOf(baseWithoutAhaCentre(), builtin, 2)));
    expect(top(await searchIndex(), 'National briefing AHA Centre', 3)[0]).toMatch(/:my-aha-centre-briefing-2025$/);

    expect((await undoLastUpdate(LAYER_ID)).ok).toBe(true);
    const undone = await searchIndex();
    expect(top(undone, 'bilateral ASOEN chair', 10).some((k) => k.endsWith(':my-bilateral-asoen-36'))).toBe(false);
    expect(top(undone, 'NRES-ASEAN', 10).some((k) => k.endsWith(':my-nres-asean-desk'))).toBe(false);
    expect(top(undone, 'Nurul Aina', 10).some((k) => k.startsWith('contact:'))).toBe(false);
  });
});

/** A Malaysia brief for ASOEN-36 made as "New briefing" makes it, from what the database holds now. */
async function briefForAsoen36(id: string): Promise<void> {
  const meeting = (await db.meetings.get('asoen-36'))!;
  const agendaItems = await db.agendaItems.where('meetingId').equals('asoen-36').sortBy('order');
  const [bodies, targets, sources] = await Promise.all([db.bodies.toArray(), db.targets.toArray(), db.sources.toArray()]);
  let n = 0;
  const made = createBriefing({
    id,
    meeting,
    agendaItems,
    title: 'Malaysia brief for ASOEN-36',
    delegation: 'MY',
    author: 'Aminah',
    classification: 'RESTRICTED',
    now: '2026-12-01T10:00:00.000Z',
    newId: () => `${id}-${++n}`,
    background: { meeting, bodies: new Map(bodies.map((b) => [b.id, b])), targets, sources: new Map(sources.map((s) => [s.id, s])) },
  });
  const sections = made.sections.map((s) => (s.agendaItemId === 'my-bilateral-asoen-36' ? { ...s, objectives: 'Raise the national position on the joint statement with the chair.' } : s));
  await putBriefing(made.briefing, sections);
}

async function pack(briefingId: string): Promise<PackDocument> {
  const input = await loadPackInput(briefingId);
  if (!input) throw new Error('no pack input');
  return composePack(input, { profile: 'internal', parts: PACK_PARTS, paper: 'a4', language: 'en', printedAt: '2026-12-01T12:00:00.000Z' }, taggedFormat);
}

const textOf = (doc: PackDocument) => JSON.stringify(doc.chapters);

describe('packs with a layer installed', () => {
  it('print the layer’s agenda item in the ASEAN meeting’s pack, and mark it in the programme once the base withdraws what it names', async () => {
    const builtin = await setUp();
    await apply(await preview(await layerBundle(await ministry())));
    await briefForAsoen36('brief-layer');
    const doc = await pack('brief-layer');
    // Its own brief, with the delegate's text, and its line in the programme.
    const brief = doc.chapters.find((c) => c.id === 'brief-my-bilateral-asoen-36');
    expect(brief?.title).toContain(ITEM);
    expect(JSON.stringify(brief)).toContain('Raise the national position on the joint statement with the chair.');
    expect(JSON.stringify(doc.chapters.find((c) => c.id === 'programme'))).toContain(ITEM);

    expect(textOf(doc)).not.toContain('Check: refers to');

    // The base withdraws the joint statement the layer's item names: the item and its brief are
    // still printed, and the programme says what it refers to that the base no longer has.
    await apply(await preview(await bundleOf(baseWithoutJointStatement(), builtin, 2)));
    const after = await pack('brief-layer');
    expect(after.chapters.map((c) => c.title)).toEqual(doc.chapters.map((c) => c.title));
    expect(textOf(after)).toContain('Raise the national position on the joint statement with the chair.');
    const programme = JSON.stringify(after.chapters.find((c) => c.id === 'programme'));
    expect(programme).toContain(`${ITEM} (Check: refers to ${JOINT_STATEMENT}, which its base dataset no longer has)`);
    expect(programme.match(/Check: refers to/g)).toHaveLength(1);
  });
});
