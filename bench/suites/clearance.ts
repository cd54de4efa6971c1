import * as Y from 'yjs';
import type { Briefing, Section } from '../../shared/briefing/model';
import { diffBriefing } from '../../shared/clearance/briefing-diff';
import { changedSinceCleared, makeClearance, readClearance } from '../../shared/clearance/clearance-record';
import { seedBriefingDoc } from '../../shared/collab/briefing-doc';
import type { BenchContext } from '../context';

/*
 * Clearance at the scale of a 300-item brief (every section written: about 400 words and ten
 * talking points each), in Node: the pure work the app does when the lead clears (encode,
 * read back, hash), when an editor shows "changed since cleared" (hash every section, diff the
 * changed ones word by word), and the size of the snapshot kept in the control document.
 */

const ITEMS = 300;
const words = (i: number, n: number) => Array.from({ length: n }, (_, k) => `word${(i * 7 + k) % 97}`).join(' ');

function brief(): { briefing: Briefing; sections: Section[] } {
  const now = '2026-12-01T10:00:00.000Z';
  const briefing: Briefing = { id: 'bench-brief', meetingId: 'bench', title: 'Bench brief', delegation: 'MY', author: 'Bench', classification: 'OFFICIAL', status: 'draft', statusHistory: [], keyMessages: words(0, 80), bilaterals: [], members: [], contacts: [], logistics: '', review: [], createdAt: now, updatedAt: now };
  const sections = Array.from({ length: ITEMS }, (_, i): Section => ({
    id: `s-${i}`, briefingId: briefing.id, agendaItemId: `item-${i}`, order: i, agendaTitle: `Agenda item ${i + 1}`,
    objectives: words(i, 40), position: words(i + 1, 120), redLines: words(i + 2, 20), fallback: words(i + 3, 20), background: words(i + 4, 100),
    talkingPoints: Array.from({ length: 10 }, (_, j) => ({ id: `tp-${i}-${j}`, text: words(i + j, 10) })),
    targets: [], followUps: [{ id: `f-${i}`, what: words(i, 8), owner: 'Desk', due: '2026-12-20' }], privateNotes: words(i + 5, 10), review: [], updatedAt: now,
  }));
  return { briefing, sections };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function clearanceSuite(ctx: BenchContext): Promise<void> {
  const content = brief();
  const doc = new Y.Doc();
  seedBriefingDoc(doc, content.briefing, content.sections);
  const clearMs: number[] = [];
  const verifyMs: number[] = [];
  const changedMs: number[] = [];
  const diffMs: number[] = [];
  let stateBytes = 0;
  // Ten sections edited since: one word added in each position.
  const current = { briefing: content.briefing, sections: content.sections.map((s, i) => (i % 30 === 0 ? { ...s, position: `${s.position} added` } : s)) };
  for (let run = 0; run < Math.max(3, ctx.runs); run++) {
    let t = performance.now();
    const clearance = makeClearance(Y.encodeStateAsUpdate(doc), { memberId: 'lead', name: 'Lead' }, '2026-12-01T10:00:00.000Z', `c-${run}`);
    clearMs.push(performance.now() - t);
    stateBytes = clearance.state.length;
    t = performance.now();
    const cleared = readClearance(clearance);
    verifyMs.push(performance.now() - t);
    // Fresh objects each run, as the editor's rows are: nothing cached from the run before.
    const now = structuredClone(current);
    t = performance.now();
    const changed = changedSinceCleared(clearance, now);
    changedMs.push(performance.now() - t);
    if (changed.sections.length !== 10) throw new Error(`expected 10 changed sections, got ${changed.sections.length}`);
    const again = structuredClone(current);
    t = performance.now();
    diffBriefing(cleared, again);
    diffMs.push(performance.now() - t);
  }
  const size = `${ITEMS}-item brief`;
  ctx.record({ name: 'clear a version: encode, read back, hash (SHA-256)', value: median(clearMs), unit: 'ms', datasetSize: size, goal: '≤ 500 ms', pass: median(clearMs) <= 500 });
  ctx.record({ name: 'read a clearance back and verify its hash', value: median(verifyMs), unit: 'ms', datasetSize: size });
  ctx.record({ name: 'which sections changed since cleared (hash every section)', value: median(changedMs), unit: 'ms', datasetSize: size, goal: '≤ 100 ms', pass: median(changedMs) <= 100 });
  ctx.record({ name: 'differences since cleared, word by word (10 sections changed)', value: median(diffMs), unit: 'ms', datasetSize: size, goal: '≤ 100 ms', pass: median(diffMs) <= 100 });
  ctx.record({ name: 'cleared snapshot size (document state)', value: stateBytes / 1024, unit: 'KiB', datasetSize: size });
}
