import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { freshPage, pageErrors } from './support/browser';
import { useWebApp } from './support/harness';
import { AppPage } from './pages/app-page';
import { Palette } from './pages/palette';

const app = useWebApp();

describe('searching from the command palette', () => {
  it('Ctrl+K, "asoen", arrow, Enter lands on the body page; Escape closes and focus returns', async () => {
    const { context, page } = await freshPage(app.browser);
    const ui = new AppPage(page, app.url);
    await ui.open('/');
    const palette = new Palette(page);
    await palette.open();
    await palette.search('asoen');
    const first = palette.options().first();
    assert.match(await first.innerText(), /ASOEN/);
    assert.equal(await first.getAttribute('aria-selected'), 'true');
    assert.equal(await first.locator('mark').first().innerText(), 'ASOEN');
    await page.keyboard.press('ArrowDown');
    assert.equal(await palette.options().nth(1).getAttribute('aria-selected'), 'true');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await ui.heading().filter({ hasText: 'ASOEN' }).waitFor();
    assert.equal(ui.path(), '/bodies/asoen');
    assert.equal(await palette.dialog().count(), 0);

    const button = page.getByRole('button', { name: /^Search/ });
    await button.focus();
    await palette.open();
    await page.keyboard.press('Escape');
    assert.equal(await palette.dialog().count(), 0);
    assert.equal(await button.evaluate((el) => el === document.activeElement), true);
    assert.deepEqual(pageErrors(page), []);
    await context.close();
  });

  it('a query typed the moment the app opens is answered once the index is built, never as nothing found', async () => {
    const { context, page } = await freshPage(app.browser);
    const ui = new AppPage(page, app.url);
    const statuses: string[] = [];
    await page.exposeFunction('recordPaletteStatus', (text: string) => statuses.push(text));
    await page.addInitScript(() => {
      new MutationObserver(() => {
        const line = document.querySelector('.palette-footer');
        if (line) (window as unknown as { recordPaletteStatus(t: string): void }).recordPaletteStatus(line.textContent ?? '');
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await ui.open('/');
    const palette = new Palette(page);
    await palette.open();
    await palette.input().pressSequentially('asoen');
    await palette.options().filter({ hasText: 'ASOEN' }).first().waitFor();
    assert.ok(!statuses.some((text) => /^(Nothing found|0 results)/.test(text)), `said nothing before the index was built: ${[...new Set(statuses)].join(' | ')}`);
    assert.match(await page.locator('.palette-footer').innerText(), /\d+ results?/);
    assert.deepEqual(pageErrors(page), []);
    await context.close();
  });

  it('finds ASOEN from a typo, its spelled-out name and its Malay name; Hà Nội finds Ha Noi', async () => {
    const { context, page } = await freshPage(app.browser);
    const ui = new AppPage(page, app.url);
    await ui.open('/');
    const palette = new Palette(page);
    await palette.open();
    for (const query of ['asoem', 'Senior Officials on Environment', 'pegawai kanan alam sekitar']) {
      await palette.search(query);
      assert.match(await palette.options().first().innerText(), /ASOEN/, query);
    }
    await palette.search('AWGCW');
    assert.match(await palette.options().first().innerText(), /AWGCW/);
    await palette.search('Hà Nội');
    const text = await palette.dialog().getByRole('listbox').innerText();
    assert.match(text, /Ha Noi/);
    await context.close();
  });

  it('the results page lists every kind with highlights and follows the address', async () => {
    const { context, page } = await freshPage(app.browser);
    const ui = new AppPage(page, app.url);
    await ui.open('/search?q=asoen');
    const bodies = page.getByRole('region', { name: /Bodies/ });
    await bodies.waitFor();
    assert.equal(await bodies.locator('mark').first().innerText(), 'ASOEN');
    await page.getByRole('region', { name: /Meetings/ }).waitFor();
    await page.getByRole('searchbox').fill('langkawi');
    await page.waitForURL(/q=langkawi/);
    await page.getByRole('region', { name: /Meetings/ }).getByRole('link', { name: /ASOEN-36/ }).first().waitFor();
    await context.close();
  });

  it('Ctrl+Enter in the palette opens the results page for that query, even from the results page', async () => {
    const { context, page } = await freshPage(app.browser);
    const ui = new AppPage(page, app.url);
    await ui.open('/search?q=asoen');
    const box = page.getByRole('searchbox');
    await page.getByRole('region', { name: /Bodies/ }).waitFor();
    const palette = new Palette(page);
    await palette.open();
    await palette.search('langkawi');
    await page.keyboard.press('Control+Enter');
    await page.waitForURL(/q=langkawi/);
    await page.getByRole('region', { name: /Meetings/ }).getByRole('link', { name: /ASOEN-36/ }).first().waitFor();
    assert.equal(await box.inputValue(), 'langkawi');
    // Back returns to the earlier query, box and results alike.
    await page.goBack();
    await page.waitForURL(/q=asoen/);
    await page.waitForFunction(() => (document.querySelector('input[type="search"]') as HTMLInputElement | null)?.value === 'asoen');
    await page.getByRole('region', { name: /Bodies/ }).getByText('ASOEN', { exact: true }).first().waitFor();
    await context.close();
  });
});

describe('search in the delegate\'s own language, ranked', () => {
  it('a Malay word finds what the dataset writes in English, an Indonesian one too', async () => {
    const { context, page } = await freshPage(app.browser);
    const ui = new AppPage(page, app.url);
    // Every status line shown until the results arrive: none may say "nothing found" while the
    // index is still being built after start-up.
    await page.exposeFunction('recordSearchStatus', (text: string) => statuses.push(text));
    const statuses: string[] = [];
    await page.addInitScript(() => {
      new MutationObserver(() => {
        const line = document.querySelector('.result-count');
        if (line) (window as unknown as { recordSearchStatus(t: string): void }).recordSearchStatus(line.textContent ?? '');
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await ui.open('/search?q=kesihatan');
    await page.getByRole('link', { name: /AHMM/ }).first().waitFor();
    assert.ok(!statuses.some((text) => text.startsWith('Nothing found')), `said nothing found before the index was ready: ${[...new Set(statuses)].join(' | ')}`);
    await ui.open('/search?q=Jepang');
    await page.getByRole('link', { name: /ASEAN-Japan Dialogue on Environmental Cooperation/ }).first().waitFor();
    await ui.open(`/search?q=${encodeURIComponent('Julai 2025')}`);
    await page.getByRole('region', { name: /Meetings/ }).getByRole('link', { name: /ASOEN-36/ }).first().waitFor();
    await ui.open('/search?q=admm2025');
    await page.getByRole('region', { name: /Meetings/ }).getByRole('link', { name: /ADMM 2025/ }).first().waitFor();
    assert.deepEqual(pageErrors(page), []);
    await context.close();
  });

  it('one word the dataset lacks gives partial matches, marked, after the complete ones', async () => {
    const { context, page } = await freshPage(app.browser);
    const ui = new AppPage(page, app.url);
    await ui.open(`/search?q=${encodeURIComponent('asoen zzqqxx')}`);
    await page.getByRole('status').filter({ hasText: /No result matches every word; \d+ match some/ }).waitFor();
    const partial = page.getByRole('region', { name: 'Partial matches' });
    await partial.getByRole('link', { name: /ASOEN/ }).first().waitFor();
    assert.match(await partial.innerText(), /Partial match: 1 of 2 words/);
    await context.close();
  });

  it('a query matching nothing says so and offers the closest words, which search when chosen', async () => {
    const { context, page } = await freshPage(app.browser);
    const ui = new AppPage(page, app.url);
    await ui.open('/search?q=langkawwwwi');
    await page.getByRole('status').filter({ hasText: 'Nothing found for "langkawwwwi".' }).waitFor();
    await page.getByRole('button', { name: 'Search for langkawi' }).click();
    await page.waitForURL(/q=langkawi/);
    await page.getByRole('region', { name: /Meetings/ }).getByRole('link', { name: /ASOEN-36/ }).first().waitFor();
    await context.close();
  });
});

