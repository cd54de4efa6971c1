import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; playwright-core never downloads a browser of its own. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium from reaching for the network this machine does not have. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/**
 * Answers the first-run set-up the way a delegate doing OFFICIAL-only work would ("continue
 * without a passphrase"), for tests that are about something else. The lock's own tests open
 * their pages with `{ firstRun: 'show' }` and go through set-up themselves.
 */
export const SKIP_FIRST_RUN_SETUP = `new MutationObserver((_, observer) => {
  const skip = document.querySelector('[data-action="continue-without-passphrase"]');
  if (skip) { observer.disconnect(); skip.click(); }
}).observe(document, { childList: true, subtree: true });`;

/** A fresh context: its own origin storage, so every test starts from an empty database. */
export async function freshPage(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] & { firstRun?: 'skip' | 'show' } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const { firstRun = 'skip', ...contextOptions } = options;
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, ...contextOptions });
  // tsx keeps function names with a __name helper inside functions sent to page.evaluate.
  await context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
  if (firstRun === 'skip') await context.addInitScript(SKIP_FIRST_RUN_SETUP);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  (page as Page & { errors?: string[] }).errors = errors;
  return { context, page };
}

/** Waits for the event the app emits when its database and dataset are ready (no sleeping). */
export async function waitForApp(page: Page): Promise<void> {
  await page.waitForSelector('html[data-app-ready="true"]', { timeout: 30_000 });
}

export function pageErrors(page: Page): string[] {
  return (page as Page & { errors?: string[] }).errors ?? [];
}
