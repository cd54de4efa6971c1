import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { freshPage, waitForApp } from './support/browser';
import { useWebApp } from './support/harness';
import { AppPage } from './pages/app-page';

const app = useWebApp();

describe('switching the interface language', () => {
  it('switches to Bahasa Melayu, the nav reads in Malay, and it stays Malay after a reload', async () => {
    const { context, page } = await freshPage(app.browser);
    const ui = new AppPage(page, app.url);
    await ui.open('/');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ms');
    const nav = page.getByRole('navigation', { name: 'Utama' });
    await nav.getByRole('link', { name: 'Mesyuarat' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ms');
    await page.reload();
    await waitForApp(page);
    await nav.getByRole('link', { name: 'Mesyuarat' }).waitFor();
    assert.equal(await nav.getByRole('link', { name: 'Badan' }).count(), 1);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ms');

    // Dataset text: ASOEN has a Malay name (shown as is), dates are formatted in Malay.
    await ui.open('/bodies/asoen');
    await ui.heading().filter({ hasText: 'Mesyuarat Pegawai-Pegawai Kanan Alam Sekitar ASEAN' }).waitFor();
    await ui.open('/meetings/asoen-36');
    assert.match(await page.locator('main').innerText(), /Julai 2025/);
    await context.close();
  });

  it('Bahasa Indonesia marks dataset text it does not have in Indonesian', async () => {
    const { context, page } = await freshPage(app.browser);
    const ui = new AppPage(page, app.url);
    await ui.open('/settings');
    await page.getByRole('combobox', { name: 'Interface language' }).selectOption('id');
    await page.getByRole('navigation', { name: 'Utama' }).getByRole('link', { name: 'Pertemuan' }).waitFor();
    await ui.open('/bodies/asoen');
    // ASOEN has no Indonesian name: shown in English with a marker saying so.
    const marker = page.locator('h1 abbr.lang-marker');
    await marker.waitFor();
    assert.match((await marker.getAttribute('aria-label')) ?? '', /tidak tersedia dalam bahasa yang dipilih/);
    await context.close();
  });
});
