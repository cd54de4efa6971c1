import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Briefing, Section } from '../../shared/briefing/model';
import { editAuthorsMap } from '../../shared/collab/attribution';
import { briefingRoots, readBriefing, readSection, seedBriefingDoc } from '../../shared/collab/briefing-doc';
import { updateBriefingHead, updateSection } from '../../shared/collab/briefing-doc-changes';
import { PREVIEW_MAX, summariseHeld } from '../../relay/held-summary';

/* Where a held change writes and what it says, as the lead's list shows it (pure: no relay needed). */

const at = '2026-12-01T10:00:00.000Z';
const briefing: Briefing = { id: 'b1', meetingId: 'asoen-36', title: 'Brief', delegation: 'MY', author: 'Aminah', classification: 'OFFICIAL', status: 'draft', statusHistory: [], keyMessages: '', bilaterals: [], members: [], contacts: [], logistics: '', review: [], createdAt: at, updatedAt: at };
const section: Section = { id: 'b1:item-1', briefingId: 'b1', agendaItemId: 'item-1', order: 1, agendaTitle: 'Item 1: Climate finance', objectives: '', position: 'Support.', redLines: '', fallback: '', talkingPoints: [{ id: 'tp1', text: 'First point' }], background: '', targets: [], followUps: [], privateNotes: '', review: ['position'], updatedAt: at };

function relayCopy(): Y.Doc {
  const doc = new Y.Doc();
  seedBriefingDoc(doc, briefing, [section]);
  return doc;
}

describe('a held change, summarised for the lead', () => {
  it('names the sections and fields it writes in (not the stamps every edit sets) and previews its words', () => {
    const relay = relayCopy();
    const colleague = new Y.Doc();
    Y.applyUpdate(colleague, Y.encodeStateAsUpdate(relay));
    const before = Y.encodeStateVector(colleague);
    colleague.transact(() => {
      editAuthorsMap(colleague).set(String(colleague.clientID), { memberId: 'budi', name: 'Budi', at });
      const current = readSection(briefingRoots(colleague).sections.get(section.id)!);
      updateSection(colleague, { ...current, position: 'Support, with a budget line.', talkingPoints: [...current.talkingPoints, { id: 'tp2', text: 'Cite the 2025 plan' }], review: [], updatedAt: '2026-12-02T10:00:00.000Z' });
      updateBriefingHead(colleague, { ...readBriefing(colleague), keyMessages: 'One voice', updatedAt: '2026-12-02T10:00:00.000Z' });
    });
    const held = Y.encodeStateAsUpdate(colleague, before);
    const summary = summariseHeld(relay, held);
    expect(summary.places).toEqual(
      expect.arrayContaining([
        { sectionId: section.id, sectionTitle: 'Item 1: Climate finance', field: 'position' },
        { sectionId: section.id, sectionTitle: 'Item 1: Climate finance', field: 'talkingPoints' },
        { sectionId: null, sectionTitle: null, field: 'keyMessages' },
      ]),
    );
    expect(summary.places.map((p) => p.field).sort()).toEqual(['keyMessages', 'position', 'talkingPoints']);
    for (const words of [', with a budget line', 'Cite the 2025 plan', 'One voice']) expect(summary.preview).toContain(words);
    // The relay's copy is not touched.
    expect(readSection(briefingRoots(relay).sections.get(section.id)!).position).toBe('Support.');
  });

  it('cuts a long preview', () => {
    const relay = relayCopy();
    const colleague = new Y.Doc();
    Y.applyUpdate(colleague, Y.encodeStateAsUpdate(relay));
    const before = Y.encodeStateVector(colleague);
    colleague.transact(() => updateSection(colleague, { ...readSection(briefingRoots(colleague).sections.get(section.id)!), background: 'word '.repeat(100) }));
    const { preview } = summariseHeld(relay, Y.encodeStateAsUpdate(colleague, before));
    expect(preview.length).toBe(PREVIEW_MAX);
    expect(preview.endsWith('…')).toBe(true);
  });
});
