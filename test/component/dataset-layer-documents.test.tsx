/**
 * A national layer's agenda item names an outcome document of the ASEAN dataset (the joint
 * statement ASOEN-36 adopts). Through the dataset engine and the meeting page: the item lists the
 * document as a link to the adopting meeting; a base update that withdraws the document says in
 * its preview which layer reference it breaks, and once applied the item is kept, flagged, and
 * marked in the meeting's programme; a later base version that brings it back clears the mark.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { db } from '../../renderer/db/db';
import { resetSyncEngine } from '../../renderer/datasets/dataset-updates';

import { MeetingPage } from '../../renderer/features/meetings/MeetingPage';
import { BASE_ID, JOINT_STATEMENT, LAYER_ID, baseWithoutJointStatement, layerBundle } from '../unit/layer-fixtures';
import { apply, builtinRecords, bundleOf, ministry, preview, setUp } from './sync-engine-fixtures';

vi.setConfig({ testTimeout: 60_000 });
afterEach(() => resetSyncEngine());

const ITEM = "Malaysia's bilateral with the ASOEN chair (delegation's own item)";
const STATEMENT = 'ASEAN Joint Statement on Climate Change to the 30th Conference of the Parties to the UNFCCC (COP30)';

/** The layer's agenda item as the ASOEN-36 programme shows it. */
async function programmeEntry(): Promise<HTMLElement> {
  const programme = (await screen.findByRole('heading', { name: 'Programme' })).closest('section')!;
  return (await within(programme).findByText(ITEM)).closest('li')!;
}

describe('an outcome document named across datasets', () => {
  it('links from the layer’s item to the base meeting, and is flagged in the programme when the base withdraws it', async () => {
    const builtin = await setUp();
    await apply(await preview(await layerBundle(await ministry())));
    expect(await db.referenceFlags.count()).toBe(0);

    const view = render(<MeetingPage id="asoen-36" />);
    let entry = await programmeEntry();
    const link = await within(entry).findByRole('link', { name: STATEMENT });
    expect(link.getAttribute('href')).toBe(`/meetings/asoen-36#outcome-${JOINT_STATEMENT}`);
    expect(within(entry).queryByTestId('agenda-flag')).toBeNull();
    view.unmount();

    // The base withdraws the statement: the preview names the layer's reference it breaks.
    const withdrawn = await preview(await bundleOf(baseWithoutJointStatement(), builtin, 2));
    expect(withdrawn.layers?.dependents).toEqual([
      {
        datasetId: LAYER_ID,
        title: expect.any(String),
        flagged: [{ kind: 'agendaItems', id: 'my-bilateral-asoen-36', path: 'outcomeDocumentIds.0', target: 'outcomeDocuments', targetId: JOINT_STATEMENT, baseId: BASE_ID }],
        flaggedCount: 1,
        cleared: 0,
      },
    ]);
    await apply(withdrawn);
    expect(await db.agendaItems.get('my-bilateral-asoen-36')).toBeDefined();
    expect(await db.referenceFlags.get(['agendaItems', 'my-bilateral-asoen-36'])).toEqual({
      kind: 'agendaItems',
      id: 'my-bilateral-asoen-36',
      datasetId: LAYER_ID,
      references: [{ path: 'outcomeDocumentIds.0', target: 'outcomeDocuments', targetId: JOINT_STATEMENT, baseId: BASE_ID, since: expect.any(String) }],
    });

    const flagged = render(<MeetingPage id="asoen-36" />);
    entry = await programmeEntry();
    expect(entry.className).toContain('agenda-item-flagged');
    expect(within(entry).getByText('Check: refers to a removed record')).toBeTruthy();
    const note = await within(entry).findByTestId('agenda-flag');
    // The datasets' titles arrive by their own query: wait for the sentence, not for a moment.
    await waitFor(() => expect(note.textContent).toContain('This item belongs to Malaysia: national layer (example).'));
    await waitFor(() => expect(note.textContent).toMatch(new RegExp(`Refers to outcome document “${JOINT_STATEMENT}”, which ASEAN .* no longer has\\.`)));
    // The document itself reads as missing, not as a link to nowhere.
    await within(entry).findByText(`${JOINT_STATEMENT} (not in the dataset)`);
    expect(within(entry).queryByRole('link', { name: STATEMENT })).toBeNull();
    // The base's own items are not marked.
    const marked = [...document.querySelectorAll('.agenda-item-flagged')];
    expect(marked).toEqual([entry]);
    flagged.unmount();

    // A later base version brings it back: the flag is cleared, as the preview says.
    const back = await preview(await bundleOf(builtinRecords(), builtin, 3));
    expect(back.layers?.dependents[0]).toMatchObject({ datasetId: LAYER_ID, flaggedCount: 0, cleared: 1 });
    await apply(back);
    expect(await db.referenceFlags.count()).toBe(0);
    render(<MeetingPage id="asoen-36" />);
    entry = await programmeEntry();
    await within(entry).findByRole('link', { name: STATEMENT });
    expect(entry.className).not.toContain('agenda-item-flagged');
  });
});
