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

  // Every item of the header at 1280 px, in one row, nothing cut; below that a Menu holds the navigation.
  const HEADER: Record<string, string[]> = {
    en: ['Overview', 'Bodies', 'Briefings', 'Meetings', 'Outcome targets', 'Sources', 'Calendar', 'Papers', 'Settings'],
    ms: ['Gambaran keseluruhan', 'Badan', 'Taklimat', 'Mesyuarat', 'Sasaran hasil', 'Sumber', 'Kalendar', 'Kertas', 'Tetapan'],
    id: ['Ikhtisar', 'Badan', 'Bahan pengarahan', 'Pertemuan', 'Target capaian', 'Sumber', 'Kalender', 'Dokumen', 'Pengaturan'],
  };
  for (const lang of ['en', 'ms', 'id']) {
    it(`the header shows every item at 1280 px and folds into a menu at 1024 px (${lang})`, async () => {
      const { context, page } = await freshPage(app.browser, { viewport: { width: 1280, height: 800 } });
      const ui = new AppPage(page, app.url);
      await ui.open('/');
      if (lang !== 'en') await page.getByRole('combobox', { name: 'Language' }).selectOption(lang);
      const nav = page.getByRole('navigation', { name: lang === 'en' ? 'Main' : 'Utama' });
      await nav.getByRole('link', { name: HEADER[lang]!.at(-1)! }).waitFor();
      const layout = await page.evaluate(() => {
        const header = document.querySelector('.app-header')!;
        const items = [...header.querySelectorAll<HTMLElement>('a, button, select')].filter((e) => e.offsetParent !== null);
        const rows = new Set(items.map((e) => Math.round(e.getBoundingClientRect().top / 20)));
        // Cut: past the window, its own text clipped, or (a navigation item) running out of the
        // navigation's box under the tools beside it.
        const nav = header.querySelector('nav')!.getBoundingClientRect();
        const tools = header.querySelector('.header-tools')!.getBoundingClientRect();
        const cut = items
          .filter((e) => {
            const box = e.getBoundingClientRect();
            const inNav = e.closest('nav') !== null;
            return box.right > window.innerWidth || e.scrollWidth > e.clientWidth + 1 || (inNav && (box.right > nav.right + 0.5 || box.right > tools.left));
          })
          .map((e) => e.textContent);
        const brand = document.querySelector('.brand')!;
        return { cut, rows: rows.size, brandLines: brand.getClientRects().length, brandHeight: brand.getBoundingClientRect().height, lineHeight: parseFloat(getComputedStyle(brand).lineHeight) };
      });
      assert.deepEqual(layout.cut, []);
      assert.ok(layout.brandHeight <= 2 * layout.lineHeight + 1, `brand takes ${layout.brandHeight}px`);
      for (const name of HEADER[lang]!) assert.equal(await nav.getByRole('link', { name, exact: true }).isVisible(), true, name);
      assert.equal(await page.locator('.menu-button').isVisible(), false);

      await page.setViewportSize({ width: 1024, height: 800 });
      const menu = page.locator('.menu-button');
      await menu.waitFor();
      assert.equal(await nav.isVisible(), false);
      await menu.click();
      assert.equal(await menu.getAttribute('aria-expanded'), 'true');
      for (const name of HEADER[lang]!) assert.equal(await nav.getByRole('link', { name, exact: true }).isVisible(), true, name);
      await page.keyboard.press('Escape');
      assert.equal(await menu.getAttribute('aria-expanded'), 'false');
      assert.equal(await menu.evaluate((el) => el === document.activeElement), true);
      await menu.click();
      await nav.getByRole('link', { name: HEADER[lang]![3]!, exact: true }).click();
      await page.waitForURL(/\/meetings$/);
      assert.equal(await nav.isVisible(), false);
      await context.close();
    });
  }

  it('English dates read day-month-year, counts take their plural, sectors are translated', async () => {
    const { context, page } = await freshPage(app.browser);
    const ui = new AppPage(page, app.url);
    await ui.open('/meetings/asoen-36');
    assert.match(await page.locator('main').innerText(), /28–31 July 2025/);
    await ui.open('/meetings?when=past&country=LA');
    await page.getByRole('status').filter({ hasText: /^1 meeting ·/ }).waitFor();
    await ui.open('/briefings/new?meeting=asoen-36');
    const picker = page.getByRole('combobox', { name: /meeting/i }).first();
    assert.match(await picker.locator('option:checked').innerText(), /ASOEN-36 — 28–31 July 2025/);
    await ui.open('/bodies/asoen');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('id');
    await page.getByText('Lingkungan hidup', { exact: true }).waitFor();
    await context.close();
  });
});

