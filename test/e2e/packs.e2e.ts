import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { freshPage, pageErrors } from './support/browser';
import { useWebApp } from './support/harness';
import { AppPage } from './pages/app-page';
import { BriefingEditor } from './pages/briefing-editor';
import { injectBrief, PackScreen, PdfFile } from './pages/pack';

const app = useWebApp();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const PRIVATE = 'PRIVATE-NOTE-4d2e the chair is flexible on timing';
const RED_LINE = 'REDLINE-7f3a no binding finance target';
const FALLBACK = 'FALLBACK-9c1b welcome rather than endorse';
const XSS_IMG = '<img src=x onerror="window.__xss=1">';
const XSS_SCRIPT = '<script>window.__xss=2</script>';

/** Creates an ASOEN-36 brief through the editor, with text only the internal profile may print. */
async function createBrief(page: Page, baseUrl: string): Promise<void> {
  const ui = new AppPage(page, baseUrl);
  await ui.open('/meetings/asoen-36');
  await page.getByRole('link', { name: 'New briefing for this meeting' }).click();
  await page.getByLabel('Author').fill('Aminah Yusof');
  await page.getByRole('button', { name: 'Create briefing' }).click();
  const editor = new BriefingEditor(page);
  await editor.ready();
  await page.getByRole('button', { name: 'Add member' }).click();
  await page.getByLabel('Name', { exact: true }).last().fill('Nurul Hassan');
  await page.getByLabel('Role', { exact: true }).last().fill('Climate negotiator');
  await page.getByLabel('Covers').selectOption([{ label: 'ASEAN Joint Statement on Climate Change to the 30th Conference of the Parties to the UNFCCC (COP30)' }]);
  await editor.openItem(/Joint Statement on Climate Change/);
  await editor.field('Objectives').fill('Secure a *unified* ASEAN voice for COP30; partners in Hà Nội and Đà Nẵng agree.');
  await editor.field('Red lines').fill(RED_LINE);
  await editor.field('Fallback wording').fill(FALLBACK);
  await editor.field('Private notes').fill(PRIVATE);
  await editor.addTalkingPoint(`Support ${XSS_IMG} the text.`);
  await editor.addTalkingPoint(`${XSS_SCRIPT} Stress **finance**.`);
  await editor.assess(/GPPIAL|carbon/i, 'On track');
  await editor.waitSaved();
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');
const fullText = (pdf: PdfFile) => Array.from({ length: pdf.pageCount() }, (_, i) => pdf.pageText(i + 1)).join('\n');

/**
 * The page number the printed contents give each title (titles as the preview lists them): the
 * contents pages' text, spaces squashed, has "Title ....... 12" (a long title wraps, its number
 * on its last line).
 */
function contentsEntries(pdf: PdfFile, titles: readonly string[], lastContentsPage: number): { title: string; page: number }[] {
  const text = squash(Array.from({ length: lastContentsPage - 1 }, (_, i) => lines(pdf.pageText(i + 2)).slice(1, -1).join('\n')).join('\n'));
  return titles.flatMap((title) => {
    const match = new RegExp(`${squash(title).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (\\d+)(?: |$)`).exec(text);
    return match ? [{ title, page: Number(match[1]) }] : [];
  });
}

describe('briefing packs', () => {
  it('prints an ASOEN-36 pack whose contents point at the right pages, marked on every page, with the profile applied', async () => {
    const { context, page } = await freshPage(app.browser);
    await createBrief(page, app.url);
    await page.getByRole('button', { name: 'Print pack…' }).click();
    const pack = new PackScreen(page);
    const pages = await pack.waitReady();

    // A notice that happens to be on screen (the dataset update check shows one, fixed at the
    // window's corner) must not be printed over the pages.
    await page.evaluate(() => {
      const notice = document.createElement('div');
      notice.setAttribute('role', 'status');
      notice.style.position = 'fixed';
      notice.style.bottom = '1rem';
      notice.textContent = 'NOTICE-ON-SCREEN';
      document.querySelector('.app')!.append(notice);
    });
    const pdf = new PdfFile(await pack.pdf());
    assert.equal(pdf.pageCount(), pages, 'the PDF has exactly the pages of the preview');
    assert.ok(!fullText(pdf).includes('NOTICE-ON-SCREEN'), 'only the pages are printed');
    assert.match(pdf.info()['Page size'] ?? '', /^59[45](\.\d+)? x 841(\.\d+)? pts \(A4\)$/);
    assert.equal(await page.locator('.pack-page[data-page]').count(), pages);
    assert.equal(await page.locator('.pack-page img[data-watermark="DRAFT"]').count(), pages, 'a draft carries DRAFT on every page');
    // In print, where every page is rendered (on screen, pages out of view are skipped).
    await page.emulateMedia({ media: 'print' });
    const overflowing = await page.evaluate(() => [...document.querySelectorAll('.pack-pages .pack-page-body')].filter((body) => body.scrollHeight > body.clientHeight + 1).length);
    await page.emulateMedia({ media: null });
    assert.equal(overflowing, 0, 'no page body overflows its page');

    // Every page: the marking in the running header and at the foot, "Page X of Y" with the right X and Y.
    for (let n = 1; n <= pages; n++) {
      const text = lines(pdf.pageText(n));
      assert.match(text[0]!, /^ASOEN-36\b.*\s+OFFICIAL\s+Internal$/, `page ${n} header`);
      assert.match(text.at(-1)!, new RegExp(`ASOEN-36\\s+OFFICIAL\\s+Page ${n} of ${pages}$`), `page ${n} footer`);
    }

    // The contents: each entry's page starts with that section's title, and no other page does.
    const titles = await page.locator('.pack-pages .pack-toc-entry[data-chapter] .pack-toc-title').allTextContents();
    const overview = contentsEntries(pdf, ['Meeting overview'], pages).find((e) => e.title === 'Meeting overview');
    assert.ok(overview, 'the contents lists the meeting overview');
    const entries = contentsEntries(pdf, titles, overview.page - 1);
    const listed = titles.length;
    assert.ok(listed >= 10, `the contents lists every section (found ${listed})`);
    assert.equal(entries.length, listed, 'every contents entry of the preview is in the PDF with a page number');
    for (const expected of ['Programme', 'Outcome targets', 'Delegation coverage', 'Day sheet: Nurul Hassan', 'Glossary', 'Sources', 'Agenda items without a brief']) {
      assert.ok(entries.some((e) => e.title === expected), `the contents lists ${expected}`);
    }
    const tops = Array.from({ length: pages }, (_, i) => squash(lines(pdf.pageText(i + 1)).slice(1, 4).join(' ')));
    for (const entry of entries) {
      const starts = tops.flatMap((top, i) => (top.startsWith(squash(entry.title)) ? [i + 1] : []));
      assert.deepEqual(starts, [entry.page], `"${entry.title}" starts page ${entry.page}`);
    }

    // The brief written for is numbered by its place in the programme; the others share one compact list.
    assert.ok(entries.some((e) => e.title.startsWith('Brief 1: ASEAN Joint Statement on Climate Change')), 'the brief is numbered');
    assert.equal(entries.filter((e) => e.title.startsWith('Brief ')).length, 1, 'agenda items with nothing written have no page of their own');

    // The glossary is generated from the dataset and the shipped list: acronyms of the pack, expanded.
    const all = squash(fullText(pdf));
    assert.match(all, /UNFCCC United Nations Framework Convention on Climate Change/);
    assert.match(all, /ASOEN ASEAN Senior Officials on Environment/);
    assert.match(all, /AWGCC ASEAN Working Group on Climate Change/);
    assert.match(all, /Sources #? ?SOURCE \[1\] /i, 'the sources are listed, numbered');
    assert.match(all, /Hà Nội and Đà Nẵng/, 'Vietnamese diacritics survive into the PDF');
    // How sure the facts are (issue 16): the built-in dataset dates ASOEN-36's days by assumption.
    assert.match(all, /How sure the facts are/, 'the certainty legend is printed');
    assert.match(all, /Days and dates of the programme partly verified The media statement gives the days in sequence only/, 'a partly verified fact is marked where it is printed, with its note');
    assert.match(all, /Kementerian Sumber Asli dan Kelestarian Alam \(NRES\), Malaysia, 2025, in Malay, official source/, 'a source is listed with its language and authority');

    // Internal: everything. User text is text: the markup is printed, never run.
    for (const secret of [PRIVATE, RED_LINE, FALLBACK]) assert.ok(all.includes(secret), `internal pack contains ${secret}`);
    assert.ok(all.includes(XSS_IMG), 'the <img> payload is printed as text');
    assert.ok(all.includes(XSS_SCRIPT), 'the <script> payload is printed as text');
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);

    // Shareable: no private notes, red lines or fallback wording anywhere.
    await pack.chooseProfile('Shareable');
    const sharedPages = await pack.waitReady();
    const shared = new PdfFile(await pack.pdf());
    assert.equal(shared.pageCount(), sharedPages);
    const sharedText = squash(fullText(shared));
    for (const secret of [PRIVATE, RED_LINE, FALLBACK, 'Private notes', 'Red lines', 'Fallback wording']) {
      assert.ok(!sharedText.includes(secret), `shareable pack leaves out ${secret}`);
    }
    assert.match(lines(shared.pageText(1))[0]!, /Shareable$/);

    // US Letter: another page size, still one preview page per printed page.
    await pack.choosePaper('US Letter');
    const letterPages = await pack.waitReady();
    const letter = new PdfFile(await pack.pdf());
    assert.match(letter.info()['Page size'] ?? '', /612 x 792 pts \(letter\)/);
    assert.equal(letter.pageCount(), letterPages);
    assert.deepEqual(pageErrors(page), []);
    await context.close();
  });

  it('leads from "Print pack" to the brief that was open, and drops the watermark once cleared', async () => {
    const { context, page } = await freshPage(app.browser);
    await createBrief(page, app.url);
    await page.getByLabel('Status').selectOption({ label: 'Cleared' });
    await new BriefingEditor(page).waitSaved();
    // The File menu's "Print pack" (Ctrl+P in the desktop app) navigates in the app to /packs,
    // which opens the brief being edited.
    await page.evaluate(() => {
      history.pushState(null, '', '/packs');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await page.waitForURL(/\/briefings\/[^/]+\/pack$/);
    const pack = new PackScreen(page);
    const pages = await pack.waitReady();
    assert.equal(await page.locator('.pack-page img[data-watermark]').count(), 0, 'a cleared brief has no watermark');
    assert.equal(await page.getByRole('status').filter({ hasText: `The pack has ${pages} pages.` }).count(), 1);

    // Picking agenda items: without the one written for, its brief goes (it is counted among the others no more).
    await page.getByRole('checkbox', { name: /^1\. ASEAN Joint Statement on Climate Change/ }).uncheck();
    const withoutItem = await pack.waitReady();
    assert.ok(withoutItem < pages, `without its brief the pack is shorter (${withoutItem} < ${pages})`);
    assert.equal(await page.locator('.pack-toc-entry', { hasText: 'Brief 1:' }).count(), 0);
    await page.getByRole('button', { name: 'All', exact: true }).click();
    assert.equal(await pack.waitReady(), pages);

    // Leaving out sections shortens the pack; the contents follow.
    await page.getByRole('checkbox', { name: 'Briefs by agenda item' }).uncheck();
    const fewer = await pack.waitReady();
    assert.ok(fewer < pages, `without the briefs the pack is shorter (${fewer} < ${pages})`);
    assert.equal(await page.locator('.pack-toc-entry', { hasText: 'Brief ' }).count(), 0);
    assert.deepEqual(pageErrors(page), []);
    await context.close();
  });

  it('exports the brief to Word with the profile applied, read back from the downloaded file', async () => {
    const { context, page } = await freshPage(app.browser, { acceptDownloads: true });
    await createBrief(page, app.url);
    await page.getByRole('button', { name: 'Print pack…' }).click();
    const pack = new PackScreen(page);
    await pack.waitReady();
    const read = async () => {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export to Word (.docx)' }).click();
      const file = await download;
      assert.match(file.suggestedFilename(), /^ASOEN-36-.*\.docx$/);
      const files = unzipSync(new Uint8Array(readFileSync((await file.path())!)));
      const decode = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
      // Word's text: the runs of a paragraph one after the other, paragraphs on lines.
      const text = (name: string) => strFromU8(files[name]!).split('</w:p>').map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join('')).join('\n');
      const headers = Object.keys(files).filter((f) => /^word\/(header|footer)\d+\.xml$/.test(f));
      return { body: text('word/document.xml'), furniture: headers.map(text), xml: strFromU8(files['word/document.xml']!) };
    };
    const internal = await read();
    assert.match(internal.body, /Secure a unified ASEAN voice for COP30; partners in Hà Nội and Đà Nẵng agree\./);
    for (const secret of [PRIVATE, RED_LINE, FALLBACK]) assert.ok(internal.body.includes(secret), `the internal document has ${secret}`);
    assert.ok(internal.body.includes(XSS_IMG), 'markup stays text');
    assert.match(internal.xml, /<w:instrText[^>]*>\s*TOC /, 'the contents are a Word table of contents');
    const xmlErrors = await page.evaluate((xml) => new DOMParser().parseFromString(xml, 'application/xml').getElementsByTagName('parsererror').length, internal.xml);
    assert.equal(xmlErrors, 0, 'the document is well-formed XML');
    assert.ok(internal.furniture.length >= 2 && internal.furniture.every((t) => t.includes('OFFICIAL')), 'the marking is in the header and the footer');
    await pack.chooseProfile('Shareable');
    await pack.waitReady();
    const shareable = await read();
    for (const secret of [PRIVATE, RED_LINE, FALLBACK]) assert.ok(!shareable.body.includes(secret), `the shareable document leaves out ${secret}`);
    assert.deepEqual(pageErrors(page), []);
    await context.close();
  });

  it('shows progress on a long pack and can be cancelled, leaving the app usable', async () => {
    const { context, page } = await freshPage(app.browser);
    const ui = new AppPage(page, app.url);
    await ui.open('/');
    // Long enough that its layout is still running when Cancel is pressed, on a quiet machine too
    // (since the pack is laid out once, not again when the meeting's papers arrive, 90 items could finish first).
    const id = await injectBrief(page, 250);
    await ui.open(`/briefings/${id}/pack`);
    const bar = page.getByRole('progressbar', { name: 'Laying out pages' });
    await bar.waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('status').filter({ hasText: 'Layout cancelled.' }).waitFor();
    assert.equal(await bar.count(), 0);
    assert.equal(await page.locator('.pack-pages').count(), 0, 'no half-laid-out pack is left to print');
    assert.ok(await page.getByRole('button', { name: 'Print / Save as PDF…' }).isDisabled());

    // The app goes on: the settings still answer, and the pack can be laid out again.
    await page.getByRole('button', { name: 'Lay out again' }).click();
    const pages = await new PackScreen(page).waitReady(300_000);
    assert.ok(pages > 400, `a 250-item brief makes a long pack (${pages} pages)`);
    await page.getByRole('link', { name: 'Back to the briefing' }).click();
    await new BriefingEditor(page).ready();
    assert.deepEqual(pageErrors(page), []);
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`the pack page has no serious or critical accessibility violations (${colorScheme})`, async () => {
      // axe is injected by the test, so this context lets it past the app's script policy.
      const { context, page } = await freshPage(app.browser, { bypassCSP: true, colorScheme });
      const ui = new AppPage(page, app.url);
      await ui.open('/');
      const id = await injectBrief(page, 3);
      await ui.open(`/briefings/${id}/pack`);
      await new PackScreen(page).waitReady();
      await page.evaluate(axeSource);
      const violations = (await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: unknown[] }> } }).axe;
        return (await axe.run(document)).violations;
      })) as { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
      const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(
        bad.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        [],
      );
      await context.close();
    });
  }
});
