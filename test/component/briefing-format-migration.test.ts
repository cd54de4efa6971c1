import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BRIEFING_DOC_FORMAT, briefingRoots, readBriefingDoc } from '../../shared/collab/briefing-doc';
import { ORDER_KEY } from '../../shared/collab/briefing-doc-order';
import { docStateOf, replaceDocState } from '../../renderer/collab/doc-log';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { db } from '../../renderer/db/db';
import { createBriefingForMeeting } from '../../renderer/features/briefings/repo';
import { useAppStore } from '../../renderer/store/store';
import { asFormatOne } from '../tools/briefing-doc-format1';

async function stored(id: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await docStateOf(id))!);
  return doc;
}

async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 300 && !(await check()); i++) await new Promise((r) => setTimeout(r, 10));
  expect(await check()).toBe(true);
}

describe('a briefing document of format 1', () => {
  it('is brought to format 2 when its editor opens: order keys on every list element, the same content, nothing to undo', async () => {
    await ensureBuiltinDataset(db);
    const id = await createBriefingForMeeting({ meetingId: 'asoen-36', title: 'Brief', delegation: 'MY', author: 'Aminah', classification: 'OFFICIAL' });
    const sectionId = `${id}:asoen-36-ajdec-19`;
    // Talking points to key, then the document as an app of format 1 had stored it.
    expect(await useAppStore.getState().openBriefing(id)).toBe(true);
    useAppStore.getState().editSection(sectionId, 'talkingPoints.add', (s) => ({ ...s, talkingPoints: [{ id: 'p1', text: 'First' }, { id: 'p2', text: 'Second' }] }));
    await useAppStore.getState().closeDraft();
    const legacy = asFormatOne((await docStateOf(id))!);
    await replaceDocState(id, legacy);
    const content = readBriefingDoc(await stored(id));
    expect(briefingRoots(await stored(id)).meta.get('format')).toBe(1);

    expect(await useAppStore.getState().openBriefing(id)).toBe(true);
    await eventually(async () => useAppStore.getState().save.state === 'pending' || briefingRoots(await stored(id)).meta.get('format') === BRIEFING_DOC_FORMAT);
    await useAppStore.getState().flush();
    const migrated = await stored(id);
    expect(briefingRoots(migrated).meta.get('format')).toBe(BRIEFING_DOC_FORMAT);
    const points = briefingRoots(migrated).sections.get(sectionId)!.get('talkingPoints') as Y.Array<Y.Map<unknown>>;
    expect(points.toArray().every((p) => typeof p.get(ORDER_KEY) === 'string')).toBe(true);
    expect(readBriefingDoc(migrated)).toEqual(content);
    expect(useAppStore.getState().canUndo).toBe(false);
    await useAppStore.getState().closeDraft();
  });
});
