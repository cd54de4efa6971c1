import type { CDPSession } from 'playwright-core';
import { writeFile } from 'node:fs/promises';
import { freshPage, launchBrowser } from '../test/e2e/support/browser';
import { startWebServer } from '../test/e2e/support/server';
import { injectBrief } from '../test/e2e/pages/pack';
import { LockScreens } from '../test/e2e/pages/lock';
import { editorReadyAt } from './editor-ready';

/*
 * Profiles an unlock and the first open after it, as the crypto bench does them: the 300-item
 * brief, a passphrase set, locked on the briefings list. Prints the functions with the most
 * self and inclusive time for (1) the Unlock click to the app ready, and then on until the
 * page is idle again, and (2) the first open of the brief. `npm run build:web` first (with
 * `-- --minify false` for the source's names); PROFILE_OUT=prefix writes both .cpuprofile files.
 */
const ITEMS = 300;
const PASSPHRASE = 'kopi susu tarik pagi';
const slowdown = Number(process.env.PROFILE_CPU_SLOWDOWN ?? 1);

interface Profile {
  nodes: { id: number; children?: number[]; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

function report(label: string, profile: Profile): void {
  const name = (f: Profile['nodes'][number]['callFrame']) => `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfByName = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, ms] of self) {
    const key = name(nodes.get(id)!.callFrame);
    selfByName.set(key, (selfByName.get(key) ?? 0) + ms);
    const counted = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = name(nodes.get(at)!.callFrame);
      if (counted.has(k)) continue;
      counted.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
    }
  }
  const top = Number(process.env.PROFILE_TOP ?? 30);
  console.log(`\n== ${label}: self time`);
  for (const [k, ms] of [...selfByName].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${k}`);
  console.log(`== ${label}: inclusive time`);
  for (const [k, ms] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${k}`);
}

async function profiled<T>(cdp: CDPSession, label: string, work: () => Promise<T>): Promise<T> {
  await cdp.send('Profiler.start');
  const result = await work();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  report(label, profile);
  if (process.env.PROFILE_OUT) await writeFile(`${process.env.PROFILE_OUT}-${label}.cpuprofile`, JSON.stringify(profile));
  return result;
}

const server = await startWebServer();
const browser = await launchBrowser();
try {
  const { page, context } = await freshPage(browser, { firstRun: 'show' });
  const lock = new LockScreens(page);
  await page.goto(`${server.url}/settings`);
  await lock.continueWithoutPassphrase();
  await injectBrief(page, ITEMS);
  await page.getByRole('link', { name: 'Security: passphrase, locking, erasing' }).click();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Passphrase again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Encrypt my data' }).click();
  await lock.keepRecoveryKey();
  const title = `Brief on ${ITEMS} agenda items`;
  const list = async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Briefings' }).click();
    await page.getByRole('link', { name: title }).waitFor();
  };
  await list();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  if (slowdown > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  for (let round = 0; round < Number(process.env.PROFILE_ROUNDS ?? 1); round++) {
    await lock.lockByShortcut();
    await lock.unlockButtonEnabled();
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    const unlockMs = await profiled(cdp, 'unlock', async () => {
      const start = Date.now();
      await page.getByRole('button', { name: 'Unlock' }).click();
      await lock.appReady();
      const ready = Date.now() - start;
      await page.getByRole('link', { name: title }).waitFor();
      return ready;
    });
    const key = await page.evaluate(() => performance.getEntriesByName('lock:key-unwrapped')[0]?.duration ?? Number.NaN);
    const openMs = await profiled(cdp, 'first-open', async () => {
      const start = await page.evaluate(() => performance.now());
      await page.getByRole('link', { name: title }).click();
      return (await editorReadyAt(page, ITEMS)) - start;
    });
    console.log(`\nunlock click to ready ${unlockMs} ms (key ${key.toFixed(0)} ms); first open ${openMs.toFixed(0)} ms`);
    await list();
  }
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
