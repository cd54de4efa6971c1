import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { putRecords } from '../support/idb';

/** The pack page as a delegate uses it: settings, the paginated preview, print. */
export class PackScreen {
  constructor(readonly page: Page) {}

  /** Waits for the event the page shows when every page is laid out and rendered. */
  async waitReady(timeout = 60_000): Promise<number> {
    const view = this.page.locator('.pack-view[data-pack-state="ready"]');
    await view.waitFor({ timeout });
    return Number(await view.getAttribute('data-pages'));
  }

  async chooseProfile(name: 'Internal' | 'Shareable'): Promise<void> {
    await this.page.getByRole('radio', { name: new RegExp(`^${name}`) }).check();
  }

  async choosePaper(label: 'A4' | 'US Letter'): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Paper' }).selectOption({ label });
  }

  /** The page as Chromium prints it, with the page size the CSS asks for and no margins (as main's printToPDF). */
  async pdf(): Promise<Buffer> {
    await this.page.emulateMedia({ media: 'print' });
    try {
      return await this.page.pdf({ preferCSSPageSize: true, printBackground: true, margin: { top: 0, right: 0, bottom: 0, left: 0 } });
    } finally {
      await this.page.emulateMedia({ media: null });
    }
  }
}

/** A PDF written to a temporary folder and read back with poppler's pdfinfo and pdftotext. */
export class PdfFile {
  readonly path: string;
  constructor(bytes: Buffer, name = 'pack.pdf') {
    this.path = join(mkdtempSync(join(tmpdir(), 'pack-e2e-')), name);
    writeFileSync(this.path, bytes);
  }

  info(): Record<string, string> {
    const out = execFileSync('pdfinfo', [this.path], { encoding: 'utf8' });
    return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
  }

  pageCount(): number {
    return Number(this.info().Pages);
  }

  /** Text of page n (1-based) with its layout kept (lines as printed). */
  pageText(n: number): string {
    return execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), this.path, '-'], { encoding: 'utf8' });
  }
}

/**
 * Writes a meeting of `count` agenda items and a full brief on each straight into IndexedDB (about
 * 2.2 printed pages per item): long packs for the layout's progress and cancel, and for the bench.
 * Returns the briefing's id.
 */
export async function injectBrief(page: Page, count: number, { longPassages = 0 }: { longPassages?: number } = {}): Promise<string> {
  const now = new Date().toISOString();
  const prov = { datasetId: 'bench-pack', version: 1, hash: 'bench' };
  const cite = [{ sourceId: 'bench-pack-src' }];
  const meetingId = `bench-pack-meeting-${count}`;
  const briefingId = `bench-pack-brief-${count}${longPassages ? `-long${longPassages}` : ''}`;
  /** A position of about 1,500 words: longer than a page, so it is split over three. */
  const long = (i: number) => Array.from({ length: 100 }, (_, k) => `On item ${i + 1}, sentence ${k + 1}: the delegation supports regional cooperation through ASEAN mechanisms.`).join(' ');
  const sentence = (i: number, j: number) => `Point ${j + 1} on item ${i + 1}: ASEAN Member States should work together through ASOEN and the AWGCC on this matter, with support from dialogue partners.`;
  const records: Record<string, unknown[]> = {
    sources: [{ id: 'bench-pack-src', title: { en: 'Bench source' }, kind: 'other', publisher: 'bench', language: 'en', excerpt: 'x', prov, sourceIds: [] }],
    meetings: [
      { id: meetingId, code: `BENCH-${count}`, bodyIds: ['asoen'], title: { en: `Meeting with ${count} agenda items` }, startDate: '2026-12-01', endDate: '2026-12-04', coChairs: [], days: [1, 2, 3, 4].map((day) => ({ day, date: `2026-12-0${day}` })), backToBackMeetingIds: [], status: 'planned', sources: cite, prov, sourceIds: ['bench-pack-src'], from: '2026-12-01', until: '2026-12-04', country: 'MY' },
    ],
    agendaItems: Array.from({ length: count }, (_, i) => ({ id: `${meetingId}-item-${i}`, meetingId, day: (i % 4) + 1, order: i, title: { en: `Agenda item ${i + 1}: regional cooperation on topic ${i}` }, kind: 'plenary', bodyIds: ['asoen'], partners: [], coChairs: [], sources: cite, prov, sourceIds: ['bench-pack-src'] })),
    briefings: [
      { id: briefingId, meetingId, title: `Brief on ${count} agenda items`, delegation: 'MY', author: 'Bench', classification: 'OFFICIAL', status: 'draft', statusHistory: [], keyMessages: 'Key', bilaterals: [], members: [{ id: 'm1', name: 'Delegate One', role: 'Head', covers: [`${meetingId}-item-0`, `${meetingId}-item-1`] }], contacts: [], logistics: '', review: [], createdAt: now, updatedAt: now },
    ],
    sections: Array.from({ length: count }, (_, i) => ({
      id: `${briefingId}:item-${i}`, briefingId, agendaItemId: `${meetingId}-item-${i}`, order: i, agendaTitle: `Agenda item ${i + 1}`,
      objectives: `Objectives for item ${i + 1}: secure agreement on the regional approach. `.repeat(3),
      position: i < longPassages ? long(i) : `The delegation supports the draft text on item ${i + 1} and will say so. `.repeat(4),
      redLines: 'No new financial commitments.', fallback: 'Welcome rather than endorse.',
      background: Array.from({ length: 6 }, (_, k) => `- Background fact ${k + 1} on item ${i + 1}, as the dataset records it for this body and its partners.`).join('\n'),
      talkingPoints: Array.from({ length: 10 }, (_, j) => ({ id: `tp-${i}-${j}`, text: sentence(i, j) })),
      targets: [], followUps: [{ id: `f-${i}`, what: `Report back on item ${i + 1}`, owner: 'Desk officer', due: '2026-12-20' }],
      privateNotes: `Private note ${i + 1}.`, review: [], updatedAt: now, targetIds: [],
    })),
  };
  await putRecords(page, records);
  return briefingId;
}

/** What a generated ASOEN-36 brief holds: per agenda item the section's text fields, and the brief's contacts. */
export interface BriefSpec {
  id: string;
  sections: { agendaItemId: string; objectives?: string; position?: string; redLines?: string; fallback?: string; background?: string; talkingPoints?: string[]; followUps?: { what: string; owner: string }[]; privateNotes?: string }[];
  contacts?: { name: string; role: string; phone: string; email: string }[];
  keyMessages?: string;
}

/** Writes a brief on the built-in ASOEN-36 meeting straight into IndexedDB (for generated briefs). */
export async function injectAsoenBrief(page: Page, spec: BriefSpec): Promise<void> {
  const now = new Date().toISOString();
  await putRecords(page, {
    briefings: [
      { id: spec.id, meetingId: 'asoen-36', title: `Generated brief ${spec.id}`, delegation: 'MY', author: 'Test Author', classification: 'OFFICIAL', status: 'draft', statusHistory: [], keyMessages: spec.keyMessages ?? '', bilaterals: [], members: [], contacts: (spec.contacts ?? []).map((c, i) => ({ id: `c${i}`, ...c })), logistics: '', review: [], createdAt: now, updatedAt: now },
    ],
    sections: spec.sections.map((s, i) => ({
      id: `${spec.id}:${s.agendaItemId}`, briefingId: spec.id, agendaItemId: s.agendaItemId, order: i, agendaTitle: s.agendaItemId,
      objectives: s.objectives ?? '', position: s.position ?? '', redLines: s.redLines ?? '', fallback: s.fallback ?? '', background: s.background ?? '',
      talkingPoints: (s.talkingPoints ?? []).map((text, j) => ({ id: `tp${j}`, text })), targets: [],
      followUps: (s.followUps ?? []).map((f, j) => ({ id: `f${j}`, what: f.what, owner: f.owner })),
      privateNotes: s.privateNotes ?? '', review: [], updatedAt: now, targetIds: [],
    })),
  });
}

/** The text inside each page's body (running header and foot left out), in the order Chromium printed it. */
export async function bodyTexts(page: Page, pdf: PdfFile): Promise<string[]> {
  const box = await page.evaluate(() => {
    const frame = document.querySelector('.pack-pages .pack-page:nth-child(2)')!.getBoundingClientRect();
    const body = document.querySelector('.pack-pages .pack-page:nth-child(2) .pack-page-body')!.getBoundingClientRect();
    return { x: body.left - frame.left, y: body.top - frame.top, w: body.width, h: body.height };
  });
  // CSS px to PDF points (pdftotext's default 72 dpi).
  const pt = (px: number) => String(Math.floor(px * 0.75));
  return Array.from({ length: pdf.pageCount() }, (_, i) =>
    execFileSync('pdftotext', ['-raw', '-f', String(i + 1), '-l', String(i + 1), '-x', pt(box.x), '-y', pt(box.y - 2), '-W', pt(box.w), '-H', pt(box.h + 4), pdf.path, '-'], { encoding: 'utf8' }),
  );
}
