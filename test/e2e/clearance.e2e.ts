import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { pageErrors } from './support/browser';
import { useRelayTeam } from './support/relay-team';
import { PackScreen, PdfFile } from './pages/pack';

/*
 * Clearance end to end, against the real relay on 127.0.0.1: the lead writes a position,
 * shares the briefing, assigns the section to a drafter and clears; the drafter joins, sees the
 * section is theirs and edits it; both editors then say "changed since cleared" with the added
 * words; My sections lists the section as changed; the pack prints the cleared text by default
 * (read back from the PDF with pdftotext) and the current one only when chosen, saying so on
 * its cover. Waits for content, never for time.
 */

const team = useRelayTeam('clearance');
const SHOTS = team.shots;
const CLEARED = 'Malaysia supports the joint statement on climate change as drafted.';
const ADDED = 'DRAFTER-ADDITION on finance';

const clearanceBar = (page: Page) => page.getByRole('region', { name: 'Clearance' });

describe('clearance of a shared briefing', () => {
  it('the lead clears, a drafter edits, both see what changed, the pack prints the cleared text by default', async () => {
    const { context: leadContext, page: lead, editor: leadEditor } = await team.createBriefing(/Joint Statement on Climate Change/i);
    await leadEditor.field('National position').fill(CLEARED);
    await leadEditor.waitSaved();

    // Shared through the relay, a drafter invited.
    const share = await team.share(lead, 'Aminah');
    const code = await share.invite('Budi', 'Drafter');
    await share.close();

    // The lead assigns the section to Budi and clears.
    await lead.getByRole('combobox', { name: 'Assigned to' }).selectOption({ label: 'Budi (Drafter)' });
    await lead.locator('.section-assignment').getByText('Assigned by Aminah').waitFor();
    await clearanceBar(lead).getByText('Not cleared yet.').waitFor();
    await clearanceBar(lead).getByRole('button', { name: 'Clear this version' }).click();
    await clearanceBar(lead).getByRole('button', { name: 'Clear now' }).click();
    await clearanceBar(lead).getByText(/^Cleared by Aminah on /).waitFor();
    await clearanceBar(lead).getByText('No changes since it was cleared.').waitFor();
    await lead.screenshot({ path: `${SHOTS}/lead-cleared.png`, fullPage: true });

    // The drafter joins: the section is theirs, the briefing is cleared, and they may not clear.
    const { context: drafterContext, page: drafter, editor: drafterEditor } = await team.join(code, /Joint Statement on Climate Change/i);
    await drafter.locator('.section-assignment').getByText('Budi (me)').waitFor({ timeout: 15_000 });
    await clearanceBar(drafter).getByText(/^Cleared by Aminah on /).waitFor({ timeout: 15_000 });
    assert.equal(await clearanceBar(drafter).getByRole('button', { name: 'Clear this version' }).count(), 0);
    assert.equal(await drafter.getByRole('combobox', { name: 'Assigned to' }).count(), 0);

    // The drafter edits the cleared position.
    const position = drafterEditor.field('National position');
    await position.waitFor();
    assert.equal(await position.inputValue(), CLEARED);
    await position.focus();
    await drafter.keyboard.press('Control+End');
    await drafter.keyboard.type(` ${ADDED}.`, { delay: 5 });
    await drafterEditor.waitSaved();

    // Both see "changed since cleared" with the added words, in the section and in the bar.
    for (const page of [drafter, lead]) {
      const note = page.locator('.section-clearance');
      await note.getByText('Changed since cleared').waitFor({ timeout: 15_000 });
      await note.locator('ins').filter({ hasText: 'DRAFTER-ADDITION' }).waitFor();
      await clearanceBar(page).getByText('Changed since cleared: 1 part of the brief.').waitFor();
    }
    // Words were only added: nothing of the cleared text is shown as removed.
    assert.equal(await lead.locator('.section-clearance del').count(), 0);
    assert.match((await lead.locator('.section-clearance').textContent()) ?? '', /as drafted\. added: DRAFTER-ADDITION on finance\./);
    await lead.screenshot({ path: `${SHOTS}/lead-changed.png`, fullPage: true });
    await clearanceBar(lead).getByText('Show the differences').click();
    await clearanceBar(lead).locator('.clearance-differences ins').filter({ hasText: 'DRAFTER-ADDITION' }).waitFor();
    await clearanceBar(lead).screenshot({ path: `${SHOTS}/clearance-bar.png` });

    // My sections, for the drafter: the section, drafted, changed since cleared.
    await drafter.getByRole('link', { name: 'My sections' }).first().click();
    const row = drafter.getByRole('row').filter({ hasText: /Joint Statement on Climate Change/i });
    await row.filter({ hasText: 'Changed since cleared' }).waitFor();
    await row.filter({ hasText: 'Drafted' }).waitFor();
    await drafter.screenshot({ path: `${SHOTS}/my-sections.png`, fullPage: true });

    // The pack prints the cleared version by default.
    await lead.goto(`${lead.url().split('?')[0]}/pack`);
    const pack = new PackScreen(lead);
    await pack.waitReady();
    assert.equal(await lead.getByRole('radio', { name: /^The cleared version/ }).isChecked(), true);
    assert.equal(await lead.locator('.pack-watermark-image, .pack-watermark').count(), 0);
    const cleared = new PdfFile(await pack.pdf(), 'cleared.pdf');
    const clearedText = Array.from({ length: cleared.pageCount() }, (_, i) => cleared.pageText(i + 1)).join('\n');
    assert.match(clearedText.replace(/\s+/g, ' '), /supports the joint statement on climate change as drafted\./);
    assert.ok(!clearedText.includes('DRAFTER-ADDITION'), 'the cleared pack prints words added since');
    assert.match(cleared.pageText(1), /Cleared version: cleared by Aminah/);
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', cleared.path, `${SHOTS}/cleared-cover`]);
    // The brief's page, as printed, to look at.
    const briefPage = Array.from({ length: cleared.pageCount() }, (_, i) => i + 1).find((n) => cleared.pageText(n).includes('as drafted.'))!;
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(briefPage), '-l', String(briefPage), cleared.path, `${SHOTS}/cleared-brief`]);

    // The current text, only when chosen: the cover says so, the watermark stays.
    await lead.getByRole('radio', { name: /^The current text, not cleared/ }).check();
    await lead.locator('.pack-cover').getByText(/^UNCLEARED VERSION/).waitFor();
    await pack.waitReady();
    assert.ok((await lead.locator('.pack-watermark-image, .pack-watermark').count()) > 0, 'no DRAFT watermark on an uncleared print');
    const current = new PdfFile(await pack.pdf(), 'current.pdf');
    const currentText = Array.from({ length: current.pageCount() }, (_, i) => current.pageText(i + 1)).join('\n');
    assert.ok(currentText.includes('DRAFTER-ADDITION'), 'the current pack lacks the drafter words');
    assert.match(current.pageText(1).replace(/\s+/g, ' '), /UNCLEARED VERSION: this pack prints the current text/);
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', current.path, `${SHOTS}/current-cover`]);

    for (const page of [lead, drafter]) assert.deepEqual(pageErrors(page), []);
    await Promise.all([leadContext.close(), drafterContext.close()]);
  });
});
