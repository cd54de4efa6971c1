import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { freshPage, pageErrors } from './support/browser';
import { useWebApp } from './support/harness';
import { AppPage, MeetingsListPage } from './pages/app-page';

const app = useWebApp();

describe('browsing the built-in dataset in web mode', () => {
  it('reaches ASOEN-36 from the meetings list and reads its four-day programme', async () => {
    const { context, page } = await freshPage(app.browser);
    const ui = new AppPage(page, app.url);
    await ui.open('/');
    await ui.nav('Meetings').click();
    const meetings = new MeetingsListPage(page);
    await meetings.show('Past');
    await meetings.filterBy('Country', 'Malaysia');
    await meetings.list().getByRole('link', { name: /ASOEN-36/ }).click();
    await ui.heading().filter({ hasText: 'ASOEN-36' }).waitFor();
    assert.equal(ui.path(), '/meetings/asoen-36');

    for (const day of [1, 2, 3, 4]) await page.getByRole('region', { name: new RegExp(`^Day ${day},`) }).waitFor();
    const day1 = page.getByRole('region', { name: /^Day 1,/ });
    assert.match(await day1.innerText(), /COP30/);
    assert.match(await day1.innerText(), /Governing Board/i);
    const day2 = await page.getByRole('region', { name: /^Day 2,/ }).innerText();
    assert.match(day2, /Opening ceremony/i);
    assert.match(day2, /Philippines/);
    const day3 = await page.getByRole('region', { name: /^Day 3,/ }).innerText();
    assert.match(day3, /Japan/);
    assert.match(day3, /Singapore/);
    assert.match(day3, /ROK|Korea/);
    assert.match(day3, /EU|European Union/);
    assert.match(await page.getByText('Langkawi').first().innerText(), /Langkawi/);
    assert.deepEqual(pageErrors(page), []);
    await context.close();
  });

  it('reaches the ADMM Retreat 2025 and reads the five 2025 deliverables', async () => {
    const { context, page } = await freshPage(app.browser);
    const ui = new AppPage(page, app.url);
    await ui.open('/meetings?when=past');
    const meetings = new MeetingsListPage(page);
    await meetings.filterBy('Year', '2025');
    await meetings.list().getByRole('link', { name: /ADMM Retreat 2025/ }).click();
    await ui.heading().filter({ hasText: 'ADMM Retreat' }).waitFor();
    const targets = page.getByRole('region', { name: 'Outcome targets addressed' });
    const items = targets.getByRole('listitem');
    // The targets arrive from IndexedDB after the heading: wait for the list before counting it.
    await items.nth(4).waitFor();
    assert.equal(await items.count(), 5);
    const text = await targets.innerText();
    for (const code of ['a.', 'b.', 'c.', 'd.', 'e.']) assert.ok(text.includes(code), `deliverable ${code} listed`);
    assert.match(text, /artificial intelligence/i);
    assert.match(text, /cyber/i);
    await items.first().getByRole('link').click();
    await page.getByRole('heading', { name: 'Sources' }).waitFor();
    assert.match(await page.locator('blockquote').first().innerText(), /kepintaran buatan|Artifial Intelligence/);
    await context.close();
  });

  it('browses the bodies hierarchy down to a working group and back with the browser', async () => {
    const { context, page } = await freshPage(app.browser);
    const ui = new AppPage(page, app.url);
    await ui.open('/');
    await ui.nav('Bodies').click();
    const tree = page.getByRole('tree', { name: /Bodies/ });
    await tree.waitFor();
    await page.getByRole('button', { name: 'Expand all' }).click();
    // Only rows on screen are in the DOM: page down through the tree by keyboard until AWGCC shows.
    await tree.getByRole('button').first().focus();
    const awgcc = tree.getByRole('link', { name: /AWGCC/ }).first();
    for (let i = 0; i < 30 && (await awgcc.count()) === 0; i++) await page.keyboard.press('PageDown');
    await awgcc.click();
    await ui.heading().filter({ hasText: 'AWGCC' }).waitFor();
    // The parent body's name arrives from IndexedDB after the heading: wait for its link, never a raw id.
    const facts = page.locator('dl.facts');
    await facts.getByRole('link', { name: 'ASOEN', exact: true }).waitFor();
    assert.match(await facts.innerText(), /Reports to\s+ASOEN/);
    await page.goBack();
    await tree.getByRole('link', { name: /AWGCC/ }).first().waitFor();
    assert.equal(ui.path(), '/bodies');
    await context.close();
  });

  it('opens a bookmarked address directly and shows the original-language source', async () => {
    const { context, page } = await freshPage(app.browser);
    const ui = new AppPage(page, app.url);
    await ui.open('/bodies/asoen');
    await ui.heading().filter({ hasText: 'ASOEN' }).waitFor();
    await page.getByRole('region', { name: 'Sources' }).getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Excerpt (original text)' }).waitFor();
    const excerpt = page.locator('blockquote.excerpt');
    assert.ok((await excerpt.getAttribute('lang')) === 'ms' || (await excerpt.getAttribute('lang')) === 'id');
    await context.close();
  });

  it('keeps working offline after its first load', async () => {
    const { context, page } = await freshPage(app.browser);
    const ui = new AppPage(page, app.url);
    await ui.open('/');
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return registration.active?.state;
    });
    await context.setOffline(true);
    await ui.open('/meetings/asoen-36');
    await ui.heading().filter({ hasText: 'ASOEN-36' }).waitFor();
    // Files from the public folder (the icons) are precached too.
    const icons = await page.evaluate(() => Promise.all(['/icon.svg', '/256x256.png'].map(async (path) => (await fetch(path)).status)));
    assert.deepEqual(icons, [200, 200]);
    await context.close();
  });

  it('raises no Content-Security-Policy violation on its pages (zod runs jitless)', async () => {
    const { context, page } = await freshPage(app.browser);
    // A refused eval that the code catches (zod's probe) reaches no console: listen for the event.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => console.warn(`csp-violation: ${event.violatedDirective} ${event.blockedURI}`));
    });
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.text().startsWith('csp-violation:') || /Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const ui = new AppPage(page, app.url);
    for (const [path, heading] of [
      ['/', 'Overview'],
      ['/meetings/asoen-36', 'ASOEN-36'],
      ['/bodies/asoen', 'ASOEN'],
      ['/datasets', 'Datasets'],
      ['/briefings', 'Briefings'],
      ['/settings', 'Settings'],
    ] as const) {
      await ui.open(path);
      await ui.heading().filter({ hasText: heading }).waitFor();
    }
    assert.deepEqual(violations, []);
    await context.close();
  });
});
