import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { freshPage, pageErrors } from './support/browser';
import { useWebApp } from './support/harness';
import { AppPage } from './pages/app-page';
import { BriefingEditor } from './pages/briefing-editor';
import { Palette } from './pages/palette';

const app = useWebApp();

/** The index status the search worker last reported on this page load, once it matches. */
async function indexStatus(page: Page, wanted: { saved?: boolean; from?: string }) {
  const handle = await page.waitForFunction(
    (wanted) => {
      const marks = performance.getEntriesByName('search:indexed') as PerformanceMark[];
      const s = marks.map((m) => m.detail as { ready: boolean; building: boolean; saved?: boolean; from?: string; docs: number }).find((d) => d.ready && !d.building && (wanted.saved === undefined || d.saved === wanted.saved) && (wanted.from === undefined || d.from === wanted.from));
      return s ?? false;
    },
    wanted,
    { timeout: 60_000, polling: 100 },
  );
  return (await handle.jsonValue()) as { from: string; saved: boolean; docs: number };
}

/** The saved index row as IndexedDB holds it, as text (what a reader of the disk would find). */
function savedIndexText(page: Page): Promise<{ kinds: string[]; docs: number; text: string } | undefined> {
  return page.evaluate(
    () =>
      new Promise<{ kinds: string[]; docs: number; text: string } | undefined>((resolve, reject) => {
        const open = indexedDB.open('asean-delegate');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('searchIndex').objectStore('searchIndex').get('reference');
          request.onsuccess = () => {
            const row = request.result as { snapshot: { kinds: string[]; docs: unknown[]; terms: string[] } } | undefined;
            open.result.close();
            resolve(row ? { kinds: [...new Set(row.snapshot.docs.map((d) => (d as { kind: string }).kind))], docs: row.snapshot.docs.length, text: JSON.stringify([row.snapshot.docs, row.snapshot.terms]) } : undefined);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

describe('the saved search index', () => {
  it('is read back on the next start, finds the briefing typed before it from memory, and never holds the briefing', async () => {
    const { context, page } = await freshPage(app.browser);
    const ui = new AppPage(page, app.url);
    await ui.open('/meetings/asoen-36');
    await page.getByRole('link', { name: 'New briefing for this meeting' }).click();
    await page.getByLabel('Author').fill('Aminah Yusof');
    await page.getByRole('button', { name: 'Create briefing' }).click();
    const editor = new BriefingEditor(page);
    await editor.ready();
    await editor.openItem(/Joint Statement on Climate Change/);
    await editor.field('Objectives').fill('Quokkafallback line on peatland finance.');
    await editor.waitSaved();

    // The first start indexed the records and saved their index once idle.
    const first = await indexStatus(page, { saved: true });
    assert.equal(first.from, 'records');
    const saved = await savedIndexText(page);
    assert.ok(saved, 'the index was saved');
    assert.deepEqual(saved.kinds.filter((k) => !['body', 'meeting', 'agendaItem', 'framework', 'target', 'source'].includes(k)), []);
    assert.ok(!saved.text.toLowerCase().includes('quokka'), 'the briefing text is not in the saved index');
    assert.ok(saved.text.includes('ASOEN-36'));

    await ui.open('/');
    const second = await indexStatus(page, {});
    assert.equal(second.from, 'saved');
    // Every saved record is back (the briefing's own documents may be indexed before or after them).
    assert.ok(second.docs >= saved.docs, `${second.docs} documents after the restore, ${saved.docs} saved`);
    const palette = new Palette(page);
    await palette.open();
    await palette.search('alam sekitar');
    assert.match(await palette.options().first().innerText(), /ASOEN|AMME|AWGEE/);
    await palette.search('quokkafallback');
    assert.match(await palette.options().first().innerText(), /Climate Change[\s\S]*Quokkafallback/);
    assert.deepEqual(pageErrors(page), []);
    await context.close();
  });
});
