import { ownerKey, type PaperOwner, type PaperVersion } from '../../../shared/papers/model';
import { db } from '../../db/db';
import { meetingOf } from './papers-repo';

/**
 * The stored versions whose file has these bytes (by SHA-256) among the papers of the owner's
 * meeting, or of the owner itself when it belongs to no meeting: a file attached twice. Read
 * through the papers' own indexes and compared once decrypted: a version's SHA-256 is not an
 * index (schema 14), so the profile does not tell anyone holding it which known files it stores.
 */
export async function versionsOfSameFile(owner: PaperOwner, sha256: string): Promise<PaperVersion[]> {
  const meetingId = await meetingOf(owner);
  const papers = meetingId === undefined ? db.papers.where('ownerKey').equals(ownerKey(owner)) : db.papers.where('meetingId').equals(meetingId);
  const paperIds = (await papers.primaryKeys()) as string[];
  if (paperIds.length === 0) return [];
  const versions = await db.paperVersions.where('paperId').anyOf(paperIds).toArray();
  return versions.filter((v) => v.sha256 === sha256);
}
