import { randomUUID } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, type IpcMainInvokeEvent } from 'electron';
import { MAX_BACKUP_SAVE_BYTES, type BackupSaveOpenResult } from '../shared/ipc/contract';

/*
 * A backup streamed to a file (desktop). Main shows the save dialog and keeps the path to
 * itself: the renderer holds only an id. The bytes go to a temporary file beside the chosen one
 * (same folder, so the rename is atomic); close renames it to the chosen name, abort (or a
 * failed write, or the window going away) removes it. A cancelled or failed save never leaves a
 * half file under the backup's name. Each save belongs to the web contents that opened it.
 */
const BACKUP_FILTERS = [{ name: 'Backup', extensions: ['adbackup'] }];
const EXTENSION = '.adbackup';

interface OpenSave {
  owner: number;
  target: string;
  temp: string;
  file: FileHandle;
  written: number;
}

type ChooseTarget = (event: IpcMainInvokeEvent, options: Electron.SaveDialogOptions) => Promise<string | undefined>;

const dialogTarget: ChooseTarget = async (event, options) => {
  const window = BrowserWindow.fromWebContents(event.sender);
  const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return choice.canceled || !choice.filePath ? undefined : choice.filePath;
};

/** The suggested name's base name, safe characters only (the renderer's name is a suggestion). */
export function safeBackupName(fileName: string): string {
  const base = path.basename(fileName.replace(/\\/g, '/')).replace(/[^A-Za-z0-9 ._-]/g, '_').replace(/^\.+/, '');
  const name = base || 'backup';
  return name.toLowerCase().endsWith(EXTENSION) ? name : `${name}${EXTENSION}`;
}

export class BackupSaves {
  private readonly saves = new Map<string, OpenSave>();

  constructor(private readonly chooseTarget: ChooseTarget = dialogTarget) {}

  async open({ fileName, title }: { fileName: string; title: string }, event: IpcMainInvokeEvent): Promise<BackupSaveOpenResult> {
    const chosen = await this.chooseTarget(event, { title: title.trim() || 'Save backup', defaultPath: safeBackupName(fileName), filters: BACKUP_FILTERS });
    if (!chosen) return { opened: false };
    const target = path.resolve(chosen);
    const id = randomUUID();
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${id}.partial`);
    // 'wx': never through a file (or a link) already at the temporary name.
    const file = await open(temp, 'wx', 0o600);
    this.saves.set(id, { owner: senderId(event), target, temp, file, written: 0 });
    return { opened: true, id, fileName: path.basename(target) };
  }

  async write({ id, bytes }: { id: string; bytes: Uint8Array }, event: IpcMainInvokeEvent): Promise<undefined> {
    const save = this.saveOf(id, event);
    if (save.written + bytes.byteLength > MAX_BACKUP_SAVE_BYTES) {
      await this.discard(id, save);
      throw new Error('a backup larger than the cap');
    }
    try {
      await save.file.write(bytes);
    } catch (error) {
      await this.discard(id, save);
      throw error;
    }
    save.written += bytes.byteLength;
    return undefined;
  }

  async close({ id }: { id: string }, event: IpcMainInvokeEvent): Promise<{ fileName: string }> {
    const save = this.saveOf(id, event);
    try {
      await save.file.sync();
      await save.file.close();
      await rename(save.temp, save.target);
    } catch (error) {
      await this.discard(id, save);
      throw error;
    }
    this.saves.delete(id);
    return { fileName: path.basename(save.target) };
  }

  async abort({ id }: { id: string }, event: IpcMainInvokeEvent): Promise<undefined> {
    const save = this.saves.get(id);
    if (save && save.owner === senderId(event)) await this.discard(id, save);
    return undefined;
  }

  /** Every save still open (the app quitting): their temporary files go. */
  /** Whether a save is still open (being written). */
  get pending(): boolean {
    return this.saves.size > 0;
  }

  async abortAll(): Promise<void> {
    await Promise.all([...this.saves].map(([id, save]) => this.discard(id, save)));
  }

  private saveOf(id: string, event: IpcMainInvokeEvent): OpenSave {
    const save = this.saves.get(id);
    if (!save || save.owner !== senderId(event)) throw new Error('no such save');
    return save;
  }

  private async discard(id: string, save: OpenSave): Promise<void> {
    this.saves.delete(id);
    await save.file.close().catch(() => undefined);
    await rm(save.temp, { force: true });
  }
}

const senderId = (event: IpcMainInvokeEvent) => (event.sender as { id?: number } | undefined)?.id ?? -1;

export const backupSaves = new BackupSaves();

/** On quit, a save still being written is removed (its temporary file) before the app exits. */
export function installBackupSaveCleanup(saves: BackupSaves = backupSaves): void {
  app.on('will-quit', (event) => {
    if (!saves.pending) return;
    event.preventDefault();
    void saves
      .abortAll()
      .catch((error: unknown) => console.error('Could not remove an unfinished backup', error))
      .finally(() => app.quit());
  });
}
