import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/browser';
import { putRecords } from './support/idb';
import { injectBrief } from './pages/pack';
import { startWebServer, type WebServer } from './support/server';
import { BriefingEditor } from './pages/briefing-editor';
import { LockScreens } from './pages/lock';

/*
 * Encryption at rest and the lock, on a real browser profile kept on disk: each test gets its
 * own user-data directory, closes the browser, and (where it matters) reopens the same one.
 */

const PASSPHRASE = 'kopi susu tarik pagi';
/** A token that appears nowhere else, typed into a red line after set-up. */
const TOKEN = 'QUOKKA-REDLINE-4471';
const SENTENCE = `Red line ${TOKEN}: never accept the 2030 coal phase-out date`;

let server: WebServer;
const profiles: string[] = [];
before(async () => {
  server = await startWebServer();
});
after(async () => {
  await server.stop();
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
});

async function openProfile(dir?: string): Promise<{ dir: string; context: BrowserContext; page: Page; lock: LockScreens }> {
  const profile = dir ?? mkdtempSync(join(tmpdir(), 'delegate-profile-'));
  if (!dir) profiles.push(profile);
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, viewport: { width: 1280, height: 860 } });
  await context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
  const page = context.pages()[0] ?? (await context.newPage());
  return { dir: profile, context, page, lock: new LockScreens(page) };
}

/** Every file of the profile, searched for `text` as UTF-8 and as UTF-16 (both byte orders). */
function filesContaining(dir: string, text: string): string[] {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le'), Buffer.from(text, 'utf16le').swap16()];
  const found: string[] = [];
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      const stat = statSync(full, { throwIfNoEntry: false });
      if (!stat) continue;
      if (stat.isDirectory()) walk(full);
      else if (stat.isFile() && needles.some((n) => readFileSync(full).includes(n))) found.push(full.slice(dir.length));
    }
  };
  walk(dir);
  return found;
}

/** Creates a brief for ASOEN-36 from the meeting page and types the sentence into a red line. */
async function typeRedLine(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'New briefing for this meeting' }).click();
  await page.getByRole('button', { name: 'Create briefing' }).click();
  const editor = new BriefingEditor(page);
  await editor.ready();
  await editor.openItem(/Joint Statement on Climate Change/);
  await editor.field('Red lines').fill(SENTENCE);
  await editor.waitSaved();
}

describe('encryption at rest in a real browser profile', () => {
  it('never writes a sentence typed after set-up to disk, in UTF-8 or UTF-16, and renders none of it once locked', async () => {
    const { dir, context, page, lock } = await openProfile();
    await page.goto(`${server.url}/meetings/asoen-36`);
    await lock.setUp(PASSPHRASE);
    await typeRedLine(page);
    await lock.lockByShortcut();
    assert.equal((await page.content()).includes(TOKEN), false, 'the locked page still shows the red line');
    await context.close();
    assert.deepEqual(filesContaining(dir, TOKEN), []);
    assert.deepEqual(filesContaining(dir, 'never accept the 2030'), []);

    // The same profile opens again, locked, and the red line is back after unlocking.
    const again = await openProfile(dir);
    await again.page.goto(`${server.url}/briefings`);
    await again.lock.locked();
    await again.lock.unlock(PASSPHRASE);
    await again.page.getByRole('link', { name: /ASOEN-36/ }).first().click();
    const editor = new BriefingEditor(again.page);
    await editor.ready();
    await editor.openItem(/Joint Statement on Climate Change/);
    assert.equal(await editor.field('Red lines').inputValue(), SENTENCE);
    await again.context.close();
  });

  it('(control) finds the same sentence on disk when the delegate works without a passphrase', async () => {
    const { dir, context, page, lock } = await openProfile();
    await page.goto(`${server.url}/meetings/asoen-36`);
    await lock.continueWithoutPassphrase();
    await typeRedLine(page);
    await context.close();
    assert.notDeepEqual(filesContaining(dir, TOKEN), [], 'the disk search cannot see plain text, so the test above proves nothing');
  });

  it('refuses a wrong passphrase with a growing delay', async () => {
    const { context, page, lock } = await openProfile();
    await page.goto(`${server.url}/`);
    await lock.setUp(PASSPHRASE);
    await lock.lockByShortcut();
    await lock.tryPassphrase('not my passphrase');
    await page.getByText('That passphrase is not right.').waitFor();
    await page.getByText('You can try again in 1 second.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Unlock' }).isDisabled(), true);
    await lock.unlockButtonEnabled();
    await lock.tryPassphrase('still not my passphrase');
    await page.getByText(/You can try again in 2 seconds/).waitFor();
    await lock.unlock(PASSPHRASE);
    await context.close();
  });

  it('changes the passphrase (the old one no longer opens) and recovers with the recovery key', async () => {
    const { context, page, lock } = await openProfile();
    await page.goto(`${server.url}/meetings/asoen-36`);
    const recoveryKey = await lock.setUp(PASSPHRASE);
    await typeRedLine(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'Security: passphrase, locking, erasing' }).click();
    await page.getByLabel('Current passphrase').fill(PASSPHRASE);
    await page.getByLabel('New passphrase', { exact: true }).fill('teh tarik kurang manis');
    await page.getByLabel('New passphrase again').fill('teh tarik kurang manis');
    await page.getByRole('button', { name: 'Change passphrase' }).click();
    await page.getByText('Passphrase changed. Your data did not need re-encrypting.').waitFor({ timeout: 30_000 });
    await lock.lockByShortcut();
    await lock.tryPassphrase(PASSPHRASE);
    await page.getByText('That passphrase is not right.').waitFor();
    await lock.unlock('teh tarik kurang manis');
    await lock.lockByShortcut();

    await page.getByRole('button', { name: 'Forgot your passphrase? Use your recovery key' }).click();
    await lock.unlockButtonEnabled();
    await page.getByLabel('Recovery key').fill(recoveryKey.toLowerCase());
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('heading', { name: 'Choose a new passphrase' }).waitFor({ timeout: 30_000 });
    await page.getByLabel('New passphrase', { exact: true }).fill('nasi lemak sambal');
    await page.getByLabel('New passphrase again').fill('nasi lemak sambal');
    await page.getByRole('button', { name: 'Save the new passphrase' }).click();
    await lock.appReady();
    await lock.lockByShortcut();
    await lock.unlock('nasi lemak sambal');
    await context.close();
  });

  it('erases all the data from the lock screen: keys and database gone, set-up again', async () => {
    const { context, page, lock } = await openProfile();
    await page.goto(`${server.url}/meetings/asoen-36`);
    await lock.setUp(PASSPHRASE);
    await typeRedLine(page);
    await lock.lockByShortcut();
    await page.getByRole('button', { name: 'Erase all my data…' }).click();
    await page.getByLabel('Type ERASE').fill('erase');
    await page.getByRole('button', { name: 'Erase everything' }).click();
    await page.getByRole('heading', { name: 'Protect your work on this computer' }).waitFor({ timeout: 30_000 });
    const stores = await page.evaluate(
      () =>
        new Promise<{ keyring: number; briefings: number }>((resolve, reject) => {
          const request = indexedDB.open('asean-delegate');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const idb = request.result;
            const names = [...idb.objectStoreNames];
            if (!names.includes('keyring')) return resolve({ keyring: 0, briefings: 0 });
            const tx = idb.transaction(['keyring', 'briefings']);
            const k = tx.objectStore('keyring').count();
            const b = tx.objectStore('briefings').count();
            tx.oncomplete = () => resolve({ keyring: k.result, briefings: b.result });
          };
        }),
    );
    assert.deepEqual(stores, { keyring: 0, briefings: 0 });
    await context.close();
  });

  it('encrypts an existing plain database, and finishes on the next start when killed half-way', async () => {
    const { dir, context, page, lock } = await openProfile();
    await page.goto(`${server.url}/`);
    await lock.continueWithoutPassphrase();
    const briefingId = await injectBrief(page, 300);
    // Enough rows (chunks of 200) that closing the browser lands in the middle.
    await putRecords(page, {
      sections: Array.from({ length: 4000 }, (_, i) => ({ id: `extra-${String(i).padStart(5, '0')}`, briefingId: 'extra-brief', agendaItemId: `extra-item-${i}`, order: i, objectives: `Extra objectives ${i} `.repeat(20), targetIds: [] })),
    });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'Security: passphrase, locking, erasing' }).click();
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByLabel('Passphrase again').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Encrypt my data' }).click();
    await page.getByRole('heading', { name: 'Your recovery key' }).waitFor({ timeout: 30_000 });
    await page.getByLabel('I have kept my recovery key').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    // Killed as soon as the first chunk is committed.
    await page.getByText(/Encrypting your existing data: [1-9]\d* of/).waitFor({ timeout: 30_000 });
    await context.close();

    const again = await openProfile(dir);
    await again.page.goto(`${server.url}/briefings/${briefingId}`);
    await again.lock.locked();
    const interrupted = await again.page.evaluate(
      () =>
        new Promise<{ pending: string[]; done: number; total: number }>((resolve, reject) => {
          const request = indexedDB.open('asean-delegate');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const get = request.result.transaction('keyring').objectStore('keyring').get('keyring');
            get.onsuccess = () => resolve(get.result.migration);
          };
        }),
    );
    assert.ok(interrupted.done > 0 && interrupted.done < interrupted.total, `killed half-way: ${JSON.stringify(interrupted)}`);
    await again.lock.unlock(PASSPHRASE);
    const editor = new BriefingEditor(again.page);
    await editor.ready();
    const state = await again.page.evaluate(
      () =>
        new Promise<{ sections: number; plain: number; migration: unknown }>((resolve, reject) => {
          const request = indexedDB.open('asean-delegate');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const tx = request.result.transaction(['sections', 'keyring']);
            const rows = tx.objectStore('sections').getAll();
            const keyring = tx.objectStore('keyring').get('keyring');
            tx.oncomplete = () =>
              resolve({ sections: rows.result.length, plain: rows.result.filter((r: Record<string, unknown>) => 'objectives' in r || !('$sealed' in r)).length, migration: keyring.result?.migration ?? null });
          };
        }),
    );
    assert.deepEqual(state, { sections: 4300, plain: 0, migration: null });
    await editor.openItem(/^Agenda item 2$/);
    assert.match(await editor.field('Objectives').inputValue(), /^Objectives for item 2:/);
    await again.context.close();
  });
});
