import { describe, expect, it } from 'vitest';
import type { DelegationAnnotation } from '../../shared/collab/delegation-annotations';
import { annotationsOnPapersNotHere, colleagueAnnotations, type DelegationEntry } from '../../shared/papers/colleague-annotations';
import { describeRange } from '../../shared/papers/anchor';
import { documentTextOf } from '../../shared/papers/page-text';

/*
 * Colleagues' shared annotations on this member's copy of a paper: matched by the bytes of a
 * version (SHA-256), placed as made on that version, found again by their quote on another.
 */

const ORIGINAL = ['The Parties commit to sustainable fisheries management by 2030.', 'Annex on data.'];
const REVISED = ['Preamble added.', 'The Parties commit to sustainable fisheries management by 2030.', 'Annex on data.'];
const SHA_ORIGINAL = '1'.repeat(64);
const SHA_REVISED = '2'.repeat(64);

function sharedOn(pages: string[], words: string, sha: string, over: Partial<DelegationAnnotation> = {}): DelegationAnnotation {
  const text = documentTextOf(pages).text;
  const start = text.indexOf(words);
  const { quote, position } = describeRange(text, start, start + words.length);
  return {
    id: 'a1',
    author: { memberId: 'm-budi', name: 'Budi' },
    paper: { sha256: sha, name: 'statement.pdf', title: 'Draft joint statement' },
    quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
    position: { start: position.start, end: position.end },
    page: 1,
    kind: 'note',
    color: 'green',
    note: 'Support.',
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
    ...over,
  };
}
const entry = (annotation: DelegationAnnotation): DelegationEntry => ({ briefingId: 'b1', annotation });
const versions = [
  { id: 'v0', sha256: SHA_ORIGINAL },
  { id: 'v1', sha256: SHA_REVISED },
];

describe('colleagues’ annotations on a paper', () => {
  it('are placed where they were made on the same bytes, and found by their quote on a revision', () => {
    const a = sharedOn(ORIGINAL, 'sustainable fisheries', SHA_ORIGINAL);
    const [same] = colleagueAnnotations([entry(a)], { paper: { id: 'p-mine' }, versions, shown: versions[0]!, pages: ORIGINAL, ownIds: new Set() });
    expect(same).toMatchObject({ id: 'delegation:b1:a1', paperId: 'p-mine', note: 'Support.', target: { versionId: 'v0', position: a.position && { start: a.position.start }, status: 'anchored', page: 1 }, colleague: { author: { name: 'Budi' } } });

    const [moved] = colleagueAnnotations([entry(a)], { paper: { id: 'p-mine' }, versions, shown: versions[1]!, pages: REVISED, ownIds: new Set() });
    const revised = documentTextOf(REVISED).text;
    expect(revised.slice(moved!.target.position!.start, moved!.target.position!.end)).toBe('sustainable fisheries');
    expect(moved!.target).toMatchObject({ versionId: 'v1', page: 2 });
  });

  it('are never drawn over other words: a position that does not hold the quote is only a hint', () => {
    const a = sharedOn(ORIGINAL, 'sustainable fisheries', SHA_ORIGINAL, { position: { start: 0, end: 21 } });
    const [placed] = colleagueAnnotations([entry(a)], { paper: { id: 'p' }, versions, shown: versions[0]!, pages: ORIGINAL, ownIds: new Set() });
    const text = documentTextOf(ORIGINAL).text;
    expect(text.slice(placed!.target.position!.start, placed!.target.position!.end)).toBe('sustainable fisheries');
  });

  it('leave out other papers, one’s own rows, withdrawn ones and duplicates through a second briefing', () => {
    const a = sharedOn(ORIGINAL, 'sustainable fisheries', SHA_ORIGINAL);
    const view = { paper: { id: 'p' }, versions: versions.slice(0, 1), shown: versions[0]!, pages: ORIGINAL, ownIds: new Set(['mine']) };
    const shown = colleagueAnnotations(
      [entry(a), { briefingId: 'b2', annotation: a }, entry({ ...a, id: 'other-paper', paper: { ...a.paper, sha256: '3'.repeat(64) } }), entry({ ...a, id: 'mine' }), entry({ ...a, id: 'gone', deletedAt: 'x' })],
      view,
    );
    expect(shown.map((s) => s.id)).toEqual(['delegation:b1:a1']);
  });

  it('lists those on papers not attached here, by paper, without one’s own', () => {
    const a = sharedOn(ORIGINAL, 'sustainable fisheries', SHA_ORIGINAL);
    const groups = annotationsOnPapersNotHere([entry(a), entry({ ...a, id: 'a2' }), entry({ ...a, id: 'a3', author: { memberId: 'm-me', name: 'Me' } })], new Set([SHA_REVISED]), new Set(['m-me']));
    expect(groups).toEqual([{ paper: a.paper, annotations: [a, { ...a, id: 'a2' }] }]);
    expect(annotationsOnPapersNotHere([entry(a)], new Set([SHA_ORIGINAL]), new Set())).toEqual([]);
  });
});
