import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/model';
import { MAX_BACKUP_BYTES } from '../../shared/briefing/file-format';
import { BackupPage } from '../../renderer/features/backup/BackupPage';
import { MAX_STREAMED_BACKUP_BYTES } from '../../renderer/features/backup/stream/stream-format';
import { translate } from '../../renderer/i18n/translate';
import { useAppStore } from '../../renderer/store/store';

/*
 * A backup file above the size the app restores is refused at once, before it is read, in the
 * delegate's language, and nothing is offered for restore.
 */
const MB = 1024 * 1024;

// jsdom's Blob lacks text(), which every browser has (the page reads a backup's first line with it).
if (typeof Blob.prototype.text !== 'function') {
  Blob.prototype.text = async function text(this: Blob) {
    return new TextDecoder().decode(await this.arrayBuffer());
  };
}

/** A file whose content is `text` but whose size says `size` bytes (a real one that large would not fit in the test). */
function fileOfSize(text: string, size: number): File {
  const file = new File([text], 'big.adbackup');
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

const streamedHeader = JSON.stringify({ format: 'asean-delegate-backup', formatVersion: 4, appVersion: '1.0.0', schemaVersion: 1, createdAt: '2026-11-30T10:00:00.000Z', protection: { kind: 'plain' } });

describe('backup size cap', () => {
  it.each(LANGUAGES)('refuses a streamed backup above the cap, in %s', async (lang) => {
    act(() => useAppStore.setState({ language: lang }));
    render(<BackupPage />);
    const size = MAX_STREAMED_BACKUP_BYTES + 5 * MB;
    fireEvent.change(screen.getByLabelText(translate(lang, 'backup.choose')), { target: { files: [fileOfSize(`${streamedHeader}\n`, size)] } });
    const expected = translate(lang, 'backup.fileTooLarge', { size: Math.ceil(size / MB), max: MAX_STREAMED_BACKUP_BYTES / MB });
    expect((await screen.findByRole('status')).textContent).toBe(expected);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('refuses an older backup (one JSON text) above its own cap without reading it whole', async () => {
    render(<BackupPage />);
    const size = MAX_BACKUP_BYTES + MB;
    fireEvent.change(screen.getByLabelText(translate('en', 'backup.choose')), { target: { files: [fileOfSize('{"format":"asean-delegate-backup"}', size)] } });
    expect((await screen.findByRole('status')).textContent).toBe(translate('en', 'backup.fileTooLarge', { size: Math.ceil(size / MB), max: MAX_BACKUP_BYTES / MB }));
  });
});
