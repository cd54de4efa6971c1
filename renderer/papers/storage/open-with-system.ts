import { db } from '../../db/db';
import { desktopApi } from '../../platform/platform';
import { saveVersionFile, versionBytes } from './papers-repo';

/**
 * "Open with the system viewer". The desktop app hands main the version's id, name and bytes
 * (main writes a private temp file and opens it with the system's default application; no path
 * crosses); web mode cannot reach the system, so the browser downloads the file instead.
 */
export type OpenOutcome = 'opened' | 'downloaded' | 'no-application' | 'failed';

export async function openVersionWithSystem(versionId: string): Promise<OpenOutcome> {
  const api = desktopApi();
  if (!api) {
    await saveVersionFile(versionId);
    return 'downloaded';
  }
  const [version, bytes] = await Promise.all([db.paperVersions.get(versionId), versionBytes(versionId)]);
  if (!version || !bytes) return 'failed';
  const result = await api.openPaperWithSystem(version.id, version.name, bytes as Uint8Array<ArrayBuffer>);
  if (!result.ok) return 'failed';
  return result.value.opened ? 'opened' : 'no-application';
}
