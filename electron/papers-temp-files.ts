import { rmSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app } from 'electron';

/*
 * Files main writes for the system to read (a paper opened with the system viewer, a pack
 * with its annex for the print dialog): one private folder per run of the app under the
 * system's temp folder, created 0700 by mkdtemp, files 0600, every name chosen by main. The
 * folder is removed when the app quits; folders a crashed run left behind are removed at the
 * next start (the single-instance lock means no other copy is using them).
 */

export const TEMP_PREFIX = 'adb-papers-';

/** A name the file systems accept, from a paper's file name: no folders, its extension kept. */
export function safeTempName(name: string, fallback = 'paper'): string {
  const base = path.basename(name.replace(/\\/g, '/'));
  const cleaned = base.replace(/[^\p{L}\p{N}._ ()-]+/gu, '-').replace(/^[-. ]+|[-. ]+$/g, '');
  if (!cleaned) return fallback;
  const ext = path.extname(cleaned).slice(0, 16);
  const stem = cleaned.slice(0, cleaned.length - path.extname(cleaned).length).slice(0, 100).replace(/[-. ]+$/, '') || fallback;
  return `${stem}${ext}`;
}

export interface PrivateTempFolder {
  /** Writes `bytes` as `<folder>/<subfolder>/<name>` (0600) and answers its path; main's names only. */
  write(subfolder: string, name: string, bytes: Uint8Array): Promise<string>;
  /** Removes one file written here (never anything outside the folder). */
  remove(file: string): Promise<void>;
  /** Removes the folder and everything in it (synchronous: called while the app quits). */
  removeAll(): void;
  /** The folder, once created (tests). */
  readonly location: string | undefined;
}

const SAFE_PART = /^[\p{L}\p{N}][\p{L}\p{N}._ ()-]{0,119}$/u;

export function createPrivateTempFolder(root: () => string): PrivateTempFolder {
  let folder: Promise<string> | undefined;
  let location: string | undefined;
  const ensure = () =>
    (folder ??= mkdtemp(path.join(root(), TEMP_PREFIX)).then((dir) => {
      location = dir;
      return dir;
    }));
  const inside = (dir: string, file: string) => {
    const relative = path.relative(dir, file);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  };
  return {
    get location() {
      return location;
    },
    async write(subfolder, name, bytes) {
      if (!SAFE_PART.test(subfolder) || !SAFE_PART.test(name)) throw new Error('not a name main chose');
      const dir = path.join(await ensure(), subfolder);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const file = path.join(dir, name);
      // A file left there (the same paper opened twice) is replaced, never written through: 'wx' refuses links.
      await rm(file, { force: true });
      await writeFile(file, bytes, { mode: 0o600, flag: 'wx' });
      return file;
    },
    async remove(file) {
      if (location && inside(location, file)) await rm(file, { force: true });
    },
    removeAll() {
      if (location) rmSync(location, { recursive: true, force: true });
      folder = undefined;
      location = undefined;
    },
  };
}

/** Removes the private folders earlier runs left behind (a crash skips the clean-up on quit). */
export async function removeLeftovers(root: string, uid = process.getuid?.()): Promise<number> {
  let removed = 0;
  for (const name of await readdir(root).catch(() => [] as string[])) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    const dir = path.join(root, name);
    const info = await lstat(dir).catch(() => undefined);
    // Only real folders of this user: never a link, never another user's files.
    if (!info?.isDirectory() || (uid !== undefined && info.uid !== uid)) continue;
    await rm(dir, { recursive: true, force: true });
    removed++;
  }
  return removed;
}

/** The app's one private folder, under the system's temp folder. */
export const papersTempFolder = createPrivateTempFolder(() => app.getPath('temp'));

/** At start: leftovers of a crashed run go; on quit: this run's folder goes. */
export function installTempCleanup(folder: PrivateTempFolder = papersTempFolder): void {
  void removeLeftovers(app.getPath('temp')).catch((error: unknown) => console.error('Could not remove old temporary papers', error));
  app.on('will-quit', () => {
    try {
      folder.removeAll();
    } catch (error) {
      console.error('Could not remove the temporary papers', error);
    }
  });
}
