import type { Language } from '../../../shared/model';
import type { PackChapter, PackProfile } from '../../../shared/pack/model';
import { composePapersAnnex, type PapersAnnexPaper } from '../../../shared/pack/parts/papers-annex';
import { db } from '../../db/db';
import { formatDateTime } from '../../i18n/format';
import { translate } from '../../i18n/translate';

/**
 * The Word export's papers annex: the chosen papers, their versions and annotations read from
 * the database (the annotations as they are stored; nothing is written), laid out in the pack's
 * language by shared/pack/parts/papers-annex.ts.
 */
export async function wordAnnexChapters(paperIds: readonly string[], profile: PackProfile, language: Language): Promise<PackChapter[]> {
  const papers: PapersAnnexPaper[] = [];
  for (const paper of await db.papers.bulkGet([...paperIds])) {
    if (!paper) continue;
    const versions = (await db.paperVersions.where('paperId').equals(paper.id).toArray()).sort((a, b) => a.revision - b.revision);
    const annotations = await db.annotations.where('paperId').equals(paper.id).toArray();
    papers.push({ title: paper.title, currentVersionId: paper.currentVersionId, versions, annotations });
  }
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(language, key, vars);
  return composePapersAnnex(papers, profile, {
    title: t('packs.papers.group'),
    intro: t('papers.wordAnnex.intro'),
    versions: t('papers.wordAnnex.versions'),
    colVersion: t('papers.version'),
    colFile: t('papers.wordAnnex.file'),
    colPages: t('papers.wordAnnex.pages'),
    colAdded: t('papers.wordAnnex.added'),
    colSha: t('papers.wordAnnex.sha'),
    original: t('papers.original'),
    current: t('papers.current'),
    extracts: t('papers.wordAnnex.extracts'),
    noExtracts: t('papers.wordAnnex.noExtracts'),
    onPage: (page) => t('papers.annotations.onPage', { page }),
    status: (status) => t(`papers.status.${status}`),
    orphans: t('papers.wordAnnex.orphan'),
    note: t('papers.wordAnnex.note'),
    privateLeftOut: (count) => t('papers.wordAnnex.privateLeftOut', { count }),
    dateTime: (iso) => formatDateTime(iso, language),
  });
}
