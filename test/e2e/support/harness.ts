import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { startWebServer, type WebServer } from './server';

/** How long a file's clean-up may take before it counts as failed (a hung browser or server). */
export const HOOK_LIMIT_MS = 60_000;

/** One web server and one browser for a test file; each test opens its own fresh context. */
export function useWebApp(): { readonly url: string; readonly browser: Browser } {
  let server: WebServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
  });
  // Bounded: a browser whose page is stuck must fail the file, not hang the suite (the runner's
  // --test-force-exit then ends the process even if a handle is left).
  after(
    async () => {
      await browser?.close();
      await server?.stop();
    },
    { timeout: HOOK_LIMIT_MS },
  );
  return {
    get url() {
      if (!server) throw new Error('web server not started');
      return server.url;
    },
    get browser() {
      if (!browser) throw new Error('browser not started');
      return browser;
    },
  };
}
