import { describe, expect, it } from 'vitest';
import type { DatasetReview } from '../../shared/briefing/model';
import { briefingImpact, planUpdate, recordLabel, reviewFlag, totalChanges } from '../../shared/sync';
import { builtinRecords } from './bundle-fixtures';

const base = builtinRecords();

describe('planUpdate', () => {
  it('sorts records into added, changed (field by field), unchanged and removed; key order is no change', () => {
    const next = structuredClone(base);
    const [first, second] = next.agendaItems as [(typeof next.agendaItems)[number], (typeof next.agendaItems)[number]];
    first.title = { ...first.title, en: 'New title' };
    next.agendaItems = next.agendaItems.filter((a) => a.id !== second.id);
    // The same meeting written with its keys in another order.
    next.meetings[0] = Object.fromEntries(Object.entries(next.meetings[0]!).reverse()) as (typeof next.meetings)[number];
    next.bodies.push({ ...structuredClone(base.bodies[0]!), id: 'new-body', acronym: 'NB', name: { en: 'New body' } });

    const plan = planUpdate(base, next, [{ kind: 'agendaItems', id: second.id }]);
    expect(plan.kinds.agendaItems.changed).toEqual([first.id]);
    expect(plan.kinds.agendaItems.removed).toEqual([second.id]);
    expect(plan.kinds.meetings).toMatchObject({ changed: [], removed: [], added: [] });
    expect(plan.kinds.meetings.unchanged).toHaveLength(base.meetings.length);
    expect(plan.kinds.bodies.added).toEqual(['new-body']);
    expect(plan.changes.find((c) => c.id === first.id)?.fields).toEqual([{ path: 'title.en', before: base.agendaItems[0]!.title.en, after: 'New title' }]);
    expect(plan.changes.find((c) => c.id === second.id)).toMatchObject({ change: 'removed', tombstoned: true });
    expect(plan.changes.find((c) => c.id === 'new-body')).toMatchObject({ change: 'added', label: 'NB — New body' });
    expect(totalChanges(plan.counts)).toBe(3);
    expect(planUpdate(base, base).changes).toEqual([]);
  });

  it('labels records by what a delegate reads', () => {
    expect(recordLabel('targets', { ...base.targets[0]!, code: 'a', text: { ms: 'Sasaran' } })).toBe('a. Sasaran');
    expect(recordLabel('sources', { ...base.sources[0]!, title: { id: 'Siaran pers' } })).toBe('Siaran pers');
  });
});

describe('briefingImpact and reviewFlag', () => {
  const [item, gone] = base.agendaItems as [(typeof base.agendaItems)[number], (typeof base.agendaItems)[number]];
  const changed = { ...item, title: { en: 'Changed' }, description: { en: 'Now described' } };
  const plan = planUpdate(base, { ...base, agendaItems: [changed, ...base.agendaItems.slice(2)] });
  const sections = [
    { id: 's1', briefingId: 'b', agendaItemId: item.id },
    { id: 's2', briefingId: 'b', agendaItemId: gone.id },
    { id: 's3', briefingId: 'b', agendaItemId: base.agendaItems[3]!.id },
  ];
  const impact = briefingImpact(plan.changes, sections, new Map([['b', 'Brief']]), new Map(base.agendaItems.map((a) => [a.id, a])), new Map([[item.id, changed]]));

  it('names the sections whose item changed or went, with the text before and after', () => {
    expect(impact.map((i) => [i.sectionId, i.change])).toEqual([
      ['s1', 'changed'],
      ['s2', 'removed'],
    ]);
    expect(impact[0]).toMatchObject({ briefingTitle: 'Brief', after: { title: { en: 'Changed' }, description: { en: 'Now described' } }, before: { title: item.title } });
    expect(impact[0]!.fields).toContain('title.en');
    expect(impact[0]!.fields.some((f) => f.startsWith('description'))).toBe(true);
    expect(impact[1]!.after).toBeUndefined();
  });

  it('a flag not yet reviewed keeps the text the delegate last saw as "before"', () => {
    const update = { datasetId: 'd', datasetVersion: 3, historyId: 'h3', at: '2027-01-01T00:00:00.000Z' };
    const earlier: DatasetReview = { change: 'changed', datasetId: 'd', datasetVersion: 2, historyId: 'h2', fields: ['day'], before: { title: { en: 'Original' } }, after: { title: { en: 'Middle' } }, at: '2026-12-01T00:00:00.000Z' };
    const flag = reviewFlag(impact[0]!, update, earlier);
    expect(flag).toMatchObject({ datasetVersion: 3, historyId: 'h3', before: { title: { en: 'Original' } }, after: { title: { en: 'Changed' } } });
    expect(flag.fields).toEqual(expect.arrayContaining(['day', 'title.en']));
    expect(reviewFlag(impact[0]!, update, undefined).before).toEqual({ title: item.title, ...(item.description ? { description: item.description } : {}) });
  });
});
