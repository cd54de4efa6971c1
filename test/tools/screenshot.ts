/**
 * Takes screenshots of the built web app in headless Chromium, as a delegate would see it.
 * Usage: tsx test/tools/screenshot.ts OUT_DIR /path [/path ...]   (run `npm run build:web` first)
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freshPage, launchBrowser, pageErrors, waitForApp } from '../e2e/support/browser';
import { startWebServer } from '../e2e/support/server';

const [outDir = 'screenshots', ...paths] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const server = await startWebServer();
const browser = await launchBrowser();
try {
  const { page } = await freshPage(browser);
  await page.goto(`${server.url}/`);
  await waitForApp(page);
  for (const path of paths.length > 0 ? paths : ['/']) {
    await page.goto(`${server.url}${path}`);
    await waitForApp(page);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    const file = join(outDir, `${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}.png`);
    await page.screenshot({ path: file, fullPage: process.env.FULL_PAGE === '1' });
    console.log(file);
  }
  const errors = pageErrors(page);
  if (errors.length > 0) console.error('page errors:', errors);
} finally {
  await browser.close();
  await server.stop();
}
