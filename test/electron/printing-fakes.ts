import { execFileSync } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { FakeBrowserWindow, FakeWebContents } from './fake-electron';

/* Windows whose web contents print (papers-print.test.ts): what a print dialog was shown is read back with pdftotext. */

/**
 * What the print dialogs of windows made from now on answer. A test sets it before the call: the
 * dialog may open and answer before the test gets hold of the window main creates.
 */
export const printDialog = { printed: true };

export class PrintingContents extends FakeWebContents {
  printToPDF = vi.fn(async (_options: unknown): Promise<Uint8Array> => new Uint8Array());
  printed = printDialog.printed;
  /** What the window showed when its print dialog opened: the file's pages as pdftotext reads them. */
  seen: { url: string; pages: string[]; mode: number } | undefined;
  url = '';
  print = vi.fn((_options: unknown, callback: (success: boolean) => void) => {
    if (!this.url) callback(this.printed);
    else
      void readPdf(this.url).then((seen) => {
        this.seen = seen;
        callback(this.printed);
      });
  });
}

async function readPdf(url: string) {
  const file = fileURLToPath(url);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const count = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  const pages = Array.from({ length: count }, (_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ').trim());
  return { url, pages, mode: (await stat(file)).mode & 0o777 };
}

/** The hidden window main creates: its contents print, and it can be destroyed. */
export class PrintWindow extends FakeBrowserWindow {
  override readonly webContents = new PrintingContents();
  destroyed = false;
  destroy = vi.fn(() => {
    this.destroyed = true;
  });
  isDestroyed(): boolean {
    return this.destroyed;
  }
  constructor(options: ConstructorParameters<typeof FakeBrowserWindow>[0]) {
    super(options);
    this.loadURL.mockImplementation(async (url: string) => {
      this.webContents.url = url;
    });
  }
}

