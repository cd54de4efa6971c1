import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { setPlainMode } from '../../renderer/crypto/key-state';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { db } from '../../renderer/db/db';
import { createBriefingForMeeting } from '../../renderer/features/briefings/repo';
import { markingNeedsPassphrase, MarkingNeedsPassphraseError } from '../../renderer/features/lock/marking-guard';
import { renderAppAt } from './render-app';

/*
 * The marking list is editable in Settings. Moving RESTRICTED to the top must not make it the
 * "lowest" marking and so open it without a passphrase: the default list's markings above
 * OFFICIAL always need one; a marking the delegate added needs one unless it is the first.
 */
const create = (classification: string) => createBriefingForMeeting({ meetingId: 'asoen-36', title: `${classification} brief`, delegation: 'MY', author: 'A', classification });

describe('the marking rule does not depend on the list order', () => {
  beforeEach(async () => {
    await ensureBuiltinDataset(db);
    setPlainMode();
  });

  it('refuses RESTRICTED put first in the list, and writes nothing', async () => {
    await db.settings.put({ key: 'classifications', value: ['RESTRICTED', 'OFFICIAL', 'CONFIDENTIAL'] });
    await expect(create('RESTRICTED')).rejects.toBeInstanceOf(MarkingNeedsPassphraseError);
    await expect(create('CONFIDENTIAL')).rejects.toBeInstanceOf(MarkingNeedsPassphraseError);
    expect(await db.briefings.count()).toBe(0);
    const id = await create('OFFICIAL');
    expect((await db.briefings.get(id))?.classification).toBe('OFFICIAL');
  });

  it('treats a known marking in another case as the same marking', () => {
    expect(markingNeedsPassphrase('Restricted', ['Restricted', 'OFFICIAL'])).toBe(true);
    expect(markingNeedsPassphrase(' confidential ', [' confidential '])).toBe(true);
  });

  it("opens a delegate's own marking only when it is first", async () => {
    await db.settings.put({ key: 'classifications', value: ['UNCLASSIFIED', 'OFFICIAL', 'SECRET'] });
    const id = await create('UNCLASSIFIED');
    expect((await db.briefings.get(id))?.classification).toBe('UNCLASSIFIED');
    await expect(create('SECRET')).rejects.toBeInstanceOf(MarkingNeedsPassphraseError);
    await db.settings.put({ key: 'classifications', value: ['SECRET', 'OFFICIAL'] });
    expect(markingNeedsPassphrase('SECRET', ['SECRET', 'OFFICIAL'])).toBe(false);
    expect(markingNeedsPassphrase('OFFICIAL', ['SECRET', 'OFFICIAL'])).toBe(false);
  });
});

describe('the new-briefing form with RESTRICTED moved first', () => {
  it('keeps RESTRICTED closed and OFFICIAL open, and says why', async () => {
    setPlainMode();
    await db.settings.put({ key: 'classifications', value: ['RESTRICTED', 'OFFICIAL', 'CONFIDENTIAL'] });
    await renderAppAt('/briefings/new?meeting=asoen-36');
    const select = await screen.findByRole('combobox', { name: 'Marking' });
    await waitFor(() => expect(within(select).getAllByRole('option').length).toBe(3));
    const options = within(select).getAllByRole('option') as HTMLOptionElement[];
    expect(options.map((o) => [o.value, o.disabled])).toEqual([
      ['RESTRICTED', true],
      ['OFFICIAL', false],
      ['CONFIDENTIAL', true],
    ]);
    expect(screen.getByText('A briefing marked RESTRICTED needs a passphrase first: set one in Settings → Security.')).toBeTruthy();
  });
});
