import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkEditUpdate } from '../../relay/edit-authorship-check';
import { editAuthorsMap } from '../../shared/collab/attribution';
import { checkCommentsUpdate } from '../../shared/collab/comments-authorship';
import { addThread } from '../../shared/collab/comments-doc';
import { annotationsRoot, readDelegationAnnotations, type DelegationAnnotation } from '../../shared/collab/delegation-annotations';

/*
 * Y.Map.set writes one value per item, but an update can carry a map item holding several:
 * every reader sees the last one. A check that judged the first passed a valid entry of the
 * sender's own followed by one in a colleague's name. Each check now refuses such an item.
 */

/** Turns the item `key` of `map` (just set to `first`) into one item holding `first` then `second`. */
function packTwoValues(map: Y.Map<unknown>, key: string, first: unknown, second: unknown): void {
  const item = (map as unknown as { _map: Map<string, Y.Item> })._map.get(key)!;
  (item as unknown as { content: Y.ContentAny }).content = new Y.ContentAny([first, second]);
  (item as unknown as { length: number }).length = 2;
}

const annotation = (memberId: string, note: string): DelegationAnnotation => ({
  id: 'a1',
  author: { memberId, name: memberId },
  paper: { sha256: 'a'.repeat(64), name: 'statement.pdf', title: 'Draft joint statement', meetingId: 'mtg-1' },
  quote: { exact: 'sustainable fisheries', prefix: '', suffix: '' },
  kind: 'note',
  color: 'yellow',
  note,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
});

describe('a map item holding more than one value', () => {
  it('is refused in the comments document: no annotation in a colleague’s name', () => {
    const stored = new Y.Doc();
    addThread(stored, { id: 't1', sectionId: 's1', author: { memberId: 'm-lead', name: 'lead' }, at: '2026-12-01T09:00:00.000Z', text: 'Start.' });
    const probe = new Y.Doc();
    Y.applyUpdate(probe, Y.encodeStateAsUpdate(stored));
    const attacker = new Y.Doc();
    Y.applyUpdate(attacker, Y.encodeStateAsUpdate(probe));
    const vector = Y.encodeStateVector(attacker);
    annotationsRoot(attacker).set('a1', annotation('m-budi', 'mine'));
    packTwoValues(annotationsRoot(attacker), 'a1', annotation('m-budi', 'mine'), annotation('m-siti', 'FORGED in Siti’s name'));
    const update = Y.encodeStateAsUpdate(attacker, vector);
    // What a reader would see if it were applied: Siti's name.
    const reader = new Y.Doc();
    Y.applyUpdate(reader, Y.encodeStateAsUpdate(probe));
    Y.applyUpdate(reader, update);
    expect(readDelegationAnnotations(reader)[0]?.author.memberId).toBe('m-siti');
    expect(checkCommentsUpdate(probe, update, { memberId: 'm-budi', role: 'drafter' })).toMatchObject({ ok: false, refusal: 'malformed' });
  });

  it('is refused in the content document: no session attributed to a colleague', () => {
    const probe = new Y.Doc();
    const attacker = new Y.Doc();
    const key = String(attacker.clientID);
    attacker.transact(() => {
      attacker.getText('body').insert(0, 'Our red line is 2030.');
      editAuthorsMap(attacker).set(key, { memberId: 'm-budi', name: 'Budi', at: '2026-12-01T10:00:00.000Z' });
    });
    packTwoValues(editAuthorsMap(attacker) as Y.Map<unknown>, key, { memberId: 'm-budi', name: 'Budi', at: '2026-12-01T10:00:00.000Z' }, { memberId: 'm-siti', name: 'Siti', at: '2026-12-01T10:00:00.000Z' });
    const update = Y.encodeStateAsUpdate(attacker);
    const reader = new Y.Doc();
    Y.applyUpdate(reader, update);
    expect(editAuthorsMap(reader).get(key)?.memberId).toBe('m-siti');
    // Refused whichever rule sees it first (the session's owner after the update is read as readers read it).
    expect(checkEditUpdate(probe, update, { memberId: 'm-budi', role: 'drafter', name: 'Budi' }).ok).toBe(false);
  });
});
