import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { readBriefingDoc } from '../../shared/collab/briefing-doc';
import { updateSection } from '../../shared/collab/briefing-doc-changes';
import { changeBriefingDoc } from '../../renderer/collab/briefing-docs';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { db } from '../../renderer/db/db';
import { createBriefingForMeeting } from '../../renderer/features/briefings/repo';
import { useAppStore } from '../../renderer/store/store';
import { renderAppAt } from './render-app';

async function brief() {
  await ensureBuiltinDataset(db);
  return createBriefingForMeeting({ meetingId: 'asoen-36', title: 'Malaysia brief', delegation: 'MY', author: 'Aminah', classification: 'RESTRICTED' });
}

describe('the briefing editor', () => {
  it('shows the outline of agenda items and edits the chosen one', async () => {
    const id = await brief();
    const user = userEvent.setup();
    await renderAppAt(`/briefings/${id}?item=asoen-36-ajdec-19`);
    const outline = await screen.findByRole('navigation', { name: 'Agenda items' });
    expect(within(outline).getAllByRole('link').length).toBe(1 + (await db.agendaItems.where('meetingId').equals('asoen-36').count()));
    const objectives = await screen.findByLabelText('Objectives');
    await user.type(objectives, 'Welcome Japan');
    expect(useAppStore.getState().save.state).not.toBe('saved');
    await useAppStore.getState().flush();
    expect((await db.sections.get(`${id}:asoen-36-ajdec-19`))?.objectives).toBe('Welcome Japan');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('RESTRICTED Malaysia brief');
  });

  it('keeps the text of an agenda item the dataset no longer has, and shows it detached', async () => {
    const id = await brief();
    const sectionId = `${id}:asoen-36-awgcc`;
    await changeBriefingDoc(id, (doc) => updateSection(doc, { ...readBriefingDoc(doc).sections.find((s) => s.id === sectionId)!, position: 'Our climate position' }));
    await db.agendaItems.delete('asoen-36-awgcc');
    await renderAppAt(`/briefings/${id}?item=asoen-36-awgcc`);
    expect(await screen.findByRole('note')).toBeTruthy();
    expect(screen.getByText(/no longer in the dataset/)).toBeTruthy();
    expect((screen.getByLabelText('National position') as HTMLTextAreaElement).value).toBe('Our climate position');
    const outline = screen.getByRole('navigation', { name: 'Agenda items' });
    expect(within(outline).getByText('detached', { exact: false })).toBeTruthy();
  });

  it('reorders talking points from the keyboard', async () => {
    const id = await brief();
    const user = userEvent.setup();
    await renderAppAt(`/briefings/${id}?item=asoen-36-opening`);
    const add = await screen.findByRole('button', { name: 'Add talking point' });
    await user.click(add);
    await user.type(screen.getByRole('textbox', { name: 'Talking point 1' }), 'First');
    await user.click(add);
    await user.type(screen.getByRole('textbox', { name: 'Talking point 2' }), 'Second');
    await user.click(screen.getByRole('button', { name: 'Move talking point 2 up' }));
    expect((screen.getByRole('textbox', { name: 'Talking point 1' }) as HTMLTextAreaElement).value).toBe('Second');
    await user.click(screen.getByRole('button', { name: 'Remove talking point 2' }));
    expect(screen.queryByRole('textbox', { name: 'Talking point 2' })).toBeNull();
  });
});

describe('a dataset update flag on a section', () => {
  const flag = (datasetVersion: number) => ({
    change: 'changed' as const,
    datasetId: 'asean-builtin',
    datasetVersion,
    historyId: `h${datasetVersion}`,
    fields: ['title.en'],
    before: { title: { en: 'Old agenda title' } },
    after: { title: { en: 'New agenda title' } },
    at: '2026-11-23T10:00:00.000Z',
  });

  it('set by an update while the brief is open, shows at once and survives the editor saving that section', async () => {
    const id = await brief();
    const sectionId = `${id}:asoen-36-ajdec-19`;
    const user = userEvent.setup();
    await renderAppAt(`/briefings/${id}?item=asoen-36-ajdec-19`);
    const objectives = await screen.findByLabelText('Objectives');
    await user.type(objectives, 'Before');
    // The update lands between two keystrokes of the delegate.
    await db.sections.update(sectionId, { datasetReview: flag(7) });
    expect(await screen.findByRole('note', { name: /changed by a dataset update|dataset update/i })).toBeTruthy();
    expect(screen.getByText('Old agenda title')).toBeTruthy();
    const outline = screen.getByRole('navigation', { name: 'Agenda items' });
    expect((await within(outline).findByText(/agenda item updated: review/)).closest('a')?.getAttribute('aria-current')).toBe('page');
    await user.type(objectives, ' and after');
    await useAppStore.getState().flush();
    const stored = (await db.sections.get(sectionId))!;
    expect(stored.objectives).toBe('Before and after');
    expect(stored.datasetReview?.datasetVersion).toBe(7);
  });

  it('cleared with "Mark reviewed", stays cleared when the editor saves its older copy', async () => {
    const id = await brief();
    const sectionId = `${id}:asoen-36-ajdec-19`;
    await db.sections.update(sectionId, { datasetReview: flag(8) });
    const user = userEvent.setup();
    await renderAppAt(`/briefings/${id}?item=asoen-36-ajdec-19`);
    // The editor opens the briefing's document first: on a loaded machine that can take over a second.
    await user.click(await screen.findByRole('button', { name: 'Mark reviewed' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Mark reviewed' })).toBeNull());
    await user.type(screen.getByLabelText('Objectives'), 'Read it');
    await useAppStore.getState().flush();
    const stored = (await db.sections.get(sectionId))!;
    expect(stored.objectives).toBe('Read it');
    expect(stored.datasetReview).toBeUndefined();
  });
});

describe('classification markings', () => {
  it('are a setting the delegation edits, offered on every briefing', async () => {
    const id = await brief();
    const user = userEvent.setup();
    await renderAppAt('/briefings');
    const input = await screen.findByLabelText(/markings offered for briefings/);
    await waitForValue(input as HTMLTextAreaElement, 'OFFICIAL');
    await user.clear(input);
    await user.type(input, 'unclassified{enter}secret');
    await user.click(screen.getByRole('button', { name: 'Save markings' }));
    await screen.findByText('Markings saved.');
    expect((await db.settings.get('classifications'))?.value).toEqual(['UNCLASSIFIED', 'SECRET']);
    await user.click(screen.getByRole('link', { name: 'Malaysia brief' }));
    const marking = await screen.findByRole('combobox', { name: 'Marking' });
    await waitFor(() => expect(within(marking).getAllByRole('option').map((o) => o.textContent)).toEqual(['UNCLASSIFIED', 'SECRET', 'RESTRICTED']));
    expect(id).toBeTruthy();
  });
});

async function waitForValue(input: HTMLTextAreaElement, contains: string) {
  for (let i = 0; i < 100 && !input.value.includes(contains); i++) await new Promise((r) => setTimeout(r, 10));
}
