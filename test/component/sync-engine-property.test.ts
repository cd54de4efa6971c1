/**
 * Properties of the engine path (checkUpdate / applyUpdate / undoLastUpdate over IndexedDB):
 * random mutations of a valid bundle are refused and write nothing; random updates over random
 * user edits lose no user edit; apply then undo gives back the exact database.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/dataset/hash';
import type { Section } from '../../shared/briefing/model';
import type { DatasetRecords } from '../../shared/model';
import { db } from '../../renderer/db/db';
import { applyUpdate, resetSyncEngine, undoLastUpdate } from '../../renderer/datasets/dataset-updates';
import { bundleMeaning } from '../unit/bundle-fixtures';
import { ALL_BUT_HISTORY, DATASET_ID, briefing, builtinRecords, bundleOf, check, putBriefing, setUp, snapshot } from './sync-engine-fixtures';

afterEach(() => resetSyncEngine());

const fresh = async () => {
  await db.delete();
  await db.open();
  return setUp();
};

/** The built-in records with a retitled agenda item and a new meeting: a valid update. */
function update(): DatasetRecords {
  const records = structuredClone(builtinRecords());
  records.agendaItems[0]!.title = { en: 'A retitled agenda item' };
  return records;
}

describe('random mutations of a valid bundle, through checkUpdate', () => {
  it('are refused (and write nothing) unless they change nothing a reader sees', async () => {
    const publisher = await setUp();
    const text = await bundleOf(update(), publisher);
    const bytes = new TextEncoder().encode(text);
    const meaning = bundleMeaning;
    const original = meaning(bytes);
    const before = await snapshot();
    // The header (manifest and signatures) is small: draw half the edits there, where a byte matters most.
    const head = text.indexOf('\n');
    const edit = fc.record({
      at: fc.oneof(fc.integer({ min: 0, max: head }), fc.integer({ min: 0, max: bytes.length - 1 })),
      op: fc.constantFrom('replace', 'insert', 'delete'),
      byte: fc.oneof(fc.constantFrom(...[...'{}[]":,\\ 0123456789.-eE'].map((c) => c.charCodeAt(0))), fc.integer({ min: 0, max: 255 })),
    });
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(edit, async ({ at, op, byte }) => {
        const mutated = new Uint8Array([...bytes.subarray(0, at), ...(op === 'delete' ? [] : [byte]), ...bytes.subarray(op === 'insert' ? at : at + 1)]);
        const sameMeaning = meaning(mutated) === original;
        const result = await check(mutated);
        if (!result.ok) refused++;
        expect(result.ok).toBe(sameMeaning);
        if (result.ok) expect(result.preview.toVersion).toBe(2);
      }),
      { numRuns: 150 },
    );
    expect(refused).toBeGreaterThan(75);
    // Checking never writes.
    expect(await snapshot()).toEqual(before);
  }, 120_000);
});

/** What a delegate may have written in a section; the update may set datasetReview and nothing else. */
const userText = fc.string({ maxLength: 40 });

interface Scenario {
  sections: { agendaIndex: number; dangling: boolean; texts: string[] }[];
  /** Per agenda item of the built-in dataset: what the update does to it. */
  fate: ('keep' | 'retitle' | 'describe' | 'remove' | 'reorder')[];
  added: number;
}

const builtin = builtinRecords();
const ITEMS = builtin.agendaItems.length;

const scenario: fc.Arbitrary<Scenario> = fc.record({
  sections: fc.array(fc.record({ agendaIndex: fc.nat({ max: ITEMS - 1 }), dangling: fc.boolean(), texts: fc.array(userText, { minLength: 6, maxLength: 6 }) }), { minLength: 1, maxLength: 12 }),
  fate: fc.array(fc.constantFrom('keep', 'retitle', 'describe', 'remove', 'reorder'), { minLength: ITEMS, maxLength: ITEMS }),
  added: fc.nat({ max: 3 }),
});

function sectionsOf(s: Scenario): Section[] {
  return s.sections.map((x, i) => {
    const [objectives, position, redLines, fallback, point, notes] = x.texts as [string, string, string, string, string, string];
    return {
      id: `s${i}`,
      briefingId: i % 2 === 0 ? 'b-even' : 'b-odd',
      agendaItemId: x.dangling ? `gone-${i}` : builtin.agendaItems[x.agendaIndex]!.id,
      order: i,
      agendaTitle: `item ${i}`,
      objectives,
      position,
      redLines,
      fallback,
      talkingPoints: [{ id: `tp${i}`, text: point }],
      background: '',
      targets: [],
      followUps: [{ id: `f${i}`, what: notes, owner: 'desk', due: '2027-03-01' }],
      privateNotes: notes,
      review: i % 3 === 0 ? ['position'] : [],
      updatedAt: '2026-11-02T00:00:00.000Z',
    };
  });
}

function recordsOf(s: Scenario): DatasetRecords {
  const records = structuredClone(builtin);
  records.agendaItems = records.agendaItems.flatMap((item, i) => {
    switch (s.fate[i]) {
      case 'remove':
        return [];
      case 'retitle':
        return [{ ...item, title: { ...item.title, en: `${item.title.en ?? 'Item'} (retitled)` } }];
      case 'describe':
        return [{ ...item, description: { en: 'A new description' } }];
      case 'reorder':
        return [{ ...item, order: item.order + 100 }];
      default:
        return [item];
    }
  });
  for (let n = 0; n < s.added; n++) {
    const template = builtin.agendaItems[n]!;
    records.agendaItems.push({ ...template, id: `${template.id}-added-${n}`, title: { en: `Added item ${n}` } });
  }
  return records;
}

describe('randomized updates over random user edits', () => {
  it('lose no user edit: every field is identical but the review flag, set exactly on sections whose item changed or went', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const publisher = await fresh();
        const sections = sectionsOf(s);
        await putBriefing(briefing('b-even', 'asoen-36', 'Even'), sections.filter((x) => x.briefingId === 'b-even'));
        await putBriefing(briefing('b-odd', 'asoen-36', 'Odd'), sections.filter((x) => x.briefingId === 'b-odd'));
        const briefingsBefore = canonicalJson(await db.briefings.toArray());
        const before = await snapshot(ALL_BUT_HISTORY);

        const changedAny = s.fate.some((f) => f !== 'keep') || s.added > 0;
        const result = await check(await bundleOf(recordsOf(s), publisher));
        if (!changedAny) {
          expect(result).toMatchObject({ ok: false, code: 'no-update' });
          return;
        }
        if (!result.ok) throw new Error(result.message);
        const applied = await applyUpdate(result.preview.token);
        expect(applied.ok).toBe(true);

        expect(canonicalJson(await db.briefings.toArray())).toBe(briefingsBefore);
        const stored = await db.sections.orderBy('id').toArray();
        expect(stored).toHaveLength(sections.length);
        for (const after of stored) {
          const original = sections.find((x) => x.id === after.id)!;
          const { datasetReview, targetIds: _targets, ...rest } = after;
          expect(rest).toEqual(original);
          const spec = s.sections[Number(after.id.slice(1))]!;
          const fate = spec.dangling ? 'keep' : s.fate[spec.agendaIndex];
          const expected = fate === 'remove' ? 'removed' : fate === 'keep' ? undefined : 'changed';
          expect(datasetReview?.change).toBe(expected);
        }
        // And the round trip back: undo restores the exact database.
        expect(await undoLastUpdate(DATASET_ID)).toEqual({ ok: true });
        expect(await snapshot(ALL_BUT_HISTORY)).toEqual(before);
      }),
      { numRuns: 25 },
    );
  }, 180_000);
});
