/**
 * No silent takeover, as a delegate meets it in Chromium: the built-in dataset is bound to the
 * publisher key shipped with the app, so a bundle for it from another trusted publisher is
 * refused with its own message and nothing changes, while the shipped key's update applies;
 * offering the installed bundle again is a calm status.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { freshPage, pageErrors } from './support/browser';
import { builtinPublisher, builtinRecords, newPublisher, signedBundle, type Publisher } from './support/bundles';
import { useWebApp } from './support/harness';
import { AppPage } from './pages/app-page';
import { DatasetsPage } from './pages/datasets';

const app = useWebApp();
let publisher: Publisher;
let ministry: Publisher;
let bundleV2: string;

before(async () => {
  [publisher, ministry] = await Promise.all([builtinPublisher(), newPublisher()]);
  bundleV2 = await signedBundle(builtinRecords(), publisher, 2);
});
after(() => undefined);

describe('publisher keys on the Datasets page', () => {
  it('refuses a takeover of the shipped dataset by another trusted key, applies the shipped key\'s update, and is calm about the installed bundle', async () => {
    const { context, page } = await freshPage(app.browser);
    const ui = new AppPage(page, app.url);
    await ui.open('/datasets');
    const datasets = new DatasetsPage(page);
    await datasets.ready();
    await datasets.trustKey('A ministry (test)', ministry.publicKeyText);

    // The ministry's key is trusted, but the dataset shipped with the app is bound to the shipped key.
    await datasets.chooseFile('ministry-v2.json', await signedBundle(builtinRecords(), ministry, 2));
    await page.getByRole('alert').filter({ hasText: /installed from another publisher key/ }).waitFor();
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/takeover-builtin-refused.png`, fullPage: true });
    assert.equal(await datasets.installedVersion().innerText(), '1');

    await datasets.chooseFile('asean-v2.json', bundleV2);
    await datasets.preview().waitFor();
    assert.equal(await datasets.preview().getByText(/Publisher changes/).count(), 0);
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
