/**
 * No silent takeover, as a delegate meets it in Chromium: the built-in dataset replaced by a
 * publisher says so in the preview; once installed, a bundle from another trusted publisher is
 * refused with its own message and nothing changes; offering the installed bundle again is a
 * calm status.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { freshPage, pageErrors } from './support/browser';
import { builtinRecords, newPublisher, signedBundle, type Publisher } from './support/bundles';
import { useWebApp } from './support/harness';
import { AppPage } from './pages/app-page';
import { DatasetsPage } from './pages/datasets';

const app = useWebApp();
let publisher: Publisher;
let ministry: Publisher;
let bundleV2: string;

before(async () => {
  [publisher, ministry] = await Promise.all([newPublisher(), newPublisher()]);
  bundleV2 = await signedBundle(builtinRecords(), publisher, 2);
});
after(() => undefined);

describe('publisher keys on the Datasets page', () => {
  it('says when the publisher changes, refuses a takeover by another trusted key, and is calm about the installed bundle', async () => {
    const { context, page } = await freshPage(app.browser);
    const ui = new AppPage(page, app.url);
    await ui.open('/datasets');
    const datasets = new DatasetsPage(page);
    await datasets.ready();
    await datasets.trustKey('ASEAN Secretariat (test)', publisher.publicKeyText);
    await datasets.trustKey('A ministry (test)', ministry.publicKeyText);

    await datasets.chooseFile('asean-v2.json', bundleV2);
    await datasets.preview().waitFor();
    await datasets.preview().getByText(/Publisher changes: this replaces the dataset shipped with the app/).waitFor();
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/takeover-preview.png`, fullPage: true });
    await datasets.applyAndWait();
    assert.equal(await datasets.installedVersion().innerText(), '2');

    await datasets.chooseFile('ministry-v3.json', await signedBundle(builtinRecords(), ministry, 3));
    const refusal = page.getByRole('alert').filter({ hasText: /installed from another publisher key/ });
    await refusal.waitFor();
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/takeover-refused.png`, fullPage: true });
    assert.equal(await datasets.preview().count(), 0);
    assert.equal(await datasets.installedVersion().innerText(), '2');

    await datasets.chooseFile('asean-v2.json', bundleV2);
    await page.getByRole('status').filter({ hasText: 'You already have this version installed' }).waitFor();
    assert.equal(await page.getByRole('alert').filter({ hasText: /Refused/ }).count(), 0);
    assert.deepEqual(pageErrors(page), []);
    await context.close();
  });
});
