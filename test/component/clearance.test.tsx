import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LOCAL_MEMBER } from '../../shared/assignments/assignment';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { db } from '../../renderer/db/db';
import { assignmentRowId } from '../../renderer/features/assignments/assignment-rows';
import { createBriefingForMeeting } from '../../renderer/features/briefings/repo';
import { useAppStore } from '../../renderer/store/store';
import { renderAppAt } from './render-app';

async function brief() {
  await ensureBuiltinDataset(db);
  return createBriefingForMeeting({ meetingId: 'asoen-36', title: 'Malaysia brief', delegation: 'MY', author: 'Aminah', classification: 'RESTRICTED' });
}

const ITEM = 'asoen-36-ajdec-19';

describe('clearance and assignments in the editor', { timeout: 90_000 }, () => {
  it('the lead of a brief not shared assigns a section to themselves, clears, and sees what changed since, word by word', async () => {
    const id = await brief();
    const user = userEvent.setup();
    await renderAppAt(`/briefings/${id}?item=${ITEM}`);
    const position = await screen.findByLabelText('National position', {}, { timeout: 20_000 });
    await user.type(position, 'Welcome Japan.');
    await useAppStore.getState().flush();

    // Assigned to me.
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Assigned to' }, { timeout: 20_000 }), 'Aminah (me)');
    await waitFor(async () => expect(await db.assignments.get(assignmentRowId(id, `${id}:${ITEM}`))).toMatchObject({ memberId: LOCAL_MEMBER, name: 'Aminah', by: 'Aminah' }), { timeout: 20_000 });

    // Cleared.
    const bar = await screen.findByRole('region', { name: 'Clearance' }, { timeout: 20_000 });
    expect(within(bar).getByText('Not cleared yet.')).toBeTruthy();
    await user.click(within(bar).getByRole('button', { name: 'Clear this version' }));
    await user.click(within(bar).getByRole('button', { name: 'Clear now' }));
    await within(bar).findByText(/^Cleared by Aminah on /, {}, { timeout: 20_000 });
    await within(bar).findByText('No changes since it was cleared.', {}, { timeout: 20_000 });
    const [row] = await db.clearances.where('briefingId').equals(id).toArray();
    expect(row).toMatchObject({ current: true, clearedBy: { memberId: LOCAL_MEMBER, name: 'Aminah' } });
    expect(row!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(ArrayBuffer.isView(row!.state)).toBe(true);
    expect(screen.queryByText('Changed since cleared')).toBeNull();
    // The status follows, with who and when.
    await waitFor(async () => expect(await db.briefings.get(id)).toMatchObject({ status: 'cleared' }), { timeout: 20_000 });
    expect((await db.briefings.get(id))!.statusHistory.at(-1)).toMatchObject({ status: 'cleared', by: 'Aminah' });

    // Edited since: the section and the bar say so, with the words.
    await user.type(position, ' Support the work plan.');
    // The section's own note (the bar lists the section with the same words once the autosave has run).
    const note = await waitFor(() => {
      const notes = screen.getAllByText('Changed since cleared').filter((n) => !bar.contains(n));
      expect(notes).toHaveLength(1);
      return notes[0]!;
    }, { timeout: 20_000 });
    const details = note.closest('details')!;
    expect(within(details).getByText('National position')).toBeTruthy();
    expect(details.querySelector('ins')?.textContent).toContain('Support the work plan.');
    await useAppStore.getState().flush();
    await within(bar).findByText('Changed since cleared: 1 part of the brief.', {}, { timeout: 20_000 });

    // Cleared again: replaces, both in the history; nothing changed since.
    await user.click(within(bar).getByRole('button', { name: 'Clear this version' }));
    expect(within(bar).getByText(/This replaces the clearance of/)).toBeTruthy();
    await user.click(within(bar).getByRole('button', { name: 'Clear now' }));
    await within(bar).findByText('Clearance history (2 clearances)', {}, { timeout: 20_000 });
    await within(bar).findByText('No changes since it was cleared.', {}, { timeout: 20_000 });
    expect((await db.clearances.where('briefingId').equals(id).toArray()).filter((c) => c.current)).toHaveLength(1);
    await waitFor(() => expect(screen.queryByText('Changed since cleared')).toBeNull(), { timeout: 20_000 });
  });

  it('My sections lists what is assigned to me across briefings, with its state', async () => {
    const id = await brief();
    const user = userEvent.setup();
    await renderAppAt(`/briefings/${id}?item=${ITEM}`);
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Assigned to' }, { timeout: 20_000 }), 'Aminah (me)');
    await waitFor(async () => expect(await db.assignments.count()).toBe(1), { timeout: 20_000 });
    await user.click(screen.getAllByRole('link', { name: 'My sections' })[0]!);
    const table = await screen.findByRole('table', { name: 'Sections assigned to me' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.textContent).toContain('Japan Dialogue on Environmental Cooperation');
    expect(rows[0]!.textContent).toContain('Empty');
    expect(rows[0]!.textContent).toContain('Not cleared');
  });

  it('a drafter on a shared brief reads the assignment and the clearance, and may change neither', async () => {
    const id = await brief();
    await db.settings.put({
      key: `sharing:${id}`,
      value: { relayUrl: 'wss://relay.example.org', documentId: 'doc-aaaaaaaaaaaaaaaa', memberId: 'member-budi-aaaaaaaa', name: 'Budi', role: 'drafter' },
    });
    await db.assignments.put({ id: assignmentRowId(id, `${id}:${ITEM}`), briefingId: id, sectionId: `${id}:${ITEM}`, memberId: 'member-budi-aaaaaaaa', name: 'Budi', by: 'Aminah', at: '2026-12-01T10:00:00.000Z' });
    await renderAppAt(`/briefings/${id}?item=${ITEM}`);
    await screen.findByText('Budi (me)', {}, { timeout: 20_000 });
    expect(screen.queryByRole('combobox', { name: 'Assigned to' })).toBeNull();
    const bar = await screen.findByRole('region', { name: 'Clearance' }, { timeout: 20_000 });
    expect(within(bar).queryByRole('button', { name: 'Clear this version' })).toBeNull();
    expect(within(bar).getByText('Only the lead clears the briefing.')).toBeTruthy();
  });

  it('the pack of a cleared brief prints the cleared version by default, and the current one when chosen', async () => {
    const id = await brief();
    const user = userEvent.setup();
    await renderAppAt(`/briefings/${id}?item=${ITEM}`);
    const bar = await screen.findByRole('region', { name: 'Clearance' }, { timeout: 20_000 });
    await user.click(within(bar).getByRole('button', { name: 'Clear this version' }));
    await user.click(within(bar).getByRole('button', { name: 'Clear now' }));
    await within(bar).findByText(/^Cleared by Aminah on /, {}, { timeout: 20_000 });
    await user.type(screen.getByLabelText('National position'), 'Typed after clearance');
    await useAppStore.getState().flush();
    window.history.pushState(null, '', `/briefings/${id}/pack`);
    window.dispatchEvent(new PopStateEvent('popstate'));
    const cleared = await screen.findByRole('radio', { name: /^The cleared version/ }, { timeout: 20_000 });
    expect((cleared as HTMLInputElement).checked).toBe(true);
    expect(await screen.findByText('The brief has changed since it was cleared.')).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: /^The current text, not cleared/ }));
    expect((screen.getByRole('radio', { name: /^The current text, not cleared/ }) as HTMLInputElement).checked).toBe(true);
  });
});
