import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { db } from '../../renderer/db/db';
import { createBriefingForMeeting } from '../../renderer/features/briefings/repo';
import type * as PapersRepo from '../../renderer/papers/storage/papers-repo';
import type { DelegateApi, IpcResult } from '../../shared/ipc/contract';
import { PackAnnexRequest } from '../../shared/papers/annex-request';
import type { Paper, PaperVersion } from '../../shared/papers/model';
import { PackPage } from '../../renderer/features/packs/PackPage';

/*
 * The pack page's "Print…" and "Save as PDF…" on the desktop, with meeting papers chosen for the
 * annex: the renderer hands main (here a fake preload bridge) the pack's marking, the page label
 * in the pack's language and the chosen papers' own bytes, in a request main's validation
 * accepts; papers not ticked stay out; a refusal from main is told to the delegate.
 */

// jsdom's Blob does not survive fake IndexedDB's structured clone: the bytes a version reads come from here.
const files = vi.hoisted(() => new Map<string, Uint8Array>());
vi.mock('../../renderer/papers/storage/papers-repo', async (importOriginal) => ({
  ...(await importOriginal<typeof PapersRepo>()),
  versionBytes: (versionId: string) => Promise.resolve(files.get(versionId)),
}));

const now = '2026-11-30T09:00:00.000Z';

async function pdfOf(pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pages; i++) pdf.addPage([595, 842]);
  return pdf.save();
}

async function seedPaper(id: string, title: string, pages: number): Promise<Uint8Array> {
  const bytes = await pdfOf(pages);
  const versionId = `${id}-v0`;
  const paper: Paper = { id, title, owner: { kind: 'meeting', id: 'asoen-36' }, ownerKey: 'meeting:asoen-36', meetingId: 'asoen-36', currentVersionId: versionId, createdAt: now, createdBy: 'Aminah', updatedAt: now };
  const version: PaperVersion = { id: versionId, paperId: id, revision: 0, label: 'Original', name: `${title}.pdf`, type: 'application/pdf', size: bytes.length, sha256: 'a'.repeat(64), isPdf: true, pageCount: pages, addedAt: now, addedBy: 'Aminah' };
  await db.papers.put(paper);
  await db.paperVersions.put(version);
  await db.paperBlobs.put({ versionId, blob: new Blob([bytes as BlobPart]) });
  files.set(versionId, bytes);
  return bytes;
}

/** The preload's bridge as main would answer, for the two pack buttons. */
function fakeDesktop(printAnswer: IpcResult<{ printed: boolean }> = { ok: true, value: { printed: true } }) {
  const printPack = vi.fn((_annex?: PackAnnexRequest) => Promise.resolve(printAnswer));
  const savePackPdf = vi.fn((_name: string, _title: string, _annex?: PackAnnexRequest) => Promise.resolve({ ok: true as const, value: { saved: true, fileName: 'pack.pdf' } }));
  window.delegateApi = { printPack, savePackPdf } as Partial<DelegateApi> as DelegateApi;
  return { printPack, savePackPdf };
}

// jsdom lays nothing out: give page bodies and units the heights a browser would (as pack-page.test.tsx does).
beforeEach(() => {
  files.clear();
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.classList.contains('pack-page-body') ? 1000 : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const height = this.classList.contains('pack-unit') ? 100 : 0;
    return { x: 0, y: 0, top: 0, left: 0, bottom: height, right: 600, width: 600, height, toJSON: () => ({}) } as DOMRect;
  });
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});

afterEach(() => {
  delete window.delegateApi;
  vi.restoreAllMocks();
});

const packState = () => document.querySelector('.pack-view')?.getAttribute('data-pack-state');

async function openPackWithPapers() {
  await ensureBuiltinDataset(db);
  const concept = await seedPaper('p-concept', 'Concept note: blue carbon', 3);
  await seedPaper('p-draft', 'Draft joint statement', 2);
  const id = await createBriefingForMeeting({ meetingId: 'asoen-36', title: 'Malaysia brief', delegation: 'MY', author: 'Aminah', classification: 'RESTRICTED' });
  const desktop = window.delegateApi ? undefined : fakeDesktop();
  const user = userEvent.setup();
  // The pack page alone (the whole app would ask main for its menus, language and more).
  render(<PackPage id={id} />);
  await waitFor(() => expect(packState()).toBe('ready'), { timeout: 20_000 });
  const pagesAlone = Number(document.querySelector('.pack-view')!.getAttribute('data-pages'));
  const picker = await screen.findByRole('group', { name: 'Meeting papers in the annex' });
  await user.click(within(picker).getByRole('checkbox', { name: /Concept note: blue carbon/ }));
  // The annex's pages are counted into the pack's total before it can be printed.
  await waitFor(() => expect(Number(document.querySelector('.pack-view')!.getAttribute('data-pages'))).toBe(pagesAlone + 3), { timeout: 20_000 });
  return { user, desktop, concept };
}

describe('printing a pack with meeting papers (desktop)', () => {
  it('hands main the marking, the page label and the ticked paper only, in a request main accepts', async () => {
    const { user, desktop, concept } = await openPackWithPapers();
    await user.click(screen.getByRole('button', { name: 'Print…' }));
    await waitFor(() => expect(desktop!.printPack).toHaveBeenCalledTimes(1));
    const annex = desktop!.printPack.mock.calls[0]![0]!;
    expect(annex.marking).toBe('RESTRICTED');
    expect(annex.pageLabel).toBe('Page {page} of {total}');
    expect(annex.papers.map((p) => p.title)).toEqual(['Concept note: blue carbon']);
    expect([...annex.papers[0]!.bytes]).toEqual([...concept]);
    expect(() => PackAnnexRequest.parse(annex)).not.toThrow();
  }, 60_000);

  it('saves as PDF with the same annex and a file name from the meeting and the briefing', async () => {
    const { user, desktop } = await openPackWithPapers();
    await user.click(screen.getByRole('button', { name: 'Save as PDF…' }));
    await waitFor(() => expect(desktop!.savePackPdf).toHaveBeenCalledTimes(1));
    const [fileName, , annex] = desktop!.savePackPdf.mock.calls[0]!;
    expect(fileName).toBe('ASOEN-36-Malaysia-brief-internal.pdf');
    expect(annex?.papers.map((p) => p.title)).toEqual(['Concept note: blue carbon']);
    await screen.findByText(/pack\.pdf/);
  }, 60_000);

  it("tells the delegate when main refuses to print, and sends no annex when no paper is ticked", async () => {
    const desktop = fakeDesktop({ ok: false, error: { code: 'invalid-payload', message: 'the papers are too large to print together' } });
    const { user } = await openPackWithPapers();
    await user.click(screen.getByRole('button', { name: 'Print…' }));
    await screen.findByText(/The pack could not be produced: the papers are too large to print together/);
    await user.click(within(screen.getByRole('group', { name: 'Meeting papers in the annex' })).getByRole('checkbox', { name: /Concept note: blue carbon/ }));
    await waitFor(() => expect((screen.getByRole('button', { name: 'Print…' }) as HTMLButtonElement).disabled).toBe(false));
    await user.click(screen.getByRole('button', { name: 'Print…' }));
    await waitFor(() => expect(desktop.printPack).toHaveBeenCalledTimes(2));
    expect(desktop.printPack.mock.calls[1]![0]).toBeUndefined();
  }, 60_000);
});
