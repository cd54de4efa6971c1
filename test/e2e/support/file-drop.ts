import type { JSHandle, Locator, Page } from 'playwright-core';

/*
 * Files dragged onto the page as a delegate drags them from the file manager: a DataTransfer
 * built in the page holding real File objects, and the drag events Chromium sends a drop zone
 * (dragenter, dragover, drop) dispatched on it. Playwright cannot hand the page a drag from the
 * desktop, so the File is made in the page from the bytes given here.
 */

export interface DroppedFile {
  name: string;
  type: string;
  bytes: Uint8Array;
  /** Padding after the bytes, made in the page from one repeated 1 MB blob: a large File without a large transfer. */
  padMegabytes?: number;
}

export async function fileTransfer(page: Page, files: DroppedFile[]): Promise<JSHandle<DataTransfer>> {
  const sent = files.map(({ name, type, bytes, padMegabytes = 0 }) => ({ name, type, base64: Buffer.from(bytes).toString('base64'), padMegabytes }));
  return page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    const megabyte = new Blob([new Uint8Array(1024 * 1024)]);
    for (const { name, type, base64, padMegabytes } of list) {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes, ...Array.from({ length: padMegabytes }, () => megabyte)], name, { type }));
    }
    return transfer;
  }, sent);
}

/** Carries the files over the target (dragenter, dragover) without dropping them. */
export async function dragFilesOver(target: Locator, transfer: JSHandle<DataTransfer>): Promise<void> {
  await target.dispatchEvent('dragenter', { dataTransfer: transfer });
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
}

/** Drags the files over the target and drops them there. */
export async function dropFiles(target: Locator, transfer: JSHandle<DataTransfer>): Promise<void> {
  await dragFilesOver(target, transfer);
  await target.dispatchEvent('drop', { dataTransfer: transfer });
}
