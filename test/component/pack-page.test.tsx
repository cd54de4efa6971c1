import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { db } from '../../renderer/db/db';
import { createBriefingForMeeting } from '../../renderer/features/briefings/repo';
import { layOutPack } from '../../renderer/features/packs/layout';
import type { PackDocument } from '../../shared/pack/model';
import { renderAppAt } from './render-app';

async function brief(): Promise<string> {
  await ensureBuiltinDataset(db);
  const id = await createBriefingForMeeting({ meetingId: 'asoen-36', title: 'Malaysia brief', delegation: 'MY', author: 'Aminah', classification: 'RESTRICTED' });
  const section = (await db.sections.get(`${id}:asoen-36-awgcc`))!;
  await db.sections.put({ ...section, privateNotes: 'Only for us: the chair is flexible', redLines: 'Never accept a binding target', talkingPoints: [{ id: 'tp', text: '<img src=x onerror="window.__xss=1"> welcome' }], followUps: [{ id: 'f', what: 'Send the **final** text', owner: 'Desk' }] });
  return id;
}

/*
 * jsdom has no layout engine: every box is 0 px tall. Give page bodies and units the heights a
 * browser would measure (a body of 1000 px, units of 100 px, a chart of 400 px, a passage saying
 * HUGE 1500 px) so the pack is paginated for real. No canvas either: the watermark falls back to its text form.
 */
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.classList.contains('pack-page-body') ? 1000 : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const height = !this.classList.contains('pack-unit') ? 0 : this.textContent?.includes('HUGE') ? 1500 : this.querySelector('svg') ? 400 : 100;
    return { x: 0, y: 0, top: 0, left: 0, bottom: height, right: 600, width: 600, height, toJSON: () => ({}) } as DOMRect;
  });
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  return () => vi.restoreAllMocks();
});

const pages = () => document.querySelectorAll('.pack-pages .pack-page');
const ready = () => waitFor(() => expect(document.querySelector('.pack-view')?.getAttribute('data-pack-state')).toBe('ready'), { timeout: 20_000 });

/** Opens the pack of a new ASOEN-36 brief and waits until every page is laid out. */
async function openPack(): Promise<{ user: ReturnType<typeof userEvent.setup> }> {
  const id = await brief();
  const user = userEvent.setup();
  await renderAppAt(`/briefings/${id}/pack`);
  await ready();
  return { user };
}

/** Laying out a whole ASOEN-36 pack in jsdom takes a few seconds on a busy machine. */
const SLOW = 30_000;

describe('the pack page', () => {
  it('lays out the brief on pages with the marking and page numbers, and applies the profile', async () => {
    const { user } = await openPack();
    const preview = screen.getByRole('region', { name: 'Preview of the printed pages' });
    const all = pages();
    expect(all.length).toBeGreaterThan(20);
    expect(within(preview).getByRole('article', { name: 'Page 1' }).textContent).toContain('ASOEN-36');
    all.forEach((page, i) => {
      expect(page.querySelector('.pack-page-head')!.textContent).toContain('RESTRICTED');
      expect(page.querySelector('.pack-page-foot')!.textContent).toContain(`Page ${i + 1} of ${all.length}`);
    });
    expect(screen.getByRole('status').textContent).toContain(`The pack has ${all.length} pages.`);
    // Each contents entry gives the page its part starts on, and that page starts with the part's title.
    const entries = [...preview.querySelectorAll<HTMLElement>('.pack-toc-entry[data-chapter]')];
    // The brief written for, and one compact list for the agenda items with nothing written.
    expect(entries.length).toBeGreaterThan(8);
    expect(entries.map((e) => e.dataset.chapter)).toContain('brief-empty');
    for (const entry of entries) {
      const title = document.getElementById(`pack-${entry.dataset.chapter!}`)!;
      const page = title.closest('.pack-page')!;
      expect(page.querySelector('.pack-page-body .pack-unit')!.contains(title)).toBe(true);
      expect(entry.querySelector('.pack-toc-page')!.textContent).toBe(page.getAttribute('data-page'));
    }
    expect(preview.textContent).toContain('Only for us: the chair is flexible');
    expect(preview.textContent).toContain('Never accept a binding target');
    expect(preview.textContent).toContain('<img src=x onerror="window.__xss=1"> welcome');
    expect(preview.querySelector('img[src="x"]')).toBeNull();
    // Delegate-written table cells are markdown too.
    expect([...preview.querySelectorAll('.pack-table strong')].map((e) => e.textContent)).toContain('final');

    await user.click(screen.getByRole('radio', { name: /^Shareable/ }));
    await ready();
    const shared = screen.getByRole('region', { name: 'Preview of the printed pages' }).textContent;
    expect(shared).not.toContain('Only for us');
    expect(shared).not.toContain('Never accept a binding target');
    expect(shared).toContain('<img src=x onerror="window.__xss=1"> welcome');
  }, SLOW);

  it('lets the delegate pick sections and the paper by keyboard, with labelled controls', async () => {
    const { user } = await openPack();
    const before = pages().length;
    const briefs = screen.getByRole('checkbox', { name: 'Briefs by agenda item' });
    briefs.focus();
    await user.keyboard(' ');
    expect((briefs as HTMLInputElement).checked).toBe(false);
    await ready();
    expect(pages().length).toBeLessThan(before);
    expect(document.querySelector('.pack-toc-entry[data-chapter^="brief-"]')).toBeNull();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Paper' }), 'US Letter');
    await ready();
    expect(document.querySelector('.pack-pages .pack-page.paper-letter')).not.toBeNull();
    expect(document.querySelector('.pack-pages .pack-page.paper-a4')).toBeNull();
  }, SLOW);

  it('shows the pages in the pack language chosen, whatever the interface language', async () => {
    const { user } = await openPack();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language of the pack' }), 'ms');
    await ready();
    expect(document.querySelector('.pack-page-foot')!.textContent).toMatch(/Halaman 1 daripada \d+/);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Pack: Malaysia brief');
  }, SLOW);

  it('keeps a heading with the passage under it, even one taller than a page', async () => {
    const id = await brief();
    const section = (await db.sections.get(`${id}:asoen-36-ajdec-19`))!;
    await db.sections.put({ ...section, position: 'A HUGE position that no page can hold' });
    await renderAppAt(`/briefings/${id}/pack`);
    await ready();
    // jsdom has no line boxes, so the passage cannot be split here (the e2e tests split it in Chromium).
    expect(screen.getByRole('status').textContent).toMatch(/^The pack has \d+ pages\.$/);
    // The heading above it is on its page, not left alone at the foot of the one before.
    const huge = [...document.querySelectorAll('.pack-pages .pack-unit')].find((u) => u.textContent?.includes('HUGE'))!;
    const units = [...huge.closest('.pack-page-body')!.children];
    expect(units[units.indexOf(huge) - 1]!.textContent).toBe('National position');
  }, SLOW);

  it('offers a choice of briefings at /packs, the most recent first', async () => {
    const id = await brief();
    await renderAppAt('/packs');
    const link = await screen.findByRole('link', { name: 'Continue with the briefing last open: Malaysia brief' });
    expect(link.getAttribute('href')).toBe(`/briefings/${id}/pack`);
  });
});

describe('layOutPack', () => {
  it('stops when cancelled and leaves nothing behind', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const abort = new AbortController();
    abort.abort();
    const doc: PackDocument = { paper: 'a4', language: 'en', profile: 'internal', meetingCode: 'X', marking: 'OFFICIAL', draft: false, cover: {} as PackDocument['cover'], chapters: [{ id: 'c', title: 'C', level: 1, blocks: [] }], sources: [] };
    const labels = { pageOf: () => '', pageLabel: () => '', draft: 'DRAFT', cover: [], coverTitle: '', profile: '' };
    await expect(layOutPack(doc, { bodies: [], language: 'en', contentsTitle: 'Contents', continued: (title: string) => `${title} (continued)` }, labels, host, abort.signal, () => undefined)).rejects.toMatchObject({ name: 'AbortError' });
    expect(host.children.length).toBe(0);
    host.remove();
  });
});
