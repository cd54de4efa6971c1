import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { makePdf } from '../unit/papers-fixtures';
import { AppPage } from './pages/app-page';
import { BriefingEditor } from './pages/briefing-editor';
import { PackScreen } from './pages/pack';
import { PaperPage } from './pages/paper';
import { freshPage, pageErrors } from './support/browser';
import { useWebApp } from './support/harness';

/* The Word export of a pack with a paper chosen for the annex, read back from its document.xml. */
const app = useWebApp();
let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'papers-word-e2e-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const QUOTE = 'Member States agreed to share their peatland data';

describe('the papers annex in Word, as a delegate', () => {
  it('lists the chosen paper with its version and the annotated extract', async () => {
    const file = path.join(dir, 'Concept note on peatlands.pdf');
    await writeFile(file, await makePdf([['Concept note on peatlands', `The Meeting noted that ${QUOTE} by 2027.`]]));
    const { context, page } = await freshPage(app.browser);
    const ui = new AppPage(page, app.url);
    await ui.open('/meetings/asoen-36');
    await page.getByLabel('Paper file for ASOEN-36').setInputFiles(file);
    await page.getByText('Concept note on peatlands.pdf is attached.').waitFor();
    await page.getByRole('region', { name: 'Papers of ASOEN-36' }).getByRole('link', { name: 'Concept note on peatlands' }).click();
    const paper = new PaperPage(page);
    await paper.waitForPage(1);
    await paper.highlight(QUOTE);

    await ui.open('/briefings/new?meeting=asoen-36');
    await page.getByRole('button', { name: 'Create briefing' }).click();
    const editor = new BriefingEditor(page);
    await editor.ready();
    await editor.waitSaved();
    await page.getByRole('button', { name: 'Print pack…' }).click();
    const pack = new PackScreen(page);
    await pack.waitReady();
    await page.getByRole('group', { name: 'Meeting papers in the annex' }).getByRole('checkbox', { name: /Concept note on peatlands/ }).check();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export to Word (.docx)' }).click();
    const saved = path.join(dir, 'pack.docx');
    await (await download).saveAs(saved);
    const xml = strFromU8(unzipSync(new Uint8Array(await readFile(saved)))['word/document.xml']!);
    const text = xml
      .split('</w:p>')
      .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
      .join('\n');
    const annex = text.slice(text.lastIndexOf('Annex: meeting papers'));
    assert.match(annex, /Concept note on peatlands\n/);
    assert.match(annex, /Original \(current\)\nConcept note on peatlands\.pdf\n1\n/);
    assert.match(annex, new RegExp(`Page 1\\n“${QUOTE}”`));
    assert.deepEqual(pageErrors(page), []);
    await context.close();
  });
});
