import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DelegateApi, IpcResult, PaperOpenResult } from '../../shared/ipc/contract';
import type { Annotation, Paper, PaperVersion } from '../../shared/papers/model';
import { db } from '../../renderer/db/db';
import { AnnotationsPrintPage } from '../../renderer/papers/annotations/AnnotationsPrintPage';
import { PaperPage } from '../../renderer/papers/viewer/PaperPage';
import type * as PapersRepo from '../../renderer/papers/storage/papers-repo';
import { useAppStore } from '../../renderer/store/store';

/*
 * A paper's two ways out of the app. "Open with the system viewer" (desktop) hands main the
 * version's id, name and bytes through the preload's openPaperWithSystem and tells the delegate
 * when no application opens the file or the opening failed; web mode has no such button, and a
 * file the app cannot read is downloaded instead. "Print" on a paper's annotations prints the
 * list with the page's own print (window.print: Electron's print dialog on the desktop), asking
 * main for nothing.
 */

// The papers' bytes as the database holds them. jsdom's Blob does not survive the structured
// clone on the way out of (fake) IndexedDB (it comes back a plain object), so the bytes a version
// reads are served from here; everything else (rows, blobs written, downloads) is the app's own.
const files = vi.hoisted(() => new Map<string, Uint8Array>());
vi.mock('../../renderer/papers/storage/papers-repo', async (importOriginal) => ({
  ...(await importOriginal<typeof PapersRepo>()),
  versionBytes: (versionId: string) => Promise.resolve(files.get(versionId)),
}));

const now = '2026-11-30T09:00:00.000Z';
const BYTES = { original: new Uint8Array([80, 75, 3, 4, 1, 1]), rev1: new Uint8Array([80, 75, 3, 4, 2, 2, 2]) };

const paper: Paper = { id: 'p1', title: 'Concept note: blue carbon', owner: { kind: 'meeting', id: 'asoen-36' }, ownerKey: 'meeting:asoen-36', meetingId: 'asoen-36', currentVersionId: 'v1', createdAt: now, createdBy: 'Aminah', updatedAt: now };
const version = (id: string, revision: number, name: string, size: number, isPdf = false): PaperVersion => ({
  id,
  paperId: paper.id,
  revision,
  label: revision === 0 ? 'Original' : `Rev.${revision}`,
  name,
  type: isPdf ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  size,
  sha256: String(revision).repeat(64),
  isPdf,
  addedAt: now,
  addedBy: 'Aminah',
});
const original = version('v0', 0, 'Concept note.docx', BYTES.original.length);
const rev1 = version('v1', 1, 'Concept note Rev.1.docx', BYTES.rev1.length);

async function seedPaper(versions: PaperVersion[] = [original, rev1], stored: Record<string, Uint8Array> = { v0: BYTES.original, v1: BYTES.rev1 }): Promise<void> {
  await db.papers.put({ ...paper, currentVersionId: versions.at(-1)!.id });
  await db.paperVersions.bulkPut(versions);
  files.clear();
  for (const [versionId, bytes] of Object.entries(stored)) {
    files.set(versionId, bytes);
    await db.paperBlobs.put({ versionId, blob: new Blob([bytes as BlobPart]) });
  }
}

/** The preload's bridge as main would answer: only what these buttons may call. */
function fakeDesktop(answer: () => Promise<IpcResult<PaperOpenResult>>) {
  const openPaperWithSystem = vi.fn((_versionId: string, _name: string, _bytes: Uint8Array<ArrayBuffer>) => answer());
  const printPack = vi.fn();
  const savePackPdf = vi.fn();
  window.delegateApi = { openPaperWithSystem, printPack, savePackPdf } as Partial<DelegateApi> as DelegateApi;
  return { openPaperWithSystem, printPack, savePackPdf };
}

const opened = (): Promise<IpcResult<PaperOpenResult>> => Promise.resolve({ ok: true, value: { opened: true } });

afterEach(() => {
  delete window.delegateApi;
  vi.restoreAllMocks();
});

describe('"Open with the system viewer" on a paper (desktop)', () => {
  beforeEach(() => seedPaper());

  it("sends main the shown version's id, name and bytes, and says nothing more when the system opens it", async () => {
    const desktop = fakeDesktop(opened);
    const user = userEvent.setup();
    render(<PaperPage id="p1" />);
    await user.click(await screen.findByRole('button', { name: 'Open with the system viewer' }));
    await waitFor(() => expect(desktop.openPaperWithSystem).toHaveBeenCalledTimes(1));
    const [versionId, name, bytes] = desktop.openPaperWithSystem.mock.calls[0]!;
    expect([versionId, name]).toEqual(['v1', 'Concept note Rev.1.docx']);
    expect([...bytes]).toEqual([...BYTES.rev1]);
    expect(screen.queryByRole('alert')).toBeNull();

    // An older version chosen in the list is the one opened.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Version' }), 'v0');
    await user.click(screen.getByRole('button', { name: 'Open with the system viewer' }));
    await waitFor(() => expect(desktop.openPaperWithSystem).toHaveBeenCalledTimes(2));
    const [olderId, olderName, olderBytes] = desktop.openPaperWithSystem.mock.calls[1]!;
    expect([olderId, olderName, [...olderBytes]]).toEqual(['v0', 'Concept note.docx', [...BYTES.original]]);
    expect(screen.queryByRole('alert')).toBeNull();
    // The desktop app also offers a copy, for a file it cannot read; nothing is downloaded meanwhile.
    expect(screen.getByRole('button', { name: 'Save a copy' })).toBeTruthy();
  });

  it('tells the delegate when no application on the computer opens the file, naming it', async () => {
    fakeDesktop(() => Promise.resolve({ ok: true, value: { opened: false, reason: 'no-application' } }));
    const user = userEvent.setup();
    render(<PaperPage id="p1" />);
    await user.click(await screen.findByRole('button', { name: 'Open with the system viewer' }));
    expect((await screen.findByRole('alert')).textContent).toBe('No application on this computer opens Concept note Rev.1.docx. Save a copy instead.');
    // The message belongs to that version: another version shown, it goes.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Version' }), 'v0');
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('says the file could not be opened when main refuses, and when the call itself fails', async () => {
    const desktop = fakeDesktop(() => Promise.resolve({ ok: false, error: { code: 'failed', message: 'EACCES' } } as IpcResult<PaperOpenResult>));
    const user = userEvent.setup();
    render(<PaperPage id="p1" />);
    await user.click(await screen.findByRole('button', { name: 'Open with the system viewer' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Concept note Rev.1.docx could not be opened.');

    desktop.openPaperWithSystem.mockImplementation(() => Promise.reject(new Error('the bridge is gone')));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Version' }), 'v0');
    await user.click(screen.getByRole('button', { name: 'Open with the system viewer' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Concept note.docx could not be opened.');
    expect(desktop.openPaperWithSystem).toHaveBeenCalledTimes(2);
  });

  it('asks main for nothing when the file is not in the database, and says it could not be opened', async () => {
    await db.paperBlobs.delete('v1');
    files.delete('v1');
    const desktop = fakeDesktop(opened);
    const user = userEvent.setup();
    render(<PaperPage id="p1" />);
    await user.click(await screen.findByRole('button', { name: 'Open with the system viewer' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Concept note Rev.1.docx could not be opened.');
    expect(desktop.openPaperWithSystem).not.toHaveBeenCalled();
  });

  it('speaks Malay and Indonesian', async () => {
    fakeDesktop(() => Promise.resolve({ ok: true, value: { opened: false, reason: 'no-application' } }));
    const user = userEvent.setup();
    act(() => useAppStore.setState({ language: 'ms' }));
    const { unmount } = render(<PaperPage id="p1" />);
    await user.click(await screen.findByRole('button', { name: 'Buka dengan pemapar sistem' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Tiada aplikasi pada komputer ini yang boleh membuka Concept note Rev.1.docx. Simpan salinan sebagai gantinya.');
    unmount();
    act(() => useAppStore.setState({ language: 'id' }));
    render(<PaperPage id="p1" />);
    await user.click(await screen.findByRole('button', { name: 'Buka dengan penampil sistem' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Tidak ada aplikasi di komputer ini yang dapat membuka Concept note Rev.1.docx. Simpan salinan sebagai gantinya.');
  });
});

describe('opening a paper with the system in web mode', () => {
  /** The downloads the page starts: the file name and the bytes behind the link. */
  function watchDownloads() {
    const blobs = new Map<string, Blob>();
    let next = 0;
    // jsdom has no object URLs; the browser's are stand-ins for the blob, as these are.
    URL.createObjectURL = vi.fn((blob: Blob) => {
      const url = `blob:test/${++next}`;
      blobs.set(url, blob);
      return url;
    });
    URL.revokeObjectURL = vi.fn();
    const downloads: { name: string; blob: Blob | undefined }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push({ name: this.download, blob: blobs.get(this.href) });
    });
    return downloads;
  }

  it('has no "Open with the system viewer": a file the app cannot read is downloaded with "Open with the system"', async () => {
    await seedPaper();
    const downloads = watchDownloads();
    const user = userEvent.setup();
    render(<PaperPage id="p1" />);
    const open = await screen.findByRole('button', { name: 'Open with the system' });
    expect(screen.queryByRole('button', { name: 'Open with the system viewer' })).toBeNull();
    expect(screen.getByText('This file is kept with the meeting. Only PDFs are read in the app: open it with the system to read it.')).toBeTruthy();
    await user.click(open);
    await waitFor(() => expect(downloads).toHaveLength(1));
    // The stored file, under its own name (its bytes are the stored blob's: see the note on files above).
    expect(downloads[0]!.name).toBe('Concept note Rev.1.docx');
    expect(downloads[0]!.blob).toBeDefined();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('offers a PDF, read in the app, as a copy to save and not to the system', async () => {
    // No file stored: the reader says so, the buttons are what matter here.
    await seedPaper([version('v1', 0, 'Draft statement.pdf', 1000, true)], {});
    render(<PaperPage id="p1" />);
    expect(await screen.findByRole('button', { name: 'Save a copy' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Open with the system viewer' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Open with the system' })).toBeNull();
  });
});

describe('"Print" on a paper\'s annotations', () => {
  const QUOTE = { placed: 'Member States agreed to submit national reports', gone: 'the progress of the ASEAN Working Group' };
  const annotation = (id: string, over: Partial<Annotation>): Annotation => ({
    id,
    paperId: 'p1',
    kind: 'note',
    note: '',
    color: 'yellow',
    target: { versionId: 'v1', quote: { type: 'TextQuoteSelector', exact: QUOTE.placed, prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 120, end: 167 }, page: 2, status: 'moved' },
    previousTargets: [],
    scope: 'private',
    createdAt: now,
    createdBy: 'Aminah',
    updatedAt: now,
    ...over,
  });

  beforeEach(async () => {
    await seedPaper([original, rev1], {});
    await db.annotations.bulkPut([
      annotation('a1', { note: 'Ask for 31 July' }),
      annotation('a2', {
        note: 'Raise under item 4',
        target: { versionId: 'v1', quote: { type: 'TextQuoteSelector', exact: 'progress of the Working Group', prefix: '', suffix: '' }, status: 'orphaned' },
        previousTargets: [{ versionId: 'v0', quote: { type: 'TextQuoteSelector', exact: QUOTE.gone, prefix: '', suffix: '' }, page: 1, status: 'anchored' }],
      }),
    ]);
  });

  it("prints the page of the delegate's annotations with the page's own print, asking main for nothing", async () => {
    const desktop = fakeDesktop(opened);
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const user = userEvent.setup();
    render(<AnnotationsPrintPage id="p1" />);
    expect(await screen.findByRole('heading', { name: 'Annotations on Concept note: blue carbon' })).toBeTruthy();
    // What the print holds: each annotation with its page, status, quote and note; the orphans apart, with their first words.
    const [placed, orphans] = screen.getAllByRole('list');
    expect(within(placed!).getByText('Page 2 · Moved with its text')).toBeTruthy();
    expect(within(placed!).getByText(QUOTE.placed)).toBeTruthy();
    expect(within(placed!).getByText('Ask for 31 July')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Text not found in this version (1)' })).toBeTruthy();
    expect(within(orphans!).getByText(QUOTE.gone)).toBeTruthy();
    expect(within(orphans!).getByText('Raise under item 4')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledTimes(1);
    expect(desktop.printPack).not.toHaveBeenCalled();
    expect(desktop.savePackPdf).not.toHaveBeenCalled();
    expect(desktop.openPaperWithSystem).not.toHaveBeenCalled();
    // Printed or cancelled, the dialog answers nothing: the list stays as it was, no message, and Print again works.
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledTimes(2);
    expect(within(placed!).getByText(QUOTE.placed)).toBeTruthy();
  });

  it('is there in web mode too (the browser prints the same list), in the interface language', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const user = userEvent.setup();
    act(() => useAppStore.setState({ language: 'ms' }));
    render(<AnnotationsPrintPage id="p1" />);
    const button = await screen.findByRole('button', { name: 'Cetak' });
    expect((button as HTMLButtonElement).disabled).toBe(false);
    await user.click(button);
    expect(print).toHaveBeenCalledTimes(1);
  });
});
