import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, vi } from 'vitest';
import { fakeElectron } from './fake-electron';

/*
 * The set-up shared by the tests of files a delegate picks in the open dialog (datasets, papers):
 * the shared fake Electron plus a dialog that answers with whatever file it is told, and a
 * temporary folder for the files. A test file mocks electron with
 *   vi.mock('electron', async () => (await import('./picked-file-fixture')).electronWithDialog());
 */

export const dialog = {
  answer: { canceled: true, filePaths: [] as string[] },
  showOpenDialog: vi.fn(async (..._args: unknown[]) => dialog.answer),
};

export async function electronWithDialog() {
  const fake = (await import('./fake-electron')).fakeElectronModule;
  return { ...fake, dialog, default: { ...fake.default, dialog } };
}

export interface PickedFiles {
  /** The temporary folder (a test checks that its path never reaches the page). */
  readonly dir: string;
  /** Writes a file in the folder and returns its path. */
  write(name: string, content: string | Uint8Array): Promise<string>;
  /** The dialog answers with this path next time. */
  pick(file: string): void;
}

/** Registers the hooks: a fresh folder for the file, a reset fake and dialog before each test. */
export function usePickedFiles(prefix: string): PickedFiles {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    fakeElectron.reset();
    dialog.showOpenDialog.mockClear();
    dialog.answer = { canceled: true, filePaths: [] };
  });
  return {
    get dir() {
      return dir;
    },
    async write(name, content) {
      const file = path.join(dir, name);
      await writeFile(file, content);
      return file;
    },
    pick(file) {
      dialog.answer = { canceled: false, filePaths: [file] };
    },
  };
}
