import { beforeEach, describe, expect, it } from 'vitest';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { db } from '../../renderer/db/db';
import { loadReferenceDocs } from '../../renderer/features/search/reference-docs';
import { docKey } from '../../shared/search';

beforeEach(async () => {
  await ensureBuiltinDataset(db);
});

describe('reading the reference records for the search index', () => {
  it('reads every record of every table a page at a time, reporting progress up to all of them', async () => {
    const counts = await Promise.all([db.bodies, db.meetings, db.agendaItems, db.frameworks, db.targets, db.sources].map((t) => t.count()));
    const total = counts.reduce((a, b) => a + b, 0);
    const shares: number[] = [];
    // Pages of 7: every table takes several, and some end exactly on a page boundary or not.
    const paged = await loadReferenceDocs(db, (share) => shares.push(share), 7);
    const whole = await loadReferenceDocs(db, undefined, 1_000_000);
    expect(paged).toHaveLength(total);
    expect(new Set(paged.map((d) => docKey(d.kind, d.id))).size).toBe(total);
    expect(paged.map((d) => docKey(d.kind, d.id)).sort()).toEqual(whole.map((d) => docKey(d.kind, d.id)).sort());
    expect(shares.length).toBeGreaterThan(total / 7);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(shares.at(-1)).toBe(1);
  });
});
