/**
 * Without a passphrase, a brief may carry only the lowest marking: the higher ones are offered
 * but disabled, with the reason, on the new-briefing form and in the editor, and the repository
 * refuses to create one (nothing is written). With a passphrase set, every marking is open.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { setPlainMode } from '../../renderer/crypto/key-state';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { db } from '../../renderer/db/db';
import { createBriefingForMeeting } from '../../renderer/features/briefings/repo';
import { MarkingNeedsPassphraseError } from '../../renderer/features/lock/marking-guard';
import { renderAppAt } from './render-app';

const markingOptions = async () => {
  const select = await screen.findByRole('combobox', { name: 'Marking' });
  await waitFor(() => expect(within(select).getAllByRole('option').length).toBeGreaterThan(1));
  return within(select).getAllByRole('option') as HTMLOptionElement[];
};

describe('markings without a passphrase', () => {
  beforeEach(() => setPlainMode());

  it('offers only the lowest marking on the new-briefing form, and says why', async () => {
    await renderAppAt('/briefings/new?meeting=asoen-36');
    const options = await markingOptions();
    expect(options[0]!.disabled).toBe(false);
    expect(options[0]!.textContent).toBe('OFFICIAL');
    for (const option of options.slice(1)) {
      expect(option.disabled).toBe(true);
      expect(option.textContent).toBe(`${option.value} (needs a passphrase)`);
    }
    expect(screen.getByText('A briefing marked RESTRICTED needs a passphrase first: set one in Settings → Security.')).toBeTruthy();
  });

  it('refuses to create a RESTRICTED brief and writes nothing', async () => {
    await ensureBuiltinDataset(db);
    await expect(createBriefingForMeeting({ meetingId: 'asoen-36', title: 'Brief', delegation: 'MY', author: 'Aminah', classification: 'RESTRICTED' })).rejects.toBeInstanceOf(MarkingNeedsPassphraseError);
    expect(await db.briefings.count()).toBe(0);
    expect(await db.sections.count()).toBe(0);
  });

  it('keeps an OFFICIAL brief from being raised in the editor', async () => {
    await ensureBuiltinDataset(db);
    const id = await createBriefingForMeeting({ meetingId: 'asoen-36', title: 'Brief', delegation: 'MY', author: 'Aminah', classification: 'OFFICIAL' });
    await renderAppAt(`/briefings/${id}`);
    const options = await markingOptions();
    expect(options.find((o) => o.value === 'OFFICIAL')!.disabled).toBe(false);
    expect(options.filter((o) => o.value !== 'OFFICIAL').every((o) => o.disabled && o.textContent!.endsWith('(needs a passphrase)'))).toBe(true);
  });
});

describe('markings with a passphrase set', () => {
  it('offers every marking (the component tests run unlocked)', async () => {
    await renderAppAt('/briefings/new?meeting=asoen-36');
    const options = await markingOptions();
    expect(options.every((o) => !o.disabled && !o.textContent!.includes('passphrase'))).toBe(true);
  });
});
