import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { freshPage, pageErrors } from './support/browser';
import { useWebApp } from './support/harness';
import { AppPage } from './pages/app-page';
import { BriefingEditor } from './pages/briefing-editor';

const app = useWebApp();

/** Waits until a field shows exactly `value` (content, not time). */
async function waitForValue(page: Page, field: Locator, value: string): Promise<void> {
  const handle = await field.elementHandle();
  await page.waitForFunction(([el, v]) => (el as HTMLTextAreaElement).value === v, [handle, value] as const, { timeout: 10_000 });
}

describe('one briefing open in two tabs of one browser', () => {
  it('merges edits of different fields and of the same field, keeps every word, and undoes only its own', async () => {
    const { context, page: a } = await freshPage(app.browser);
    const ui = new AppPage(a, app.url);
    await ui.open('/briefings/new?meeting=asoen-36');
    await a.getByRole('button', { name: 'Create briefing' }).click();
    const editorA = new BriefingEditor(a);
    await editorA.ready();
    await editorA.openItem(/Opening ceremony/i);
    await editorA.waitSaved();

    const b = await context.newPage();
    await b.goto(a.url());
    const editorB = new BriefingEditor(b);
    await editorB.ready();
    await b.locator('.section-editor h2').filter({ hasText: /Opening ceremony/i }).waitFor();

    // Different fields, at the same time.
    await Promise.all([
      editorA.field('Objectives').pressSequentially('Objectives typed in tab A', { delay: 15 }),
      editorB.field('National position').pressSequentially('Position typed in tab B', { delay: 15 }),
    ]);
    await waitForValue(a, editorA.field('National position'), 'Position typed in tab B');
    await waitForValue(b, editorB.field('Objectives'), 'Objectives typed in tab A');
    assert.equal(await editorA.field('Objectives').inputValue(), 'Objectives typed in tab A');

    // The same field: B writes a sentence, then A types before it while B types after it.
    await editorB.field('Red lines').fill('No binding targets.');
    await waitForValue(a, editorA.field('Red lines'), 'No binding targets.');
    await editorA.field('Red lines').focus();
    await a.keyboard.press('Control+Home');
    await editorB.field('Red lines').focus();
    await b.keyboard.press('Control+End');
    await Promise.all([a.keyboard.type('Tab A first: keep the ASEAN paragraph. ', { delay: 20 }), b.keyboard.type(' Tab B last: no new funds.', { delay: 20 })]);
    const merged = 'Tab A first: keep the ASEAN paragraph. No binding targets. Tab B last: no new funds.';
    await waitForValue(a, editorA.field('Red lines'), merged);
    await waitForValue(b, editorB.field('Red lines'), merged);

    // Undo in A takes back A's typing only; B's words stay, in both tabs.
    // On a loaded machine A's typing may have been captured as several undo steps (pauses longer
    // than the capture window): undo step by step, each time waiting for the text to change, until
    // A's words are gone; B's must never go.
    await editorA.field('Red lines').focus();
    const afterUndo = 'No binding targets. Tab B last: no new funds.';
    let undos = 0;
    for (let value = merged; value !== afterUndo; undos++) {
      assert.ok(undos < 40, `undo never reached "${afterUndo}": "${value}"`);
      assert.ok(value.endsWith(' Tab B last: no new funds.') && value.includes('No binding targets.'), `undo in A took B's words: "${value}"`);
      const before = value;
      await a.keyboard.press('Control+z');
      await a.waitForFunction(([el, v]) => (el as HTMLTextAreaElement).value !== v, [await editorA.field('Red lines').elementHandle(), before] as const, { timeout: 10_000 });
      value = await editorA.field('Red lines').inputValue();
    }
    await waitForValue(b, editorB.field('Red lines'), afterUndo);
    for (let i = 0; i < undos; i++) await a.keyboard.press('Control+Shift+z');
    await waitForValue(b, editorB.field('Red lines'), merged);

    // Both saved; a reload of each finds the merged text.
    await editorA.waitSaved();
    await editorB.waitSaved();
    for (const [page, editor] of [[a, editorA], [b, editorB]] as const) {
      await page.reload();
      await editor.ready();
      await page.locator('.section-editor h2').filter({ hasText: /Opening ceremony/i }).waitFor();
      await waitForValue(page, editor.field('Red lines'), merged);
      assert.equal(await editor.field('Objectives').inputValue(), 'Objectives typed in tab A');
      assert.equal(await editor.field('National position').inputValue(), 'Position typed in tab B');
    }

    // The rows lists read follow the document: the briefing list and search see the same text.
    assert.deepEqual(pageErrors(a), []);
    assert.deepEqual(pageErrors(b), []);
    await context.close();
  });

  it('a tab opened right after another tab typed shows that text', async () => {
    const { context, page: a } = await freshPage(app.browser);
    const ui = new AppPage(a, app.url);
    await ui.open('/briefings/new?meeting=asoen-36');
    await a.getByRole('button', { name: 'Create briefing' }).click();
    const editorA = new BriefingEditor(a);
    await editorA.ready();
    await editorA.openItem(/Opening ceremony/i);
    await editorA.field('Fallback wording').fill('Typed just before the other tab opened');
    const b = await context.newPage();
    await b.goto(a.url());
    const editorB = new BriefingEditor(b);
    await editorB.ready();
    await waitForValue(b, editorB.field('Fallback wording'), 'Typed just before the other tab opened');
    await context.close();
  });
});
