import type { DelegateApi } from '../../../shared/ipc/contract';
import { desktopApi, saveFile } from '../../platform/platform';

/*
 * Where a backup is saved, chosen BEFORE it is made (a browser shows its save picker only
 * straight after the click), then written as a stream: the file is never one buffer in the
 * page. Desktop: main's save dialog, pieces through IPC into a temporary file main renames on
 * close. Web with the File System Access API (Chromium): the picker's writable, which Chromium
 * keeps in a swap file until close. Elsewhere: the browser's download of the Blob, as before.
 * A cancelled or failed save is aborted: nothing is left under the backup's name.
 */
export interface BackupTarget {
  write(file: Blob): Promise<void>;
  /** Completes the file; answers the name it was saved under. */
  close(): Promise<string>;
  abort(): Promise<void>;
}

/** Bytes per IPC write (main refuses more than MAX_BACKUP_WRITE_BYTES). */
export const DESKTOP_WRITE_BYTES = 8 * 1024 * 1024;

interface SaveFilePickerOptions {
  suggestedName?: string;
  types?: { description: string; accept: Record<string, string[]> }[];
}
interface WritableFile {
  write(data: Blob): Promise<void>;
  close(): Promise<void>;
  abort(reason?: unknown): Promise<void>;
}
export type ShowSaveFilePicker = (options: SaveFilePickerOptions) => Promise<{ name: string; createWritable(): Promise<WritableFile> }>;

export interface SaveEnvironment {
  desktop: DelegateApi | undefined;
  picker: ShowSaveFilePicker | undefined;
}

const environment = (): SaveEnvironment => ({
  desktop: desktopApi(),
  picker: (globalThis as { showSaveFilePicker?: ShowSaveFilePicker }).showSaveFilePicker,
});

const unwrap = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

/** Asks where to save; 'cancelled' when the delegate closes the dialog. */
export async function chooseBackupTarget(fileName: string, title: string, env: SaveEnvironment = environment()): Promise<BackupTarget | 'cancelled'> {
  if (env.desktop) return desktopTarget(env.desktop, fileName, title);
  if (env.picker) return pickerTarget(env.picker, fileName);
  return downloadTarget(fileName);
}

async function desktopTarget(api: DelegateApi, fileName: string, title: string): Promise<BackupTarget | 'cancelled'> {
  const opened = unwrap(await api.openBackupSave(fileName, title));
  if (!opened.opened) return 'cancelled';
  const { id } = opened;
  return {
    async write(file) {
      for (let at = 0; at < file.size; at += DESKTOP_WRITE_BYTES) {
        const bytes = new Uint8Array(await file.slice(at, at + DESKTOP_WRITE_BYTES).arrayBuffer());
        unwrap(await api.writeBackupSave(id, bytes));
      }
    },
    close: async () => unwrap(await api.closeBackupSave(id)).fileName,
    abort: async () => void (await api.abortBackupSave(id)),
  };
}

async function pickerTarget(picker: ShowSaveFilePicker, fileName: string): Promise<BackupTarget | 'cancelled'> {
  let handle: Awaited<ReturnType<ShowSaveFilePicker>>;
  try {
    handle = await picker({ suggestedName: fileName, types: [{ description: 'ASEAN delegate backup', accept: { 'application/x-ndjson': ['.adbackup'] } }] });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
    throw error;
  }
  const writable = await handle.createWritable();
  return {
    write: (file) => writable.write(file),
    close: async () => {
      await writable.close();
      return handle.name;
    },
    abort: () => writable.abort().catch(() => undefined),
  };
}

function downloadTarget(fileName: string): BackupTarget {
  let file: Blob | undefined;
  return {
    write: async (blob) => void (file = blob),
    close: async () => {
      if (file) saveFile(fileName, file, 'application/x-ndjson');
      return fileName;
    },
    abort: async () => void (file = undefined),
  };
}
