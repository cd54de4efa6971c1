import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { startWebServer, type WebServer } from './server';

/** One web server and one browser for a test file; each test opens its own fresh context. */
export function useWebApp(): { readonly url: string; readonly browser: Browser } {
  let server: WebServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
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
