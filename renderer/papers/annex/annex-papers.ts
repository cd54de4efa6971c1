import { planAnnex, type AnnexPlan } from '../../../shared/papers/annex';
import type { PackAnnexRequest } from '../../../shared/papers/annex-request';
import type { Paper, PaperVersion } from '../../../shared/papers/model';
import { db } from '../../db/db';
import { versionBytes } from '../storage/papers-repo';

/*
 * The renderer's side of a pack annex, for the packs layout to call:
 * - `annexCandidates(meetingId)`: the meeting's PDF papers a delegate can choose from;
 * - `planPackAnnex(packPages, paperIds)`: where each chosen paper starts and the total to print
 *   in every "Page X of Y" (from the stored page counts, no PDF is parsed), for the contents;
 * - `annexRequest(...)`: the payload for main's printToPDF + merge (desktop);
 * - `<AnnexPrintPages>` (AnnexPrintPages.tsx): the same pages inside the pack for the browser's print (web).
 */

export interface AnnexCandidate {
  paper: Paper;
  version: PaperVersion;
}

export async function annexCandidates(meetingId: string): Promise<AnnexCandidate[]> {
  const papers = await db.papers.where('meetingId').equals(meetingId).sortBy('createdAt');
  const versions = await db.paperVersions.bulkGet(papers.map((p) => p.currentVersionId));
  return papers.flatMap((paper, i) => {
    const version = versions[i];
    return version?.isPdf && version.pageCount ? [{ paper, version }] : [];
  });
}

async function chosen(paperIds: readonly string[]): Promise<AnnexCandidate[]> {
  const papers = await db.papers.bulkGet([...paperIds]);
  const versions = await db.paperVersions.bulkGet(papers.map((p) => p?.currentVersionId ?? ''));
  return papers.flatMap((paper, i) => (paper && versions[i]?.isPdf ? [{ paper, version: versions[i] }] : []));
}

export async function planPackAnnex(packPageCount: number, paperIds: readonly string[]): Promise<AnnexPlan> {
  return planAnnex(
    packPageCount,
    (await chosen(paperIds)).map(({ paper, version }) => ({ title: paper.title, pageCount: version.pageCount ?? 0 })),
  );
}

export async function annexRequest(paperIds: readonly string[], marking: string, pageLabel: string): Promise<PackAnnexRequest> {
  const papers = [];
  for (const { paper, version } of await chosen(paperIds)) {
    const bytes = await versionBytes(version.id);
    if (bytes) papers.push({ title: paper.title, bytes: bytes as Uint8Array<ArrayBuffer> });
  }
  return { marking, pageLabel, papers };
}
