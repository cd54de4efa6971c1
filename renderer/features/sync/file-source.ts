import { DEFAULT_MAX_BUNDLE_BYTES } from '../../../shared/bundle/verify';
import { desktopApi } from '../../platform/platform';

/*
 * Getting a bundle's bytes from a file: main's open dialog in the desktop app (it checks the
 * size before reading and never tells the page the path), a file input in web mode, or a file
 * dropped on the page. The size is checked before the file is read here too.
 */

export type FileSource =
  /** `data`: the bytes main read (desktop), or the picked File itself, read later off the interface thread. */
  | { status: 'opened'; name: string; data: Uint8Array | Blob }
  | { status: 'cancelled' }
  | { status: 'too-large'; name: string; size: number; limit: number }
  | { status: 'failed'; message: string };

/** Whether "Update from file…" should ask main for its dialog rather than open a file input. */
export function hasDesktopFileDialog(): boolean {
  return desktopApi() !== undefined;
}

/** Desktop only: main's open dialog. */
export async function openWithDialog(title: string): Promise<FileSource> {
  const api = desktopApi();
  if (!api) return { status: 'failed', message: 'no desktop bridge' };
  const result = await api.openDatasetFile(title);
  if (!result.ok) return { status: 'failed', message: result.error.message };
  const value = result.value;
  if (value.status === 'opened') return { status: 'opened', name: value.name, data: value.bytes };
  if (value.status === 'not-a-file') return { status: 'failed', message: `${value.name} is a ${value.kind}, not a file` };
  return value;
}

/**
 * A file from an input or a drop; refused from its size alone when over the cap. It is not
 * read here: the sync engine reads it in its worker, so a large bundle never occupies the
 * interface thread.
 */
export function pickedFile(file: File, maxBytes = DEFAULT_MAX_BUNDLE_BYTES): FileSource {
  if (file.size > maxBytes) return { status: 'too-large', name: file.name, size: file.size, limit: maxBytes };
  return { status: 'opened', name: file.name, data: file };
}

/** The first file of a drop, if the drop carries files at all. */
export function droppedFile(transfer: DataTransfer | null): File | undefined {
  return transfer?.files[0];
}

/** Whether a drag carries files (so the drop zone shows only for those, not for dragged text). */
export function dragHasFiles(transfer: DataTransfer | null): boolean {
  return transfer !== null && Array.from(transfer.types).includes('Files');
}
