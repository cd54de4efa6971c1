/**
 * A national layer over the ASEAN dataset, through the interface: the ministry's key trusted,
 * the layer previewed with the base it builds on and installed; its meeting names the ASEAN
 * body it refers to, and the ASEAN meeting lists the layer's agenda item; the ASEAN body and
 * meeting list the layer's contacts, each with a page of its own. Then a base update
 * that drops a body the layer refers to: its preview says which layer record will be flagged,
 * and once applied the record is still there, flagged on the Datasets page and on its page.
 */
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildBundle, serializeBundle, signBundle } from '../../shared/bundle';
import { DatasetManifest } from '../../shared/dataset/manifest';
import { validateLayer, idsOf } from '../../shared/dataset/layer-validation';
import { readDatasetDir } from '../../scripts/load-dataset-dir';
import { freshPage, pageErrors } from './support/browser';
import { builtinPublisher, builtinRecords, newPublisher, signedBundle, type Publisher } from './support/bundles';
import { useWebApp } from './support/harness';
import { AppPage } from './pages/app-page';
import { BriefingEditor } from './pages/briefing-editor';
import { PackScreen, PdfFile } from './pages/pack';
import { DatasetsPage } from './pages/datasets';

const app = useWebApp();
const STATEMENT_ID = 'asean-joint-statement-climate-change-cop30';
const STATEMENT = 'ASEAN Joint Statement on Climate Change to the 30th Conference of the Parties to the UNFCCC (COP30)';
const BILATERAL = "Malaysia's bilateral with the ASOEN chair (delegation's own item)";

let ministry: Publisher;
let layerText: string;
let baseV2: string;

/** The example layer (docs/examples/national-layer), built and signed as the publisher tool does. */
async function layerBundle(publisher: Publisher): Promise<string> {
  const raw = readDatasetDir(resolve('docs/examples/national-layer'));
  const manifest = DatasetManifest.parse(raw.manifest);
  const base = builtinRecords();
  const result = validateLayer(raw.records, manifest.datasetId, manifest.dependsOn, [{ datasetId: 'asean-builtin', version: 1, ids: idsOf(base) }]);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const now = new Date();
  const file = await buildBundle({
    records: result.records,
    publisherId: 'my-nres',
    publisherName: manifest.publisher,
    datasetId: manifest.datasetId,
    title: manifest.title,
    version: manifest.version,
    created: now,
    expires: new Date(now.getTime() + 365 * 86_400_000),
    minAppVersion: '0.1.0',
    dependsOn: manifest.dependsOn,
  });
  return serializeBundle(await signBundle(file, publisher.signer));
}

before(async () => {
  ministry = await newPublisher();
  layerText = await layerBundle(ministry);
  const base = builtinRecords();
  // Version 2 drops the AHA Centre and withdraws the joint statement ASOEN-36 adopts (the layer names both).
  const withdrawn = {
    ...base,
    bodies: base.bodies.filter((b) => b.id !== 'aha-centre'),
    meetings: base.meetings.map((m) => (m.outcomeDocuments?.some((d) => d.id === STATEMENT_ID) ? { ...m, outcomeDocuments: m.outcomeDocuments.filter((d) => d.id !== STATEMENT_ID) } : m)),
    agendaItems: base.agendaItems.map((i) => (i.outcomeDocumentIds?.includes(STATEMENT_ID) ? { ...i, outcomeDocumentIds: i.outcomeDocumentIds.filter((d) => d !== STATEMENT_ID) } : i)),
  };
  baseV2 = await signedBundle(withdrawn, await builtinPublisher(), 2, [{ kind: 'bodies', id: 'aha-centre' }]);
});
after(() => undefined);

describe('a national layer over the ASEAN dataset', () => {
  it('installs beside its base, resolves its references, and stays flagged (not broken) when the base drops a record it refers to', async () => {
    const { context, page } = await freshPage(app.browser);
    const errors = pageErrors(page);
    const ui = new AppPage(page, app.url);
    await ui.open('/datasets');
    const datasets = new DatasetsPage(page);
    await datasets.ready();
    await datasets.trustKey('Ministry (MY)', ministry.publicKeyText);

    await datasets.chooseFile('my-national-1.json', layerText);
    await datasets.preview().waitFor();
    const layerPreview = await datasets.preview().innerText();
    assert.match(layerPreview, /Builds on/);
    assert.match(layerPreview, /\(asean-builtin\): needs version 1 or later; version 1 is installed\./);
    await datasets.applyAndWait();
    const installed = page.getByRole('region', { name: 'Installed datasets' });
    await installed.getByText(/^Builds on: .* version 1 or later$/).waitFor();

    // Browsing: the national meeting names the ASEAN body; the ASEAN meeting lists the layer's item.
    await ui.open('/meetings/my-prep-asoen-36');
    await page.getByRole('heading', { level: 1, name: /National preparatory meeting for ASOEN-36/ }).waitFor();
    await page.getByRole('link', { name: 'ASOEN', exact: true }).waitFor();
    await ui.open('/meetings/asoen-36');
    const bilateral = page.locator('li.agenda-item').filter({ hasText: BILATERAL });
    await bilateral.waitFor();
    // It names the ASEAN joint statement: a link to where the base's meeting lists it.
    assert.equal(await bilateral.getByRole('link', { name: STATEMENT }).getAttribute('href'), `/meetings/asoen-36#outcome-${STATEMENT_ID}`);
    assert.equal(await page.locator('.agenda-item-flagged').count(), 0);
    // The layer's contacts: its head of delegation on the ASEAN meeting, its focal point on the ASEAN body and on a page of its own.
    await page.getByRole('region', { name: 'Delegation contacts' }).getByRole('link', { name: 'Head of delegation (example)' }).waitFor();
    await ui.open('/bodies/asoen');
    const contacts = page.getByRole('region', { name: 'People to contact' });
    const focal = contacts.getByRole('listitem').filter({ hasText: 'Nurul Aina binti Ahmad (example)' });
    await focal.getByText(/Focal point/).waitFor();
    assert.equal(await focal.getByRole('link', { name: 'asean.desk@nres.example' }).getAttribute('href'), 'mailto:asean.desk@nres.example');
    await focal.getByRole('link', { name: 'Nurul Aina binti Ahmad (example)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nurul Aina binti Ahmad (example)' }).waitFor();
    await page.getByText('Malaysia', { exact: true }).waitFor();

    // A Malaysian brief for ASOEN-36: its printed pack lists the layer's contacts in the annex.
    await ui.open('/meetings/asoen-36');
    await page.getByRole('link', { name: 'New briefing for this meeting' }).click();
    await page.getByRole('button', { name: 'Create briefing' }).click();
    await new BriefingEditor(page).ready();
    await page.getByRole('button', { name: 'Print pack…' }).click();
    const pack = new PackScreen(page);
    await pack.waitReady();
    const pdf = new PdfFile(await pack.pdf());
    if (process.env.E2E_SCREENSHOTS) copyFileSync(pdf.path, resolve(process.env.E2E_SCREENSHOTS, 'layer-pack.pdf'));
    const printed = Array.from({ length: pdf.pageCount() }, (_, i) => pdf.pageText(i + 1)).join('\n');
    assert.match(printed, /Contacts published in the datasets/);
    // (A cell's text may wrap: words that stay on one line.)
    for (const words of ['Nurul Aina binti Ahmad', 'Focal point, ASOEN;', 'Delegate, ASOEN-36', '+60 3 0000 0000', 'asean.desk@nres.example', 'Head of delegation, ASOEN-']) {
      assert.ok(printed.includes(words), `the pack's annex prints “${words}”`);
    }

    // The base's update drops the AHA Centre, which the layer's briefing meeting refers to.
    await ui.open('/datasets');
    await datasets.ready();
    await datasets.chooseFile('asean-2.json', baseV2);
    await datasets.preview().waitFor();
    await datasets.preview().getByText('Layers over this dataset').waitFor();
    const basePreview = await datasets.preview().innerText();
    assert.match(basePreview, /Malaysia: national layer \(example\): 2 references name records this update removes/);
    assert.match(basePreview, /meeting my-aha-centre-briefing-2025: refers to body “aha-centre”/);
    assert.match(basePreview, new RegExp(`agenda item my-bilateral-asoen-36: refers to outcome document “${STATEMENT_ID}”`));
    await datasets.applyAndWait();

    const flags = page.getByRole('region', { name: 'Records that refer to removed records' });
    await flags.waitFor();
    const link = flags.getByRole('link', { name: /meeting my-aha-centre-briefing-2025: refers to body “aha-centre”, which ASEAN .* no longer has\./ });
    await link.click();
    await page.getByRole('heading', { level: 1, name: /National briefing with the AHA Centre/ }).waitFor();
    const notice = page.getByRole('note').filter({ hasText: 'Check this record' });
    await notice.waitFor();
    assert.match(await notice.innerText(), /Refers to body “aha-centre”, which ASEAN .* no longer has\./);
    // The reference itself shows as missing text, not a link to nowhere.
    await page.getByText('aha-centre (not in the dataset)').waitFor();

    // The layer's agenda item is marked in the ASEAN meeting's programme, its document shown as missing.
    await ui.open('/meetings/asoen-36');
    const flagged = page.locator('li.agenda-item-flagged');
    await flagged.filter({ hasText: BILATERAL }).waitFor();
    assert.equal(await flagged.count(), 1);
    await flagged.getByText('Check: refers to a removed record').waitFor();
    // The datasets' titles arrive by their own query: wait for the sentence naming the base.
    await flagged.getByTestId('agenda-flag').getByText(new RegExp(`Refers to outcome document “${STATEMENT_ID}”, which ASEAN .* no longer has\\.`)).waitFor();
    await flagged.getByText(`${STATEMENT_ID} (not in the dataset)`).waitFor();

    // History: one table per dataset, each with its own undo.
    await ui.open('/datasets');
    await datasets.ready();
    await page.getByRole('button', { name: /^Undo last update of Malaysia: national layer/ }).waitFor();
    await page.getByRole('button', { name: /^Undo last update of ASEAN/ }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });
});
