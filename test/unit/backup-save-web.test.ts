import { describe, expect, it, vi } from 'vitest';
import { chooseBackupTarget, type ShowSaveFilePicker } from '../../renderer/features/backup/save-backup-file';

/*
 * Web mode with the File System Access API: the backup is written through the picker's
 * writable (Chromium keeps it in a swap file until close), and an aborted save closes nothing.
 */
function fakePicker(answer: 'file' | 'cancel') {
  const written: Blob[] = [];
  const writable = { write: vi.fn(async (b: Blob) => void written.push(b)), close: vi.fn(async () => undefined), abort: vi.fn(async () => undefined) };
  const picker = vi.fn<ShowSaveFilePicker>(async () => {
    if (answer === 'cancel') throw new DOMException('The user aborted a request.', 'AbortError');
    return { name: 'chosen.adbackup', createWritable: async () => writable };
  });
  return { picker, writable, written };
}

describe('saving a backup in web mode', () => {
  it('streams the file into the picked file and closes it', async () => {
    const { picker, writable, written } = fakePicker('file');
    const target = await chooseBackupTarget('asean-delegate-backup.adbackup', 'Back up', { desktop: undefined, picker });
    expect(picker).toHaveBeenCalledWith(expect.objectContaining({ suggestedName: 'asean-delegate-backup.adbackup' }));
    if (target === 'cancelled') throw new Error('not cancelled');
    const file = new Blob(['{"header":1}\n', '{"part":"end"}\n']);
    await target.write(file);
    expect(await target.close()).toBe('chosen.adbackup');
    expect(written).toEqual([file]);
    expect(writable.close).toHaveBeenCalledOnce();
    expect(writable.abort).not.toHaveBeenCalled();
  });

  it('aborts the writable when the backup is not saved, so no file is kept', async () => {
    const { picker, writable } = fakePicker('file');
    const target = await chooseBackupTarget('b.adbackup', 'Back up', { desktop: undefined, picker });
    if (target === 'cancelled') throw new Error('not cancelled');
    await target.abort();
    expect(writable.abort).toHaveBeenCalledOnce();
    expect(writable.close).not.toHaveBeenCalled();
  });

  it('says cancelled when the delegate closes the picker', async () => {
    const { picker } = fakePicker('cancel');
    expect(await chooseBackupTarget('b.adbackup', 'Back up', { desktop: undefined, picker })).toBe('cancelled');
  });
});
