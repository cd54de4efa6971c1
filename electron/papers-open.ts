import { shell } from 'electron';
import type { PaperOpenResult } from '../shared/ipc/contract';
import { papersTempFolder, safeTempName, type PrivateTempFolder } from './papers-temp-files';

/*
 * "Open with the system viewer" in the desktop app. The page hands over the version's id, its
 * file name and its bytes (main cannot read IndexedDB), never a path: main writes the bytes to
 * its private temp folder (0600, in a folder named by the version id, removed on quit) under a
 * name it cleans itself, and asks the system to open that file with its default application.
 */
export async function openPaperWithSystem(
  { versionId, name, bytes }: { versionId: string; name: string; bytes: Uint8Array },
  folder: PrivateTempFolder = papersTempFolder,
  openPath: (file: string) => Promise<string> = (file) => shell.openPath(file),
): Promise<PaperOpenResult> {
  const file = await folder.write(versionId, safeTempName(name), bytes);
  // openPath answers an error message, or '' once the system has taken the file.
  const error = await openPath(file);
  if (error) {
    console.error('The system could not open a paper', error);
    await folder.remove(file);
    return { opened: false, reason: 'no-application' };
  }
  return { opened: true };
}
