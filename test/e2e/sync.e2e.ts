import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { DatasetRecords } from '../../shared/model';
import { freshPage, pageErrors } from './support/browser';
import { builtinPublisher, builtinRecords, newPublisher, signedBundle, startFeedServer, type FeedServer, type Publisher } from './support/bundles';
import { useWebApp } from './support/harness';
import { AppPage } from './pages/app-page';
import { BriefingEditor } from './pages/briefing-editor';
import { DatasetsPage } from './pages/datasets';

const app = useWebApp();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe-core violations on the page as it is now. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document)).violations;
  })) as { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const CHANGED_ITEM = 'asoen-36-joint-statement-cop30';
const REMOVED_ITEM = 'asoen-36-apt';
const NEW_TITLE = 'ASEAN Joint Statement on Climate Change to COP30 (re-issued text)';
const OLD_TITLE = /ASEAN Joint Statement on Climate Change to the 30th Conference of the Parties/;
const CHANGED_TEXT = 'Secure a unified ASEAN voice for COP30; every word of this must survive the update.';
const REMOVED_TEXT = 'Deepen APT cooperation on haze; this text must survive its agenda item disappearing.';
const TALKING_POINT = 'Thank the Philippines for chairing.';

/** Version 2 of the built-in dataset: one ASOEN-36 agenda item re-worded, another removed (with a tombstone). */
function version2(records: DatasetRecords): DatasetRecords {
  return {
    ...records,
    agendaItems: records.agendaItems
      .filter((a) => a.id !== REMOVED_ITEM)
      .map((a) => (a.id === CHANGED_ITEM ? { ...a, title: { ...a.title, en: NEW_TITLE } } : a)),
  };
}

let feed: FeedServer;
let publisher: Publisher;
let stranger: Publisher;
let bundleV2: string;

before(async () => {
  feed = await startFeedServer();
  [publisher, stranger] = await Promise.all([builtinPublisher(), newPublisher()]);
  bundleV2 = await signedBundle(version2(builtinRecords()), publisher, 2, [{ kind: 'agendaItems', id: REMOVED_ITEM }]);
});
after(async () => {
  await feed.stop();
});

async function createBriefing(page: Page, ui: AppPage): Promise<string> {
  await ui.open('/meetings/asoen-36');
  await page.getByRole('link', { name: 'New briefing for this meeting' }).click();
  await page.getByLabel('Title', { exact: true }).fill('Langkawi brief');
  await page.getByRole('button', { name: 'Create briefing' }).click();
  const editor = new BriefingEditor(page);
  await editor.ready();
  await editor.openItem(/Joint Statement on Climate Change/);
  await editor.field('Objectives').fill(CHANGED_TEXT);
  await editor.addTalkingPoint(TALKING_POINT);
  await editor.openItem(/ASEAN Plus Three/);
  await editor.field('Objectives').fill(REMOVED_TEXT);
  await editor.waitSaved();
  return new URL(page.url()).pathname.split('/')[2]!;
}

async function agendaTitles(page: Page, ui: AppPage): Promise<string> {
  await ui.open('/meetings/asoen-36');
  await page.locator('.agenda-item').first().waitFor();
  return (await page.locator('.agenda').allInnerTexts()).join('\n');
}

describe('a delegate updates the dataset from a publisher feed', () => {
  it('previews the update with its impact on a briefing, applies it without losing a word, and undoes it', async () => {
    const { context, page } = await freshPage(app.browser);
    const ui = new AppPage(page, app.url);
    const briefingId = await createBriefing(page, ui);

    await ui.open('/datasets');
    const datasets = new DatasetsPage(page);
    await datasets.ready();

    feed.serve(bundleV2);
    await datasets.checkFeed(feed.url);
    await datasets.preview().waitFor();
    assert.match(await datasets.preview().innerText(), /From version 1 to version 2/);
    // The impact list names the briefing's two sections, one changed and one removed.
    assert.equal(await datasets.impact().count(), 2);
    const impact = await datasets.impact().allInnerTexts();
    assert.ok(impact.some((line) => line.includes('Langkawi brief') && line.includes('agenda item changed')), impact.join('\n'));
    assert.ok(impact.some((line) => line.includes('Langkawi brief') && line.includes('agenda item removed')), impact.join('\n'));
    // The counts table: one agenda item changed, one removed.
    const agendaRow = datasets.preview().locator('.sync-counts tr').filter({ hasText: 'Agenda items' });
    assert.deepEqual(await agendaRow.locator('td').allInnerTexts(), ['0', '1', '1']);

    await datasets.applyAndWait();
    assert.equal(await datasets.installedVersion().innerText(), '2');
    // After applying: the removed item's section is listed as detached, the changed one for review.
    const review = datasets.reviewList();
    await review.waitFor();
    const detached = review.locator('ul').filter({ has: page.getByRole('link', { name: /ASEAN Plus Three/ }) });
    assert.equal(await detached.count(), 1);
    assert.match(await review.innerText(), /Agenda item removed: detached \(1\)/);
    assert.match(await review.innerText(), /Agenda item changed \(1\)/);

    // The meeting page shows the new data.
    const titles = await agendaTitles(page, ui);
    assert.ok(titles.includes(NEW_TITLE), titles);
    assert.ok(!titles.includes('ASEAN Plus Three'), titles);

    // The briefing keeps every word; the changed section shows old and new side by side.
    await ui.open(`/briefings/${briefingId}?item=${CHANGED_ITEM}`);
    const editor = new BriefingEditor(page);
    await editor.ready();
    assert.equal(await editor.field('Objectives').inputValue(), CHANGED_TEXT);
    assert.equal(await editor.talkingPoint(1).inputValue(), TALKING_POINT);
    const note = page.getByRole('note', { name: 'Dataset update' });
    await note.waitFor();
    const noteText = await note.innerText();
    assert.match(noteText, /Before the update/);
    assert.match(noteText, OLD_TITLE);
    assert.ok(noteText.includes(NEW_TITLE), noteText);
    await ui.open(`/briefings/${briefingId}?item=${REMOVED_ITEM}`);
    await editor.ready();
    assert.equal(await editor.field('Objectives').inputValue(), REMOVED_TEXT);
    assert.match(await page.getByRole('note', { name: 'Dataset update' }).innerText(), /No longer on the agenda/);

    // Mark the changed section reviewed: the flag goes, the text stays.
    await ui.open(`/briefings/${briefingId}?item=${CHANGED_ITEM}`);
    await editor.ready();
    await page.getByRole('button', { name: 'Mark reviewed' }).click();
    // The flag is cleared in the database; the note follows it.
    await page.getByRole('note', { name: 'Dataset update' }).waitFor({ state: 'detached' });
    await page.reload();
    await editor.ready();
    assert.equal(await page.getByRole('note', { name: 'Dataset update' }).count(), 0);
    assert.equal(await editor.field('Objectives').inputValue(), CHANGED_TEXT);

    // Undo restores the old data.
    await ui.open('/datasets');
    await datasets.ready();
    await datasets.undoLast();
    assert.equal(await datasets.installedVersion().innerText(), '1');
    const restored = await agendaTitles(page, ui);
    assert.match(restored, OLD_TITLE);
    assert.ok(restored.includes('ASEAN Plus Three'), restored);
    await ui.open(`/briefings/${briefingId}?item=${REMOVED_ITEM}`);
    await editor.ready();
    assert.equal(await editor.field('Objectives').inputValue(), REMOVED_TEXT);
    assert.deepEqual(pageErrors(page), []);
    await context.close();
  });

  it('refuses a tampered bundle from a file and a bundle signed by an unknown key, changing nothing', async () => {
    const { context, page } = await freshPage(app.browser);
    const ui = new AppPage(page, app.url);
    await ui.open('/datasets');
    const datasets = new DatasetsPage(page);
    await datasets.ready();

    // One word of the payload changed after signing.
    const tampered = bundleV2.replace(NEW_TITLE, NEW_TITLE.replace('re-issued', 'forged'));
    assert.notEqual(tampered, bundleV2);
    await datasets.chooseFile('asean-v2.json', tampered);
    await datasets.refusal().waitFor();
    assert.match(await datasets.refusal().innerText(), /altered or damaged/);
    assert.equal(await datasets.preview().count(), 0);
    assert.equal(await datasets.installedVersion().innerText(), '1');

    // The same file dropped onto the page: a drop zone shows while dragging, the drop is checked.
    await page.getByRole('button', { name: 'Dismiss' }).click();
    const transfer = await page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      return data;
    }, tampered);
    await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
    await page.getByText('Drop the bundle file to check it').waitFor();
    await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
    await datasets.refusal().waitFor();
    assert.equal(await page.getByText('Drop the bundle file to check it').count(), 0);
    assert.match(await datasets.refusal().innerText(), /altered or damaged/);

    // A bundle signed by a key the delegate never trusted, from the feed.
    feed.serve(await signedBundle(version2(builtinRecords()), stranger, 2));
    await datasets.checkFeed(feed.url);
    await page.getByRole('alert').filter({ hasText: /signed by a key you do not trust/ }).waitFor();
    assert.equal(await datasets.preview().count(), 0);
    assert.equal(await datasets.installedVersion().innerText(), '1');
    assert.match(await agendaTitles(page, ui), OLD_TITLE);
    assert.deepEqual(pageErrors(page), []);
    await context.close();
  });

  it('is accessible in each state: the page, a preview with a record opened, a refusal, a flagged section', async () => {
    // axe is injected by the test, so this context lets it past the app's script policy.
    const { context, page } = await freshPage(app.browser, { bypassCSP: true });
    const ui = new AppPage(page, app.url);
    const briefingId = await createBriefing(page, ui);
    await ui.open('/datasets');
    const datasets = new DatasetsPage(page);
    await datasets.ready();
    assert.deepEqual(await axeViolations(page), [], 'the Datasets page');

    await datasets.chooseFile('asean-v2.json', bundleV2.replace(NEW_TITLE, 'forged'));
    await datasets.refusal().waitFor();
    assert.deepEqual(await axeViolations(page), [], 'a refusal');

    await datasets.chooseFile('asean-v2.json', bundleV2);
    await datasets.preview().waitFor();
    await datasets.preview().locator('.sync-changes summary').first().click();
    assert.deepEqual(await axeViolations(page), [], 'a preview');
    // Everything is reachable by keyboard: Tab reaches Apply.
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => /^Apply version/.test(document.activeElement?.textContent ?? ''));
    }
    assert.ok(reached, 'Apply is reachable with the keyboard');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: /is installed\./ }).waitFor({ timeout: 120_000 });

    await ui.open(`/briefings/${briefingId}?item=${CHANGED_ITEM}`);
    await page.getByRole('note', { name: 'Dataset update' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'a flagged section');
    await context.close();
  });
});
