import type { Page } from 'playwright-core';
import { freshPage } from '../../test/e2e/support/browser';
import { injectBrief } from '../../test/e2e/pages/pack';
import { LockScreens } from '../../test/e2e/pages/lock';
import type { BenchContext } from '../context';
import { editorReadyAt } from '../editor-ready';
import { median } from '../measure';

const ITEMS = 300;
const PASSPHRASE = 'kopi susu tarik pagi';

/** From the briefings list (reached in the app, not by reloading) to the editor ready for typing. */
async function openBrief(page: Page, title: string): Promise<number> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Briefings' }).click();
  const link = page.getByRole('link', { name: title });
  await link.waitFor();
  const start = await page.evaluate(() => performance.now());
  await link.click();
  const end = await editorReadyAt(page, ITEMS);
  return end - start;
}


/** Starts recording the page's long tasks (over 50 ms) from now on. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const tasks: { start: number; duration: number }[] = [];
    (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
  });
}

/** The longest task while the key was derived (up to the 'lock:key-unwrapped' measure's end), and up to now; 0 if none over 50 ms. */
async function longTasks(page: Page): Promise<{ whileDeriving: number; untilReady: number }> {
  return page.evaluate(() => {
    const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks;
    const unwrapped = performance.getEntriesByName('lock:key-unwrapped')[0];
    const end = unwrapped ? unwrapped.startTime + unwrapped.duration : Infinity;
    const longest = (list: { duration: number }[]) => list.reduce((m, t) => Math.max(m, t.duration), 0);
    return { whileDeriving: longest(tasks.filter((t) => t.start < end)), untilReady: longest(tasks) };
  });
}

/** Encryption at rest: unlock time, and opening a 300-item brief encrypted against plain. */
export async function cryptoSuite({ browser, url, runs, record }: BenchContext): Promise<void> {
  const title = `Brief on ${ITEMS} agenda items`;
  const workload = `${ITEMS} agenda items, ${ITEMS * 10} talking points`;

  // Plain: no passphrase.
  const plain = await freshPage(browser, { firstRun: 'show' });
  const plainLock = new LockScreens(plain.page);
  await plain.page.goto(`${url}/settings`);
  await plainLock.continueWithoutPassphrase();
  await injectBrief(plain.page, ITEMS);

  // Encrypted: the same brief written plain, then a passphrase set and the database encrypted.
  const enc = await freshPage(browser, { firstRun: 'show' });
  const lock = new LockScreens(enc.page);
  await enc.page.goto(`${url}/settings`);
  await lock.continueWithoutPassphrase();
  await injectBrief(enc.page, ITEMS);
  await enc.page.getByRole('link', { name: 'Security: passphrase, locking, erasing' }).click();
  await enc.page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await enc.page.getByLabel('Passphrase again').fill(PASSPHRASE);
  await enc.page.getByRole('button', { name: 'Encrypt my data' }).click();
  await lock.keepRecoveryKey();

  // Alternating, so both see the same load on a shared machine; one warm-up each.
  const plainTimes: number[] = [];
  const encTimes: number[] = [];
  await openBrief(plain.page, title);
  await openBrief(enc.page, title);
  for (let i = 0; i < runs; i++) {
    plainTimes.push(await openBrief(plain.page, title));
    encTimes.push(await openBrief(enc.page, title));
  }
  await plain.context.close();

  const unlocks: number[] = [];
  const listUnlocks: number[] = [];
  const derivations: number[] = [];
  const coldOpens: number[] = [];
  const derivationTasks: number[] = [];
  const unlockTasks: number[] = [];
  const seenByPlaywright: number[] = [];
  /**
   * Locks, types the passphrase and unlocks; the time, taken in the page, from the click to the
   * first frame after the app is ready (html[data-app-ready]). Playwright's own wait for that
   * attribute polls 20, 50, 100, 100, then every 500 ms, so its figure (kept apart) can be up to
   * half a second late.
   */
  const unlockOnce = async (watch: boolean): Promise<number> => {
    await lock.lockByShortcut();
    await lock.unlockButtonEnabled();
    await enc.page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    if (watch) await watchLongTasks(enc.page);
    await enc.page.evaluate(() => {
      const times: { click?: number; ready?: number; frame?: number } = {};
      (window as unknown as { __unlock: typeof times }).__unlock = times;
      document.addEventListener('click', () => (times.click ??= performance.now()), { capture: true });
      new MutationObserver((_, observer) => {
        if (document.documentElement.dataset.appReady !== 'true') return;
        observer.disconnect();
        times.ready = performance.now();
        requestAnimationFrame(() => (times.frame = performance.now()));
      }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-app-ready'] });
    });
    const start = Date.now();
    await enc.page.getByRole('button', { name: 'Unlock' }).click();
    await lock.appReady();
    if (watch) seenByPlaywright.push(Date.now() - start);
    const handle = await enc.page.waitForFunction(
      () => {
        const t = (window as unknown as { __unlock: { click?: number; frame?: number } }).__unlock;
        return t.frame !== undefined && t.click !== undefined ? t.frame - t.click : 0;
      },
      undefined,
      { polling: 'raf', timeout: 60_000 },
    );
    return (await handle.jsonValue()) as number;
  };
  for (let i = 0; i < runs; i++) {
    // Locked with the 300-item brief open: the route survives the lock, so the unlock opens it.
    unlocks.push(await unlockOnce(true));
    derivations.push(await enc.page.evaluate(() => performance.getEntriesByName('lock:key-unwrapped')[0]?.duration ?? Number.NaN));
    const tasks = await longTasks(enc.page);
    derivationTasks.push(tasks.whileDeriving);
    unlockTasks.push(tasks.untilReady);
    // Locked on the briefings list: the first open after this unlock decrypts the brief afresh
    // (nothing is remembered across a lock), which the open just above would have hidden.
    await enc.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Briefings' }).click();
    await enc.page.getByRole('link', { name: title }).waitFor();
    listUnlocks.push(await unlockOnce(false));
    coldOpens.push(await openBrief(enc.page, title));
  }
  await enc.context.close();

  const unlock = median(unlocks);
  record({ name: 'unlock: click to the first frame of the app ready (Argon2id 64 MiB, 3 passes), locked with the 300-item brief open', value: unlock, unit: 'ms', datasetSize: 'built-in dataset + one 300-item brief', goal: '<= 1500 ms', pass: unlock <= 1500 });
  record({ name: 'unlock: the same, as Playwright sees html[data-app-ready] (it polls up to 500 ms apart)', value: median(seenByPlaywright), unit: 'ms', datasetSize: 'built-in dataset + one 300-item brief' });
  record({ name: 'unlock: passphrase to the app ready, locked on the briefings list', value: median(listUnlocks), unit: 'ms', datasetSize: 'built-in dataset + one 300-item brief', goal: '<= 1500 ms', pass: median(listUnlocks) <= 1500 });
  record({ name: 'unlock: passphrase to the data key in memory (Argon2id + unwrap)', value: median(derivations), unit: 'ms', datasetSize: 'Argon2id m=64 MiB, t=3, p=1' });
  const deriving = Math.max(...derivationTasks);
  record({ name: 'unlock: longest interface task while the passphrase is checked (Argon2id in its worker)', value: deriving, unit: 'ms', datasetSize: `worst of ${runs} unlocks`, goal: '<= 100 ms', pass: deriving <= 100 });
  record({ name: 'unlock: longest interface task from the click to the app ready (includes mounting the app)', value: Math.max(...unlockTasks), unit: 'ms', datasetSize: `worst of ${runs} unlocks` });
  const [p, e] = [median(plainTimes), median(encTimes)];
  record({ name: 'open a 300-item brief, unencrypted', value: p, unit: 'ms', datasetSize: workload });
  record({ name: 'open a 300-item brief, encrypted', value: e, unit: 'ms', datasetSize: workload });
  record({ name: 'open a 300-item brief: encrypted / unencrypted', value: e / p, unit: 'x', datasetSize: workload, goal: '<= 1.3x', pass: e / p <= 1.3 });
  const cold = median(coldOpens);
  record({ name: 'first open of the brief after an unlock on the briefings list (every row decrypted) / unencrypted', value: cold / p, unit: 'x', datasetSize: workload, goal: '<= 1.3x', pass: cold / p <= 1.3 });
}
