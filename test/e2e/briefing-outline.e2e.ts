import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { injectLargeBriefing } from '../../bench/suites/briefing';
import { freshPage, pageErrors, waitForApp } from './support/browser';
import { useWebApp } from './support/harness';
import { BriefingEditor } from './pages/briefing-editor';

const app = useWebApp();

describe('a 300-item briefing (virtualised outline, opened from its rows first)', () => {
  it('reaches a section far down by keyboard and by find, and what is typed there is saved', async () => {
    const { context, page } = await freshPage(app.browser);
    await page.goto(`${app.url}/`);
    await waitForApp(page);
    const id = await injectLargeBriefing(page);
    await page.goto(`${app.url}/briefings/${id}`);
    const editor = new BriefingEditor(page);
    await editor.ready();
    const outline = page.getByRole('navigation', { name: 'Agenda items' });
    const first = outline.getByRole('link', { name: /^Agenda item 1:/ });
    await first.waitFor();
    // Only the entries near the screen are in the DOM; the list says how many there are.
    assert.ok((await outline.getByRole('listitem').count()) < 100);
    assert.equal(await outline.locator('li[aria-setsize]').first().getAttribute('aria-setsize'), '300');

    // Keyboard: End goes to the last entry (drawn as the outline scrolls), Arrow Up moves back.
    await first.focus();
    await page.keyboard.press('End');
    await page.waitForFunction(() => document.activeElement?.textContent?.startsWith('Agenda item 300:'));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction(() => document.activeElement?.textContent?.startsWith('Agenda item 298:'));
    await page.keyboard.press('Enter');
    await page.locator('.section-editor h2').filter({ hasText: /^Agenda item 298:/ }).waitFor();
    await editor.field('Red lines').fill('No commitment beyond 2030');

    // Find: a word far down the brief lists its item, which opens.
    await page.getByRole('searchbox', { name: 'Find in this brief' }).fill('topic 287');
    await outline.getByRole('link', { name: /^Agenda item 288:/ }).click();
    await page.locator('.section-editor h2').filter({ hasText: /^Agenda item 288:/ }).waitFor();
    await editor.field('Red lines').fill('Consensus only');
    await editor.waitSaved();

    // Opened by its address, a far section's entry is on screen and marked current; both texts were saved.
    await page.goto(`${app.url}/briefings/${id}?item=bench-item-297`);
    await page.locator('.section-editor h2').filter({ hasText: /^Agenda item 298:/ }).waitFor();
    const current = outline.locator('a[aria-current="page"]');
    await current.waitFor();
    assert.match((await current.textContent()) ?? '', /^Agenda item 298:/);
    assert.ok(await current.isVisible());
    assert.equal(await editor.field('Red lines').inputValue(), 'No commitment beyond 2030');
    await page.goto(`${app.url}/briefings/${id}?item=bench-item-287`);
    await page.locator('.section-editor h2').filter({ hasText: /^Agenda item 288:/ }).waitFor();
    assert.equal(await editor.field('Red lines').inputValue(), 'Consensus only');
    assert.deepEqual(pageErrors(page), []);
    await context.close();
  });
});
